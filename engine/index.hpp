#pragma once

#include <string>
#include <vector>

#include "scoring/accessibility.hpp"

namespace mirhit::engine {

// `mirhit index` as the command line gives it.
struct index_request {
    std::vector<std::string> utr_files;  // "-" is standard input
    std::string output;
    scoring::plfold_options access;      // --access-window, --access-span, --access-unpaired
    std::string energy_params_file;      // empty: built-in Turner 2004
    bool quiet = false;                  // no progress on standard error
};

// Runs `mirhit index`: reads the UTR files as scan does (headers parsed, ids checked) and builds
// a mirhit index of them (io/utr_index.hpp), with progress on standard error.
void run_index(const index_request& request);

}  // namespace mirhit::engine
