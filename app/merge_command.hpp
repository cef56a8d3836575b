#pragma once

#include <string>
#include <vector>

namespace mirhit::app {

struct merge_args {
    std::vector<std::string> shard_files;  // any order
    std::string output = "-";
};

// Joins the outputs of the N shards of one `mirhit scan --shard K/N` run (tsv, bed or jsonl) into
// the output the run would have written unsharded: the shards' rows in shard order, the '##'
// header without the shard line and with the shards' output option replaced by this output
// (`-o FILE`, or none for standard output), and for tsv the claims footer added up from the
// shards' claim tallies. Fails (input_error) unless every shard 1..N of the same run is given
// exactly once.
void run_merge(const merge_args& args);

}  // namespace mirhit::app
