#include "app/command.hpp"
#include "app/io_paths.hpp"

#include <memory>

#include "engine/curated.hpp"

namespace mirhit::app {

namespace {

constexpr const char* curated_footer = R"(
Synopsis:
  mirhit curated [--mirna NAME] [--gene NAME] [--curated TABLE ...] [--no-builtin-claims] [-o FILE]

Prints the curated table of published metastasis miRNA -> target claims (built in, from the
review articles in the project's seed documents), one row per claim with the miRNA and gene as
written and normalised, the stated effect, cancer type, cell source, organ or process, the cited
paper and a quote. --mirna and --gene filter by names as biologists write them (miR-21,
hsa-mir-21, let-7a, ZO-1, VE-cadherin): the ## lines say how each name was resolved.
--curated adds rows from your own table (same 14 columns); --no-builtin-claims leaves the built-in out.

Example:
  mirhit curated --gene ZO-1
  mirhit curated --mirna miR-21 -o mir21_claims.tsv
)";

}  // namespace

command add_curated_command(CLI::App& app) {
    auto args = std::make_shared<engine::curated_request>();
    auto& curated = *args;
    auto* curated_cmd = app.add_subcommand("curated", "Print the curated metastasis miRNA-target claims");
    curated_cmd->add_option("--mirna", curated.mirna, "Only claims of this miRNA (any common spelling)")->type_name("NAME");
    curated_cmd->add_option("--gene", curated.gene, "Only claims on this gene (symbol or alias)")->type_name("NAME");
    curated_cmd->add_option("--curated", curated.extra_files, "Also read this claims table (14 columns, see the README)")->type_name("TABLE");
    curated_cmd->add_flag("--no-builtin-claims", curated.no_builtin, "Leave the built-in table out");
    add_hidden_flag_alias(*curated_cmd, "--no-builtin", curated.no_builtin);
    curated_cmd->add_option("-o,--output", curated.output, "Output file (default: standard output)")->type_name("FILE");
    curated_cmd->footer(curated_footer);
    return {curated_cmd, {}, [=](int argc, char** argv) { check_paths(*args); engine::run_curated(*args, recorded_command_line(argc, argv)); }};
}

}  // namespace mirhit::app
