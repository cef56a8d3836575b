#include "app/command.hpp"
#include "app/io_paths.hpp"

#include <memory>

#include "io/targetscan_context_files.hpp"
#include "io/targetscan_files.hpp"

namespace mirhit::app {

namespace {

struct targetscan_args {
    std::string family_file;
    std::string utr_file;
    std::string output_file;
    bool quiet = false;
};

constexpr const char* targetscan_footer = R"(
Synopsis:
  mirhit targetscan FAMILY_FILE UTR_FILE OUTPUT_FILE [--threads N] [--quiet]

Drop-in for TargetScan 7's targetscan_70.pl: reads its miR family file (family, seed nt 2-8,
species ids) and aligned UTR file (gene, species id, aligned sequence) and writes the same
14-column output, byte for byte. Unlike the original it never asks before overwriting and
runs on all cores.

Example:
  mirhit targetscan miR_Family_info_sample.txt UTR_Sequences_sample.txt targetscan_70_output.txt
)";

constexpr const char* targetscan_context_footer = R"(
Synopsis:
  mirhit targetscan-context MIRNA UTR BL_PCT ORF_LENGTHS ORF_8MERS AIRS OUTPUT [--fixed] [--threads N]
      [--quiet]

Drop-in for TargetScan 7's targetscan_70_context_scores.pl: the context++ scores of the sites in
targetscan_70.pl's output with branch lengths and PCT (BL_PCT), in the same 37 columns. The AIR
file, fixed as All_cell_lines.AIRs.txt in the original, is named here. Agarwal_2015_parameters.txt
and TA_SPS_by_seed_region.txt are read from the working directory when present; otherwise
mirhit's context++ coefficients, built-in TA and computed SPS are used. SA (site accessibility)
is computed in-process with RNAplfold's model and TargetScan's settings (windows of 80 nt, base
pairs spanning at most 40 nt, 14 nt opened), so no RNAplfold is needed. The original's quirks are
kept so that scores can be compared; --fixed counts offset 6mers, ends the 6mer SA stretch opposite
miRNA nt 1 and leaves missing AIRs and ORF lengths out instead of scoring them as 0.

Example:
  mirhit targetscan-context miR_for_context_scores.sample.txt UTR_Sequences_sample.txt \
      targetscan_70_output.BL_PCT.txt ORF_Sequences_sample.lengths.txt ORF_8mer_counts_sample.txt \
      All_cell_lines.AIRs.txt Targets.BL_PCT.context_scores.txt
)";

}  // namespace

command add_targetscan_command(CLI::App& app, unsigned& threads) {
    auto args = std::make_shared<targetscan_args>();
    auto& ts = *args;
    auto* ts_cmd = app.add_subcommand("targetscan", "Drop-in for TargetScan 7's targetscan_70.pl");
    ts_cmd->add_option("family_file", ts.family_file, "miR family file: family, seed (nt 2-8), species ids")->required();
    ts_cmd->add_option("utr_file", ts.utr_file, "Aligned UTR file: gene, species id, aligned sequence")->required();
    ts_cmd->add_option("output_file", ts.output_file, "Output file (overwritten without asking)")->required();
    add_threads_option(*ts_cmd, threads);
    add_quiet_option(*ts_cmd, ts.quiet);
    ts_cmd->footer(targetscan_footer);
    return {ts_cmd, {}, [args, &threads](int, char**) {
                io::check_outputs_distinct({{"miRNA family file", args->family_file}, {"UTR file", args->utr_file}},
                                           {{"output", args->output_file}});
                io::run_targetscan70(args->family_file, args->utr_file, args->output_file, threads,
                                     progress_mode_for_stderr(args->quiet));
            }};
}

command add_targetscan_context_command(CLI::App& app, unsigned& threads) {
    auto args = std::make_shared<io::targetscan_context_files>();
    auto& ctx = *args;
    auto fixed = std::make_shared<bool>(false), quiet = std::make_shared<bool>(false);
    bool& ctx_fixed = *fixed;
    auto* ctx_cmd = app.add_subcommand("targetscan-context", "Drop-in for TargetScan 7's targetscan_70_context_scores.pl");
    ctx_cmd->add_option("mirna_file", ctx.mirnas, "miRNAs: family, species id, miRNA id, mature sequence")->required();
    ctx_cmd->add_option("utr_file", ctx.utrs, "Aligned UTR file, as for targetscan")->required();
    ctx_cmd->add_option("bl_pct_file", ctx.targets, "targetscan_70.pl's output with branch lengths and PCT")->required();
    ctx_cmd->add_option("orf_lengths_file", ctx.orf_lengths, "ORF lengths: gene, species id, length")->required();
    ctx_cmd->add_option("orf_8mers_file", ctx.orf_8mers, "ORF 8mer counts: gene, species id, seed, count")->required();
    ctx_cmd->add_option("airs_file", ctx.airs, "Affected isoform ratios: gene, start, end, AIR (All_cell_lines.AIRs.txt)")->required();
    ctx_cmd->add_option("output_file", ctx.output, "Output file (overwritten without asking)")->required();
    ctx_cmd->add_flag("--fixed", ctx_fixed, "Count offset 6mers; leave missing AIRs and ORF lengths out instead of scoring them as 0");
    add_threads_option(*ctx_cmd, threads);
    add_quiet_option(*ctx_cmd, *quiet);
    ctx_cmd->footer(targetscan_context_footer);
    return {ctx_cmd, {}, [args, fixed, quiet, &threads](int argc, char** argv) {
                check_paths(*args);
                io::run_targetscan_context(*args, *fixed, threads, recorded_command_line(argc, argv),
                                           progress_mode_for_stderr(*quiet));
            }};
}

}  // namespace mirhit::app
