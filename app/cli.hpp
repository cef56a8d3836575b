#pragma once

namespace mirhit::app {

// The whole command-line program: parses arguments, runs the subcommand, reports errors.
// Returns the exit code: 0 success, 1 bad input or failed run, 2 bad usage.
int main(int argc, char** argv);

}  // namespace mirhit::app
