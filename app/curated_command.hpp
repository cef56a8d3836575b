#pragma once

#include <string>
#include <vector>

#include "reference/curated_claims.hpp"

namespace mirhit::app {

struct curated_args {
    std::string mirna;                     // filter: a miRNA name as written (miR-21, hsa-miR-21-5p, ...)
    std::string gene;                      // filter: a gene name or alias (PTEN, ZO-1, ...)
    std::vector<std::string> extra_files;  // --curated: more claims tables
    bool no_builtin = false;               // --no-builtin: only the --curated tables
    std::string output = "-";
};

// The claims of a run: the built-in table unless no_builtin, then each extra file; description
// says where they came from. Throws input_error for a bad table.
std::vector<reference::claim> load_claims(const std::vector<std::string>& extra_files, bool no_builtin,
                                          std::string& description);

// Runs `mirhit curated`: the claims table, filtered, as TSV.
void run_curated(const curated_args& args, const std::string& command_line);

}  // namespace mirhit::app
