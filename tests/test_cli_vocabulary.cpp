// One command-line vocabulary across subcommands: UTR files, option names and their old
// spellings, miRNA names, "did you mean", the bare command, clean --help; and the progress report.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace mirhit {
namespace {

using test::data_lines;
using test::run_mirhit;

constexpr const char* builtin = "built-in: miRBase 22 human mature miRNAs (2656), from Debian optimir 1.2-1";

TEST(cli_vocabulary, unknown_command_suggests_the_nearest) {
    auto r = run_mirhit({"sacn", "examples/utrs.fa"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "mirhit: error: unknown command 'sacn'; did you mean 'scan'?\nRun 'mirhit --help' for usage.\n");
    r = run_mirhit({"frobnicate"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "mirhit: error: unknown command 'frobnicate'\nRun 'mirhit --help' for usage.\n");
}

TEST(cli_vocabulary, unknown_option_suggests_the_nearest) {
    auto r = run_mirhit({"scan", "examples/utrs.fa", "--thread", "2"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "mirhit: error: The following argument was not expected: --thread; did you mean '--threads'?\n"
                     "Run 'mirhit scan --help' for usage.\n");
    r = run_mirhit({"validate", "miR-21", "CDH5", "examples/utrs.fa", "--htlm", "x.html"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "mirhit: error: The following argument was not expected: --htlm; did you mean '--html'?\n"
                     "Run 'mirhit validate --help' for usage.\n");
}

TEST(cli_vocabulary, bare_command_prints_the_usage) {
    const auto r = run_mirhit({});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, run_mirhit({"--help"}).out);
    EXPECT_NE(r.err.find("Subcommands:"), std::string::npos);
}

TEST(cli_vocabulary, capital_v_is_version) {
    const auto r = run_mirhit({"-V"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, run_mirhit({"--version"}).out);
    EXPECT_NE(r.out, "");
}

TEST(cli_vocabulary, help_shows_plain_type_names) {
    // Every command `mirhit --help` lists.
    std::vector<std::string> commands;
    std::istringstream top(run_mirhit({"--help"}).out);
    bool listed = false;
    for (std::string line; std::getline(top, line);) {
        if (line == "Subcommands:") listed = true;
        else if (listed && line.empty()) break;
        else if (listed) commands.push_back(line.substr(2, line.find(' ', 2) - 2));
    }
    ASSERT_GE(commands.size(), 9u);
    for (const auto& command : commands) {
        const auto r = run_mirhit({command, "--help"});
        EXPECT_EQ(r.exit_code, 0) << command;
        for (const char* noise : {"TEXT", "UINT", "INT in", ":{", "FLOAT"})
            EXPECT_EQ(r.out.find(noise), std::string::npos) << command << " --help shows " << noise << ":\n" << r.out;
    }
    const auto scan = run_mirhit({"scan", "--help"}).out;
    EXPECT_NE(scan.find("  -t,--threads N "), std::string::npos) << scan;
    EXPECT_NE(scan.find("  -q,--quiet "), std::string::npos) << scan;
    EXPECT_NE(scan.find("  --utr FILE "), std::string::npos) << scan;
    EXPECT_NE(scan.find("  --access-window NT "), std::string::npos) << scan;
    EXPECT_NE(scan.find("  -m,--mirna-file FILE "), std::string::npos) << scan;
    // Old spellings work but are not shown.
    EXPECT_EQ(scan.find("--mirna "), std::string::npos) << scan;
    EXPECT_EQ(scan.find("--no-builtin "), std::string::npos) << scan;
}

TEST(cli_vocabulary, utr_files_positional_or_with_utr_everywhere) {
    const auto positional = run_mirhit({"scan", "examples/utrs.fa", "--mirnas", "hsa-miR-21-5p"});
    const auto named = run_mirhit({"scan", "--utr", "examples/utrs.fa", "--mirnas", "hsa-miR-21-5p"});
    ASSERT_EQ(positional.exit_code, 0) << positional.err;
    ASSERT_EQ(named.exit_code, 0) << named.err;
    EXPECT_EQ(data_lines(positional.out), data_lines(named.out));
    EXPECT_FALSE(data_lines(named.out).empty());

    const auto v_named = run_mirhit({"validate", "miR-21-5p", "CDH5", "--utr", "examples/utrs.fa"});
    const auto v_positional = run_mirhit({"validate", "miR-21-5p", "CDH5", "examples/utrs.fa"});
    ASSERT_EQ(v_named.exit_code, 0) << v_named.err;
    EXPECT_EQ(v_positional.exit_code, 0) << v_positional.err;
    EXPECT_EQ(data_lines(v_positional.out), data_lines(v_named.out));
    const auto all_named = run_mirhit({"validate", "--curated-all", "--utr", "examples/utrs.fa"});
    const auto all_positional = run_mirhit({"validate", "--curated-all", "examples/utrs.fa"});
    ASSERT_EQ(all_named.exit_code, 0) << all_named.err;
    EXPECT_EQ(data_lines(all_positional.out), data_lines(all_named.out));

    const auto a_positional = run_mirhit({"abundance", "examples/utrs.fa"});
    const auto a_named = run_mirhit({"abundance", "--utr", "examples/utrs.fa"});
    ASSERT_EQ(a_positional.exit_code, 0) << a_positional.err;
    EXPECT_EQ(data_lines(a_positional.out), data_lines(a_named.out));

    auto none = run_mirhit({"abundance"});
    EXPECT_EQ(none.exit_code, 2);
    EXPECT_EQ(none.err, "mirhit: error: abundance: needs FASTA files or --index\nRun 'mirhit abundance --help' for usage.\n");
}

TEST(cli_vocabulary, old_option_spellings_still_work) {
    const auto canonical = run_mirhit({"scan", "examples/utrs.fa", "--mirnas", "hsa-miR-103a-3p", "--no-builtin-claims"});
    const auto old = run_mirhit({"scan", "examples/utrs.fa", "--mirnas", "hsa-miR-103a-3p", "--no-builtin"});
    ASSERT_EQ(canonical.exit_code, 0) << canonical.err;
    EXPECT_EQ(data_lines(canonical.out), data_lines(old.out));

    const auto v_canonical = run_mirhit({"validate", "miR-103", "VE-cadherin", "examples/utrs.fa", "--no-builtin-claims"});
    const auto v_old = run_mirhit({"validate", "miR-103", "VE-cadherin", "examples/utrs.fa", "--no-builtin"});
    ASSERT_EQ(v_canonical.exit_code, 0) << v_canonical.err;
    EXPECT_EQ(data_lines(v_canonical.out), data_lines(v_old.out));

    const auto dir = test::temp_dir();
    test::write_file(dir / "m.fa", ">hsa-miR-21-5p MIMAT0000076\nUAGCUUAUCAGACUGAUGUUGA\n");
    const auto file = (dir / "m.fa").string();
    const auto m = run_mirhit({"scan", "examples/utrs.fa", "-m", file});
    ASSERT_EQ(m.exit_code, 0) << m.err;
    for (const char* spelling : {"--mirna-file", "--mirna"})
        EXPECT_EQ(data_lines(run_mirhit({"scan", "examples/utrs.fa", spelling, file}).out), data_lines(m.out)) << spelling;
    const auto v_m = run_mirhit({"validate", "miR-21", "CDH5", "examples/utrs.fa", "-m", file});
    EXPECT_EQ(v_m.exit_code, 0) << v_m.err;
    EXPECT_EQ(data_lines(v_m.out),
              data_lines(run_mirhit({"validate", "miR-21", "CDH5", "examples/utrs.fa", "--mirna-file", file}).out));
}

TEST(cli_vocabulary, scan_resolves_mirna_names_as_validate) {
    const auto written = run_mirhit({"scan", "examples/utrs.fa", "--mirnas", "miR-21"});
    const auto exact = run_mirhit({"scan", "examples/utrs.fa", "--mirnas", "hsa-miR-21-5p,hsa-miR-21-3p"});
    ASSERT_EQ(written.exit_code, 0) << written.err;
    EXPECT_EQ(data_lines(written.out), data_lines(exact.out));

    auto r = run_mirhit({"scan", "examples/utrs.fa", "--mirnas", "hsa-miR-21-5q"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, std::string("mirhit: error: --mirnas: no miRNA named 'hsa-miR-21-5q' in ") + builtin +
                         "; did you mean 'hsa-miR-21-5p'?\n");
    r = run_mirhit({"validate", "miR-21-5q", "PTEN", "examples/utrs.fa"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, std::string("mirhit: error: miR-21-5q: not found in the miRNA set (") + builtin +
                         "); did you mean 'hsa-miR-21-5p'?\n");
}

// The progress report, forced on at once by MIRHIT_PROGRESS_AFTER=0.
struct progress_on {
    progress_on() { setenv("MIRHIT_PROGRESS_AFTER", "0", 1); }
    ~progress_on() { unsetenv("MIRHIT_PROGRESS_AFTER"); }
};

// Every line of err starts with "mirhit COMMAND: " and the last ends with ", done".
void expect_progress(const std::string& err, const std::string& command) {
    ASSERT_FALSE(err.empty());
    EXPECT_TRUE(err.ends_with(", done\n")) << err;
    std::size_t start = 0;
    while (start < err.size()) {
        EXPECT_EQ(err.compare(start, command.size() + 9, "mirhit " + command + ": "), 0) << err;
        start = err.find('\n', start) + 1;
    }
}

TEST(cli_vocabulary, progress_on_stderr_and_quiet) {
    progress_on on;
    for (const std::vector<std::string>& args : {std::vector<std::string>{"scan", "examples/utrs.fa", "--mirnas", "miR-21"},
                                                 {"scan", "examples/utrs.fa.gz", "--threads", "2"},
                                                 {"abundance", "examples/utrs.fa"},
                                                 {"validate", "miR-21", "CDH5", "examples/utrs.fa"}}) {
        const auto loud = run_mirhit(args);
        ASSERT_EQ(loud.exit_code, 0) << loud.err;
        expect_progress(loud.err, args[0]);
        auto quiet_args = args;
        quiet_args.push_back("--quiet");
        const auto quiet = run_mirhit(quiet_args);
        EXPECT_EQ(quiet.err, "") << args[1];
        EXPECT_EQ(data_lines(quiet.out), data_lines(loud.out)) << args[1];
        quiet_args.back() = "-q";
        EXPECT_EQ(run_mirhit(quiet_args).err, "");
    }
    // A plain file's size is known: the last line says 100%; a gzip file's is not.
    EXPECT_NE(run_mirhit({"scan", "examples/utrs.fa"}).err.find(", 100%, "), std::string::npos);
    EXPECT_EQ(run_mirhit({"scan", "examples/utrs.fa.gz"}).err.find("%"), std::string::npos);
}

TEST(cli_vocabulary, progress_leaves_stdout_byte_identical) {
    const auto off = run_mirhit({"scan", "examples/utrs.fa", "--mirnas", "let-7a"});
    progress_on on;
    const auto loud = run_mirhit({"scan", "examples/utrs.fa", "--mirnas", "let-7a"});
    const auto quiet = run_mirhit({"scan", "examples/utrs.fa", "--mirnas", "let-7a", "--quiet"});
    ASSERT_EQ(loud.exit_code, 0) << loud.err;
    EXPECT_NE(loud.err, "");
    EXPECT_EQ(off.err, "");  // short runs are silent
    EXPECT_EQ(loud.out, off.out);
    EXPECT_EQ(quiet.out, off.out);  // --quiet is not in the recorded command line, as --threads
}

// err without the progress lines of `command`, which must end with a closing ", done" line.
std::string without_progress(const std::string& err, const std::string& command) {
    std::istringstream in(err);
    std::string line, out;
    bool done = false;
    while (std::getline(in, line)) {
        if (line.starts_with("mirhit " + command + ": "))
            done = done || line.ends_with(", done");
        else
            out += line + "\n";
    }
    EXPECT_TRUE(done) << command << ": " << err;
    return out;
}

// Runs args in dir with progress forced on, then with -q: progress only in the first, the same
// standard output, warnings and output files.
void expect_progress_unless_quiet(std::vector<std::string> args, const std::filesystem::path& dir,
                                  const std::vector<std::string>& outputs) {
    progress_on on;
    const auto loud = run_mirhit(args, "", dir);
    ASSERT_EQ(loud.exit_code, 0) << loud.err;
    std::vector<std::string> written;
    for (const auto& o : outputs) written.push_back(test::read_file(dir / o));
    args.push_back("-q");
    const auto quiet = run_mirhit(args, "", dir);
    ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
    EXPECT_EQ(without_progress(loud.err, args[0]), quiet.err);
    EXPECT_EQ(loud.out, quiet.out);
    for (std::size_t i = 0; i < outputs.size(); ++i) EXPECT_EQ(test::read_file(dir / outputs[i]), written[i]) << outputs[i];
}

const std::filesystem::path generated = std::filesystem::path(MIRHIT_SOURCE_DIR) / "tests" / "targetscan7" / "generated";

TEST(cli_vocabulary, drop_ins_duplex_and_index_runs_report_progress_unless_quiet) {
    const auto dir = test::temp_dir();
    const std::string families = (generated / "families.txt").string();
    expect_progress_unless_quiet({"targetscan", families, (generated / "utrs.txt").string(), "t.txt"}, dir, {"t.txt"});
    std::filesystem::copy_file(generated / "orfs.txt", dir / "orfs.txt");
    expect_progress_unless_quiet({"targetscan-count-8mers", families, "orfs.txt", "counts.txt"}, dir,
                                 {"counts.txt", "orfs.lengths.txt"});
    test::write_file(dir / "pairs.txt", ">site\nAGAAAUUUACUCCGAACGUUGAAAAAUAAGCUAGUUCACA\n>miR-21\nUAGCUUAUCAGACUGAUGUUGA\n");
    expect_progress_unless_quiet({"duplex", "pairs.txt", "-o", "d.txt"}, dir, {"d.txt"});
    // With an index: records and Mb of the index, whose size is known.
    const auto utrs = std::string(MIRHIT_SOURCE_DIR) + "/examples/utrs.fa";
    ASSERT_EQ(run_mirhit({"index", utrs, "-o", "utrs.mhx", "-q"}, "", dir).exit_code, 0);
    expect_progress_unless_quiet({"scan", "--index", "utrs.mhx", "--score", "context++", "-o", "s.tsv"}, dir, {"s.tsv"});
    expect_progress_unless_quiet({"validate", "miR-21", "CDH5", "--index", "utrs.mhx", "-o", "v.txt"}, dir, {"v.txt"});
    progress_on on;
    EXPECT_NE(run_mirhit({"validate", "miR-21", "CDH5", "--index", "utrs.mhx"}, "", dir).err.find("5 records, 0.0 Mb, "),
              std::string::npos);
    EXPECT_NE(run_mirhit({"scan", "--index", "utrs.mhx"}, "", dir).err.find(", 100%, "), std::string::npos);
}

TEST(cli_vocabulary, targetscan_pct_and_context_drop_ins_report_progress_unless_quiet) {
    const auto data = test::shared_data("data/targetscan7");
    if (data.empty()) GTEST_SKIP() << "TargetScan 7 sample data not found (set MIRHIT_SHARED to the shared folder)";
    const auto dir = test::temp_dir();
    std::filesystem::create_directory_symlink(data / "PCT_parameters", dir / "PCT_parameters");
    for (const auto& entry : std::filesystem::directory_iterator(data / "sample-input"))
        std::filesystem::copy_file(entry.path(), dir / entry.path().filename());
    const auto out = data / "sample-output";
    expect_progress_unless_quiet({"targetscan-bl-bins", "UTR_Sequences_sample.txt", "bins.txt"}, dir, {"bins.txt"});
    expect_progress_unless_quiet({"targetscan-bl-pct", "miR_Family_info_sample.txt", (out / "targetscan_70_output.txt").string(),
                                  "bins.txt", "bl_pct.txt"},
                                 dir, {"bl_pct.txt"});
    expect_progress_unless_quiet({"targetscan-context", "miR_for_context_scores.sample.txt", "UTR_Sequences_sample.txt",
                                  (out / "targetscan_70_output.BL_PCT.txt").string(), (out / "ORF_Sequences_sample.lengths.txt").string(),
                                  (out / "ORF_8mer_counts_sample.txt").string(), "All_cell_lines.AIRs.txt", "context.txt"},
                                 dir, {"context.txt"});
}

}  // namespace
}  // namespace mirhit
