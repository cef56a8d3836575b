#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "io/targetscan_orf_files.hpp"
#include "io/targetscan_pct_files.hpp"

namespace mirhit::app {

// The drop-ins for TargetScan 7's conservation scripts: targetscan-bl-bins
// (targetscan_70_BL_bins.pl), targetscan-bl-pct (targetscan_70_BL_PCT.pl) and
// targetscan-count-8mers (targetscan_count_8mers.pl).
class targetscan_pct_commands {
public:
    // Registers the subcommands; add_threads adds the shared --threads option to each, and
    // `threads` is the value it sets.
    targetscan_pct_commands(CLI::App& app, const std::function<void(CLI::App&)>& add_threads, const unsigned& threads);

    // Runs the subcommand that was parsed; false when none of these was.
    bool run_parsed() const;

private:
    CLI::App* bins_cmd_ = nullptr;
    CLI::App* pct_cmd_ = nullptr;
    CLI::App* count_cmd_ = nullptr;
    const unsigned& threads_;
    std::string utr_file_, bins_output_ = "-";
    io::targetscan_bl_pct_files pct_files_{{}, {}, {}, "-"};
    io::targetscan_count_8mers_files count_files_;
    io::targetscan_pct_options options_;
    bool count_fixed_ = false;
};

}  // namespace mirhit::app
