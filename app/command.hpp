#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "scoring/accessibility.hpp"

namespace mirhit::app {

// A subcommand as cli.cpp drives it: registered on the CLI::App (options bound to its own args
// struct), checked after parsing (throws CLI::ValidationError), then run.
struct command {
    CLI::App* cli = nullptr;
    std::function<void()> check;                 // may be empty
    std::function<void(int argc, char** argv)> run;
};

// Each command's registration, in the order `mirhit --help` lists them. threads: the shared
// --threads value (0: all cores).
command add_scan_command(CLI::App& app, unsigned& threads);
command add_merge_command(CLI::App& app);
command add_abundance_command(CLI::App& app, unsigned& threads);
command add_curated_command(CLI::App& app);
command add_validate_command(CLI::App& app, unsigned& threads);
command add_targetscan_command(CLI::App& app, unsigned& threads);
command add_targetscan_context_command(CLI::App& app, unsigned& threads);
command add_utrs_command(CLI::App& app);
command add_duplex_command(CLI::App& app, unsigned& threads);
command add_targetscan_bl_bins_command(CLI::App& app, unsigned& threads);
command add_targetscan_bl_pct_command(CLI::App& app, unsigned& threads);
command add_targetscan_count_8mers_command(CLI::App& app, unsigned& threads);
command add_index_command(CLI::App& app, unsigned& threads);

// Helpers of the commands' registration.

// The command line as recorded in outputs. --threads and --quiet are left out: they cannot change
// the output.
// For a shard (output_options set), --shard is left out too, so that the shards' outputs record
// the single run's command line, and *output_options gets the recorded text of every output
// option (-o, --gene-summary, --claims), which mirhit merge replaces by its own outputs.
std::string recorded_command_line(int argc, char** argv, std::vector<std::string>* output_options = nullptr);

// Accepts a whole number in [low, high], with a message that says so.
CLI::Validator whole_number(std::uint64_t low, std::uint64_t high);

// Whether two output arguments name the same file ("-" is standard output; /dev/null and other
// devices may take both).
bool same_output(const std::string& a, const std::string& b);

// --sites choices (scan, validate): every class name, then "canonical" and "all".
std::vector<std::string> site_option_names();

void add_threads_option(CLI::App& command, unsigned& threads);
// -q,--quiet: no progress on standard error.
void add_quiet_option(CLI::App& command, bool& quiet);
// --utr FILE (repeatable), besides a command's positional UTR files; join_utr_files appends them
// to the positional ones after parsing (each command checks that it has UTR files or --index).
void add_utr_option(CLI::App& command, std::vector<std::string>& files);
void join_utr_files(std::vector<std::string>& files, const std::vector<std::string>& more);

// An older spelling of an option, still accepted but not shown in --help.
template <class T>
void add_hidden_alias(CLI::App& command, const std::string& name, T& value) {
    command.add_option(name, value)->group("");
}
inline void add_hidden_flag_alias(CLI::App& command, const std::string& name, bool& value) {
    command.add_flag(name, value)->group("");
}

// --help without CLI11's type noise: an option's value is shown by its type_name only (FILE, N).
class help_formatter : public CLI::Formatter {
public:
    std::string make_option_opts(const CLI::Option* opt) const override;
};

// --access-window, --access-span and --access-unpaired: the accessibility model (scan, index).
void add_access_options(CLI::App& command, scoring::plfold_options& access);

}  // namespace mirhit::app
