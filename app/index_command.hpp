#pragma once

#include <string>
#include <vector>

#include "scoring/accessibility.hpp"

namespace CLI {
class App;
}

namespace mirhit::app {

struct index_args {
    std::vector<std::string> utr_files;  // "-" is standard input
    std::string output;
    scoring::plfold_options access;      // --access-window, --access-span, --access-unpaired
    std::string energy_params_file;
    bool quiet = false;
};

// Registers `mirhit index` with its options and help.
CLI::App* add_index_command(CLI::App& app, index_args& args);

// Runs `mirhit index`: builds a mirhit index of the UTR files (io/utr_index.hpp).
void run_index(const index_args& args);

}  // namespace mirhit::app
