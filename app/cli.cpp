#include "app/cli.hpp"

#include <algorithm>
#include <iostream>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <oneapi/tbb/global_control.h>

#include "app/command.hpp"
#include "app/version_text.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "io/atomic_output.hpp"
#include "io/utr_index.hpp"
#include "mirhit/version.hpp"

namespace mirhit::app {

namespace {

// The first word of the command line when it is neither an option nor a command.
void check_command_name(CLI::App& app, const std::string& word) {
    if (word.starts_with("-")) return;
    std::vector<std::string> names;
    for (const auto* sub : app.get_subcommands({})) names.push_back(sub->get_name());
    if (std::find(names.begin(), names.end(), word) == names.end())
        throw CLI::ExtrasError("unknown command '" + word + "'" + did_you_mean(word, names), CLI::ExitCodes::ExtrasError);
}

// For an unknown option, "; did you mean '--threads'?" when one of the command's options is near.
std::string unknown_option_hint(CLI::App& app, const CLI::ParseError& e) {
    const std::string prefix = "The following argument was not expected: ";
    const std::string what = e.what();
    if (!what.starts_with(prefix) || what.find(' ', prefix.size()) != std::string::npos) return {};
    std::string word = what.substr(prefix.size());
    if (!word.starts_with("-")) return {};
    word = word.substr(0, word.find('='));
    const auto subs = app.get_subcommands();
    const CLI::App& command = subs.empty() ? app : *subs.front();
    std::vector<std::string> names;
    for (const auto* opt : command.get_options()) {
        if (opt->get_group().empty()) continue;  // hidden aliases are not suggested
        for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
        for (const auto& n : opt->get_snames()) names.push_back("-" + n);
    }
    return did_you_mean(word, names);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"mirhit " + std::string(version) + ": fast, exact microRNA target-site prediction", "mirhit"};
    app.formatter(std::make_shared<help_formatter>());  // before the commands: they copy it
    app.set_version_flag("-V,--version", version_text);  // built when asked: it loads the gene alias table
    app.require_subcommand(1);
    app.footer("\nRun 'mirhit COMMAND --help' for a command's options and a worked example.");

    unsigned threads = 0;
    const std::vector<command> commands = {
        add_scan_command(app, threads),       add_merge_command(app),
        add_abundance_command(app, threads),  add_curated_command(app),
        add_validate_command(app, threads),   add_targetscan_command(app, threads),
        add_targetscan_context_command(app, threads), add_targetscan_bl_bins_command(app, threads),
        add_targetscan_bl_pct_command(app, threads),  add_targetscan_count_8mers_command(app, threads),
        add_utrs_command(app),                add_duplex_command(app, threads),
        add_index_command(app, threads)};

    // A list option takes one argument per use (split at commas), so "--sites 8mer FILE" leaves
    // FILE to the positional arguments.
    for (auto* sub : app.get_subcommands({}))
        for (auto* opt : sub->get_options())
            if (!opt->get_positional() && opt->get_items_expected_max() > 1) opt->allow_extra_args(false);

    if (argc == 1) {  // bare `mirhit`: the usage
        std::cerr << app.help();
        return 2;
    }
    const command* chosen = nullptr;
    try {
        check_command_name(app, argv[1]);
        app.parse(argc, argv);
        for (const auto& c : commands)
            if (c.cli->parsed()) chosen = &c;
        if (chosen && chosen->check) chosen->check();
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);
        std::string command = app.get_subcommands().empty() ? "" : " " + app.get_subcommands().front()->get_name();
        std::cerr << "mirhit: error: " << e.what() << unknown_option_hint(app, e) << "\nRun 'mirhit" << command << " --help' for usage.\n";
        return 2;
    }

    std::optional<oneapi::tbb::global_control> limit;
    if (threads) limit.emplace(oneapi::tbb::global_control::max_allowed_parallelism, threads);
    try {
        chosen->run(argc, argv);
        return 0;
    } catch (const io::output_clash& e) {  // found before anything was read: a usage error
        std::cerr << "mirhit: error: " << e.what() << "\n";
        return 2;
    } catch (const io::index_mismatch& e) {  // bad usage: the run's options do not fit the index
        std::cerr << "mirhit: error: " << e.what() << "\n";
        return 2;
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
