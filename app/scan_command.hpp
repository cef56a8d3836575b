#pragma once

#include <string>

#include "app/scan_args.hpp"

namespace mirhit::app {

// Runs `mirhit scan`; throws input_error on bad input. command_line is recorded in the output.
void run_scan(const scan_args& args, const std::string& command_line);

}  // namespace mirhit::app
