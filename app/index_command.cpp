#include "app/index_command.hpp"

#include <iostream>

#include <CLI/CLI.hpp>

#include "app/utr_input.hpp"
#include "core/progress.hpp"
#include "io/utr_index_builder.hpp"

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

CLI::App* add_index_command(CLI::App& app, index_args& args) {
    auto* cmd = app.add_subcommand("index", "Build a reusable index of 3'UTR sequences for scan, validate and abundance");
    cmd->add_option("utrs", args.utr_files, "3'UTR FASTA files (plain or gzip; '-' = standard input)")->required()->type_name("FILE");
    cmd->add_option("-o,--output", args.output, "The index file to write (.mhx)")->required()->type_name("FILE");
    cmd->add_option("--access-window", args.access.window, "RNAplfold window W in nt (default 80, TargetScan's)")->check(CLI::Range(5, 400))->type_name("NT");
    cmd->add_option("--access-span", args.access.max_span, "Longest base pair, j - i (default 40)")->check(CLI::Range(4, 399))->type_name("NT");
    cmd->add_option("--access-unpaired", args.access.max_unpaired, "Longest unpaired stretch computed, u (default 20; SA needs 14, access 8)")->check(CLI::Range(1, 100))->type_name("NT");
    cmd->add_option("--energy-params", args.energy_params_file, "ViennaRNA parameter file (.par, v2.0) (default: built-in Turner 2004)")->type_name("FILE");
    cmd->add_flag("-q,--quiet", args.quiet, "No progress on standard error");
    cmd->footer(index_footer);
    return cmd;
}

void run_index(const index_args& args) {
    utr_input input(args.utr_files, std::size_t{1} << 18, true);
    const io::utr_index_build build{args.output, args.utr_files, args.access, args.energy_params_file};
    progress_meter meter(std::cerr, "mirhit index", progress_mode_for_stderr(args.quiet));
    progress_counts done;
    build_utr_index(build, [&](std::vector<io::sequence_piece>& pieces) { return input.read(pieces); },
                    [&](std::uint64_t records, std::uint64_t nt) {
                        done.records = records;
                        done.bases = nt;
                        meter.update(done);
                    });
    meter.finish(done);
}

}  // namespace mirhit::app
