#pragma once

#include <string>
#include <vector>

#include "reference/curated_claims.hpp"

namespace mirhit::engine {

struct curated_request {
    std::string mirna;                     // filter: a miRNA name as written (miR-21, hsa-miR-21-5p, ...)
    std::string gene;                      // filter: a gene name or alias (PTEN, ZO-1, ...)
    std::vector<std::string> extra_files;  // --curated: more claims tables
    bool no_builtin = false;               // --no-builtin: only the --curated tables
    std::string output = "-";
};

// Runs `mirhit curated`: the claims table, filtered, as TSV.
void run_curated(const curated_request& args, const std::string& command_line);

}  // namespace mirhit::engine
