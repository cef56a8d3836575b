#include "app/command.hpp"

#include <initializer_list>
#include <memory>
#include <string>

#include "io/targetscan_orf_files.hpp"
#include "io/targetscan_pct_files.hpp"

namespace mirhit::app {

namespace {

constexpr const char* bins_footer = R"(
Synopsis:
  mirhit targetscan-bl-bins UTR_FILE [OUTPUT] [--pct-params DIR] [--fixed] [--threads N] [--quiet]

Drop-in for TargetScan 7's targetscan_70_BL_bins.pl: for each gene of the aligned UTR file
(adjacent rows with one gene id; gene, species id, aligned sequence) the median branch length
(BL), over the human (9606) UTR's non-gap columns, of the species with the human letter there
on DIR/Tree.generic.txt, and the gene's conservation bin (1-10). DIR is PCT_parameters in the
working directory unless --pct-params names another (the original reads the one beside it).
The output (standard output by default) is the original's byte for byte; genes run on all cores.

The original's quirks are kept:
  - a gene without human letters (no 9606 row, or an all-gap one) gets an empty median and
    bin 1 (said once on standard error); a gene with only human letters gets 0;
  - species not in the tree, and species of the tree outside TargetScan 7's 84, are left out
    of the BLs (said once); a species given twice counts with its last row; consensus rows
    (species 0 or empty) are species outside the tree.
Unlike it, blank lines are skipped, CRLF files read like LF files, and a line without 3 fields
or a malformed tree stops the run with FILE:LINE.
--fixed uses every labelled species of the tree, not only TargetScan 7's 84.

Example:
  mirhit targetscan-bl-bins UTR_Sequences_sample.txt UTRs_median_BLs_bins.txt
)";

constexpr const char* pct_footer = R"(
Synopsis:
  mirhit targetscan-bl-pct MIRNA_FAMILY_FILE TARGETSCAN_OUTPUT BINS_FILE [OUTPUT] [--pct-params DIR]
      [--fixed] [--threads N] [--quiet]

Drop-in for TargetScan 7's targetscan_70_BL_PCT.pl: targetscan_70.pl's output (mirhit
targetscan) where each site of a family in MIRNA_FAMILY_FILE gets the branch length (BL) of the
species having it on the tree of its gene's bin (BINS_FILE, from targetscan-bl-bins;
DIR/Tree.bin_NN.txt), its PCT from DIR/{8mer,7mer_m8,7mer_1a}_PCT_parameters.txt, and 'x' when
conserved (BL at least 1.8, 2.8 and 3.6 for 8mer, 7mer-m8 and 7mer-1a sites). DIR is
PCT_parameters in the working directory unless --pct-params names another. The output (standard
output by default) is the original's byte for byte; rows are computed on all cores.

The original's quirks are kept:
  - rows are ordered as 'sort -k8,8n' orders them in the C locale (group number, then the whole
    line), unless the file's name contains "sort"; the sort is done in memory: no NAME.sort.txt
    is written, and an old one is not read instead of the input as the original does;
  - the first line (after sorting) is skipped as the header;
  - Group_type becomes the site type; an 8mer in a group with 7mers gets the 8mer species' BL
    (the original's code to try the 7mer species is unreachable);
  - each site gets the species list of the last row of its group with its site type;
  - a site in one species gets BL 0; 6mers get PCT 0.0 and are never conserved; PCT is NA for
    seeds without PCT coefficients, for sites overlapping the ORF, and for rows whose family
    column is a seed (said once on standard error);
  - rows of other families pass through with NA in columns 12 and 13 and a trailing tab;
  - species not in the bin's tree, or outside TargetScan 7's 84, are left out (said once).
Unlike it, blank lines are skipped, CRLF files read like LF files, and a gene missing from
BINS_FILE (the original uses bin 1), a row without 12 to 14 fields, a group number that is not
a whole number, an unknown site type, an empty species list or a malformed tree or parameter
file stops the run with FILE:LINE.
--fixed always sorts, writes no trailing tab, and uses every labelled species of the trees.

Example:
  mirhit targetscan-bl-pct miR_Family_info_sample.txt targetscan_70_output.txt \
      UTRs_median_BLs_bins.txt targetscan_70_output.BL_PCT.txt
)";

constexpr const char* count_footer = R"(
Synopsis:
  mirhit targetscan-count-8mers MIRNA_FAMILY_FILE ORF_FILE [OUTPUT] [--lengths FILE] [--fixed]
      [--threads N] [--quiet]

Drop-in for TargetScan 7's targetscan_count_8mers.pl: for each line of the aligned ORF file
(gene, species id, aligned sequence) one line per seed (nt 2-8, column 2 of MIRNA_FAMILY_FILE)
with 8mer sites in the ORF (reverse complement of the seed, then A; case ignored, T read as U,
gaps '-' and '.' removed): gene, species, seed, count, seeds in byte order (OUTPUT, standard
output by default); and the ORF lengths without gaps (gene, species, length) in the file the
original writes beside its input: ORF_FILE with .txt replaced by .lengths.txt (else with
.lengths.txt added). Both are the original's byte for byte; lines are counted on all cores.

The original's quirks are kept: the seed stands for its families; each line is counted on its
own (a gene and species given twice are written twice); sites are counted as its regex finds
them, each after the end of the last (AAAAAAAAA holds one AAAAAAAA); the lengths file keeps only
the part of ORF_FILE's name after its last whitespace (a directory with a space in its name is
lost). Unlike it, blank lines are skipped and a line without 3 fields stops the run with
FILE:LINE.
--fixed counts overlapping sites too and keeps the whole name for the lengths file; --lengths
names the lengths file.

Example:
  mirhit targetscan-count-8mers miR_Family_info_sample.txt ORF_Sequences_sample.txt \
      ORF_8mer_counts_sample.txt
)";

// A positional file of a drop-in.
struct file_arg {
    const char* name;
    std::string* value;
    const char* help;
    bool required = true;
};

// A drop-in's subcommand: its files, --pct-params (when it reads PCT_parameters), --fixed,
// --threads and help footer.
CLI::App* add_dropin(CLI::App& app, const char* name, const char* original, std::initializer_list<file_arg> files, bool& fixed,
                     const char* fixed_help, const char* footer, unsigned& threads, io::targetscan_pct_options* pct = nullptr) {
    auto* cmd = app.add_subcommand(name, std::string("Drop-in for TargetScan 7's ") + original);
    for (const auto& f : files) {
        auto* option = cmd->add_option(f.name, *f.value, f.help);
        if (f.required) option->required();
    }
    if (pct)
        cmd->add_option("--pct-params", pct->params_dir, "TargetScan's PCT_parameters directory (trees, PCT coefficients)")
            ->type_name("DIR")
            ->capture_default_str();
    cmd->add_flag("--fixed", fixed, fixed_help);
    add_threads_option(*cmd, threads);
    cmd->footer(footer);
    return cmd;
}

}  // namespace

command add_targetscan_bl_bins_command(CLI::App& app, unsigned& threads) {
    struct args_t {
        std::string utr_file, output = "-";
        io::targetscan_pct_options options;
        bool quiet = false;
    };
    auto args = std::make_shared<args_t>();
    auto* cmd = add_dropin(app, "targetscan-bl-bins", "targetscan_70_BL_bins.pl",
                           {{"utr_file", &args->utr_file, "Aligned UTR file: gene, species id, aligned sequence"},
                            {"output_file", &args->output, "Output file (default: standard output)", false}},
                           args->options.fixed, "Use every species of the tree, not only TargetScan 7's 84", bins_footer, threads,
                           &args->options);
    add_quiet_option(*cmd, args->quiet);
    return {cmd, {}, [args, &threads](int, char**) {
                auto options = args->options;
                options.threads = threads;
                options.progress = progress_mode_for_stderr(args->quiet);
                io::run_targetscan_bl_bins(args->utr_file, args->output, options);
            }};
}

command add_targetscan_bl_pct_command(CLI::App& app, unsigned& threads) {
    struct args_t {
        io::targetscan_bl_pct_files files{{}, {}, {}, "-"};
        io::targetscan_pct_options options;
        bool quiet = false;
    };
    auto args = std::make_shared<args_t>();
    auto& files = args->files;
    auto* cmd = add_dropin(app, "targetscan-bl-pct", "targetscan_70_BL_PCT.pl",
                           {{"family_file", &files.families, "miR family file: family, seed (nt 2-8), species ids"},
                            {"targets_file", &files.targets, "targetscan_70.pl's output"},
                            {"bins_file", &files.bins, "targetscan_70_BL_bins.pl's output: gene, median BL, bin"},
                            {"output_file", &files.output, "Output file (default: standard output)", false}},
                           args->options.fixed, "Always sort, no trailing tab on other families' rows, every species of the trees",
                           pct_footer, threads, &args->options);
    add_quiet_option(*cmd, args->quiet);
    return {cmd, {}, [args, &threads](int, char**) {
                auto options = args->options;
                options.threads = threads;
                options.progress = progress_mode_for_stderr(args->quiet);
                io::run_targetscan_bl_pct(args->files, options);
            }};
}

command add_targetscan_count_8mers_command(CLI::App& app, unsigned& threads) {
    struct args_t {
        io::targetscan_count_8mers_files files;
        bool fixed = false, quiet = false;
    };
    auto args = std::make_shared<args_t>();
    auto& files = args->files;
    auto* cmd = add_dropin(app, "targetscan-count-8mers", "targetscan_count_8mers.pl",
                           {{"family_file", &files.families, "miR family file: family, seed (nt 2-8), ..."},
                            {"orf_file", &files.orfs, "Aligned ORF file: gene, species id, aligned sequence"},
                            {"output_file", &files.output, "8mer counts output (default: standard output)", false}},
                           args->fixed, "Count overlapping sites; keep the whole ORF file name for the lengths file", count_footer,
                           threads);
    cmd->add_option("--lengths", files.lengths, "ORF lengths output (default: beside ORF_FILE, as the original)")->type_name("FILE");
    add_quiet_option(*cmd, args->quiet);
    return {cmd, {}, [args, &threads](int, char**) {
                io::run_targetscan_count_8mers(args->files, args->fixed, threads, progress_mode_for_stderr(args->quiet));
            }};
}

}  // namespace mirhit::app
