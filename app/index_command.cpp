#include "app/command.hpp"

#include <memory>

#include "engine/index.hpp"

namespace mirhit::app {

namespace {

constexpr const char* index_footer = R"(
Synopsis:
  mirhit index [--access-window NT] [--access-span NT] [--access-unpaired NT]
               [--energy-params FILE] [--quiet] -o INDEX.mhx UTR.fa [UTR2.fa.gz ...]

Builds a mirhit index of a 3'UTR set once, to be queried many times (as a BLAST database or a
minimap2 index): the records (headers, ids, genes and their symbols through the alias table,
sequences), the set's site counts for TA, and per position the unpaired probabilities that SA
(14 nt) and dG_open (8 nt) read, folded with RNAplfold's model (the --access-* options and
--energy-params as scan's). scan, validate and abundance then take --index INDEX.mhx in place of
the UTR files and write the same output as from the FASTA files, with a '##' line naming the
index; a run with another accessibility model or energy parameters is refused. The file is
memory-mapped: a query reads only the records and positions it needs. Progress (records, Mb,
Mb/s) goes to standard error after the first seconds; --quiet leaves it out.

Example:
  mirhit index examples/utrs.fa -o utrs.mhx
  mirhit validate miR-21 PTEN --index utrs.mhx
  mirhit scan --index utrs.mhx --mirnas hsa-miR-21-5p --score context++ -o scored.tsv
)";

}  // namespace

command add_index_command(CLI::App& app, unsigned& threads) {
    auto args = std::make_shared<engine::index_request>();
    auto& index = *args;
    auto* cmd = app.add_subcommand("index", "Build a reusable index of 3'UTR sequences for scan, validate and abundance");
    cmd->add_option("utrs", index.utr_files, "3'UTR FASTA files (plain or gzip; '-' = standard input)")->required()->type_name("FILE");
    cmd->add_option("-o,--output", index.output, "The index file to write (.mhx)")->required()->type_name("FILE");
    add_access_options(*cmd, index.access);
    cmd->add_option("--energy-params", index.energy_params_file, "ViennaRNA parameter file (.par, v2.0) (default: built-in Turner 2004)")->type_name("FILE");
    cmd->add_flag("-q,--quiet", index.quiet, "No progress on standard error");
    add_threads_option(*cmd, threads);
    cmd->footer(index_footer);
    return {cmd, {}, [=](int, char**) { engine::run_index(*args); }};
}

}  // namespace mirhit::app
