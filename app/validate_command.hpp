#pragma once

#include "app/score_setup.hpp"

#include <string>
#include <vector>

namespace mirhit::app {

struct validate_args {
    std::string mirna;                     // as written (miR-21, hsa-miR-21-5p, ...); empty with curated_all
    std::string gene;                      // symbol or alias (PTEN, VE-cadherin, ...); empty with curated_all
    bool curated_all = false;              // every claim of the claims tables instead of one pair
    std::vector<std::string> utr_files;    // "-" is standard input
    std::string mirna_file;                // empty: the built-in human set
    score_options score_inputs;            // --orf, --ta
    std::string energy_params_file;        // --energy-params: ViennaRNA .par file; empty: built-in Turner 2004
    std::vector<std::string> extra_claims;  // --curated: more claims tables
    bool no_builtin = false;               // --no-builtin: only the --curated tables
    std::string output = "-";
    std::string html;                      // also write an HTML report here
};

// Runs `mirhit validate`: the sites, context++ scores, duplexes, gene rank, curated claims and a verdict for
// a miRNA and a gene (or every curated pair) in a set of 3'UTRs. Throws input_error on bad input
// and when the gene has no UTR in the input.
void run_validate(const validate_args& args, const std::string& command_line);

}  // namespace mirhit::app
