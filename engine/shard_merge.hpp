#pragma once

#include <string>
#include <vector>

namespace mirhit::engine {

struct merge_request {
    std::vector<std::string> shard_files;  // any order, any of the kinds below
    std::string output = "-";              // from the shards' site outputs
    std::string gene_summary;              // from their --gene-summary files
    std::string claims;                    // from their --claims files
};

// Joins the outputs of the N shards of one `mirhit scan --shard K/N` run into the outputs the run
// would have written unsharded, byte for byte: their '##' header without the shard line and with
// the shards' output options replaced by this merge's outputs (none for standard output or an
// output not merged); site rows in shard order with the tsv claims footer added up from the
// shards' claim tallies; the gene summary replayed from every shard's log into one summary
// (ranks among all genes); the claims table added up. Fails (input_error) unless every shard
// 1..N of each kind of output comes from the same run and is given exactly once.
void run_merge(const merge_request& args);

}  // namespace mirhit::engine
