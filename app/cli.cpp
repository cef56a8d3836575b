#include "app/cli.hpp"

#include <iostream>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <oneapi/tbb/global_control.h>

#include "app/command.hpp"
#include "app/version_text.hpp"
#include "core/error.hpp"
#include "mirhit/version.hpp"

namespace mirhit::app {

int main(int argc, char** argv) {
    CLI::App app{"mirhit " + std::string(version) + ": fast, exact microRNA target-site prediction", "mirhit"};
    app.set_version_flag("--version", version_text());
    app.require_subcommand(1);
    app.footer("\nRun 'mirhit COMMAND --help' for a command's options and a worked example.");

    unsigned threads = 0;
    const std::vector<command> commands = {
        add_scan_command(app, threads),       add_merge_command(app),
        add_abundance_command(app, threads),  add_curated_command(app),
        add_validate_command(app, threads),   add_targetscan_command(app, threads),
        add_targetscan_context_command(app, threads), add_targetscan_bl_bins_command(app, threads),
        add_targetscan_bl_pct_command(app, threads),  add_targetscan_count_8mers_command(app, threads),
        add_utrs_command(app),                add_duplex_command(app, threads)};

    // A list option takes one argument per use (split at commas), so "--sites 8mer FILE" leaves
    // FILE to the positional arguments.
    for (auto* sub : app.get_subcommands({}))
        for (auto* opt : sub->get_options())
            if (!opt->get_positional() && opt->get_items_expected_max() > 1) opt->allow_extra_args(false);

    const command* chosen = nullptr;
    try {
        app.parse(argc, argv);
        for (const auto& c : commands)
            if (c.cli->parsed()) chosen = &c;
        if (chosen && chosen->check) chosen->check();
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);
        std::string command = app.get_subcommands().empty() ? "" : " " + app.get_subcommands().front()->get_name();
        std::cerr << "mirhit: error: " << e.what() << "\nRun 'mirhit" << command << " --help' for usage.\n";
        return 2;
    }

    std::optional<oneapi::tbb::global_control> limit;
    if (threads) limit.emplace(oneapi::tbb::global_control::max_allowed_parallelism, threads);
    try {
        chosen->run(argc, argv);
        return 0;
    } catch (const input_error& e) {
        std::cerr << "mirhit: error: " << e.what() << "\n";
    } catch (const std::bad_alloc&) {
        std::cerr << "mirhit: error: out of memory\n";
    } catch (const std::exception& e) {
        std::cerr << "mirhit: error: " << e.what() << "\n";
    }
    return 1;
}

}  // namespace mirhit::app
