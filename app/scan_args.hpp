#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <string>
#include <vector>

#include "app/score_setup.hpp"
#include "app/utr_input.hpp"

namespace mirhit::app {

struct scan_args {
    std::vector<std::string> utr_files;  // "-" is standard input
    std::string mirna_file;              // empty: the built-in human set
    std::string species;                 // miRNA name prefix, e.g. "hsa"
    std::vector<std::string> mirna_names;
    std::vector<std::string> sites;      // site type names; empty: all
    std::string output = "-";
    std::string format = "tsv";
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
    std::vector<std::string> output_options;  // with a shard: -o, --gene-summary, --claims as the command line records them
};

inline bool scores(const scan_args& args, std::string_view kind) {
    return std::find(args.score.begin(), args.score.end(), kind) != args.score.end();
}

struct targetscan_args {
    std::string family_file;
    std::string utr_file;
    std::string output_file;
};

}  // namespace mirhit::app
