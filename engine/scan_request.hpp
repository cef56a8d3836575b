#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/site.hpp"
#include "engine/score_setup.hpp"
#include "engine/shard.hpp"
#include "scoring/accessibility.hpp"

namespace mirhit::engine {

// `mirhit scan` as the command line gives it: names of files, miRNAs, site types, score kinds.
struct scan_request {
    std::vector<std::string> utr_files;  // "-" is standard input
    std::string index_file;              // --index: a mirhit index instead of utr_files
    std::string mirna_file;              // empty: the built-in human set
    std::string species;                 // miRNA name prefix, e.g. "hsa"
    std::vector<std::string> mirna_names;
    std::vector<std::string> sites;      // site type names; empty: all
    std::string output = "-";
    std::string format = "tsv";          // tsv, bed, jsonl or counts
    std::string gene_summary;
    bool both_strands = false;           // also the reverse strand (genomic DNA)
    bool genome_coords = false;          // bed in genome coordinates from `utrs --gtf` headers
    std::vector<std::string> score;      // score kinds: "context++", "duplex", "access"; empty: none
    std::string energy_params_file;      // --energy-params: ViennaRNA .par file; empty: built-in Turner 2004
    scoring::plfold_options access;      // --access-window, --access-span, --access-unpaired
    score_options score_inputs;          // --ta, --orf, --isoforms, --pct
    std::vector<std::string> curated_files;  // more claims tables
    bool no_builtin_claims = false;
    std::string claims_file;             // --claims: per-claim summary table
    std::size_t chunk_size = 1u << 18;   // sequence bytes per parallel work item
    shard_spec shard;                    // --shard K/N
    bool quiet = false;                  // no progress on standard error
    std::vector<std::string> output_options;  // with a shard: -o, --gene-summary, --claims as the command line records them
};

// --sites names ("canonical", "all" or class names, checked by the parser) as a set; empty:
// the canonical types. site_list: the set's names, comma-separated.
site_type_set parse_sites(const std::vector<std::string>& names);
std::string site_list(site_type_set types);

inline bool scores(const scan_request& request, std::string_view kind) {
    return std::find(request.score.begin(), request.score.end(), kind) != request.score.end();
}

// Runs `mirhit scan`: the request's job on a scan_engine, with its site rows (or counts), gene
// summary and claims table written as files. Throws input_error on bad input. command_line is
// recorded in the outputs.
void run_scan(const scan_request& request, const std::string& command_line);

}  // namespace mirhit::engine
