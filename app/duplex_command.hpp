#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace mirhit::app {

struct duplex_args {
    std::vector<std::string> inputs{"-"};  // "-" is standard input
    std::string output = "-";
    std::string energy_params_file;  // empty: built-in Turner 2004
};

// Adds the `duplex` subcommand (options, help text) to app, filling args when parsed.
CLI::App* add_duplex_command(CLI::App& app, duplex_args& args);

// Runs `mirhit duplex`: a drop-in for ViennaRNA's RNAduplex with default options.
void run_duplex(const duplex_args& args);

}  // namespace mirhit::app
