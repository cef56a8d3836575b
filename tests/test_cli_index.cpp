// mirhit index and the commands that take --index: the same output as from FASTA but for the
// '##' lines naming the input, and clear messages for an index where FASTA is expected and back.
#include <gtest/gtest.h>

#include <sstream>

#include "tests/test_support.hpp"

namespace mirhit::test {
namespace {

// The text without its lines starting with these prefixes.
std::string without(const std::string& text, const std::vector<std::string>& prefixes) {
    std::istringstream in(text);
    std::string line, out;
    while (std::getline(in, line)) {
        bool drop = false;
        for (const auto& p : prefixes) drop = drop || line.starts_with(p);
        if (!drop) out += line + "\n";
    }
    return out;
}

// The line of the text starting with prefix, without it; empty when there is none.
std::string line_of(const std::string& text, const std::string& prefix) {
    const auto at = text.find("\n" + prefix);
    if (at == std::string::npos) return "";
    const auto start = at + 1 + prefix.size();
    return text.substr(start, text.find('\n', start) - start);
}

std::filesystem::path build_example_index(const std::filesystem::path& dir, const std::vector<std::string>& options = {}) {
    const auto path = dir / "utrs.mhx";
    std::vector<std::string> args = {"index", "examples/utrs.fa", "-o", path.string()};
    args.insert(args.end(), options.begin(), options.end());
    const auto r = run_mirhit(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out + r.err, "");
    return path;
}

TEST(cli_index, abundance_from_an_index_equals_abundance_from_fasta) {
    const auto dir = temp_dir();
    const auto index = build_example_index(dir).string();
    for (const bool both : {false, true}) {
        std::vector<std::string> from_index = {"abundance", "--index", index}, from_fasta = {"abundance", "examples/utrs.fa"};
        if (both) {
            from_index.push_back("--both-strands");
            from_fasta.push_back("--both-strands");
        }
        const auto a = run_mirhit(from_index), b = run_mirhit(from_fasta);
        ASSERT_EQ(a.exit_code, 0) << a.err;
        EXPECT_EQ(without(a.out, {"## command:", "## sequences:"}), without(b.out, {"## command:", "## sequences:"}));
        EXPECT_EQ(line_of(a.out, "## sequences: "), index + " (mirhit index of examples/utrs.fa: 5 records, 2199 nt)");
    }
}

TEST(cli_index, index_and_fasta_in_each_others_place_are_recognised) {
    const auto dir = temp_dir();
    const auto index = build_example_index(dir).string();
    auto r = run_mirhit({"scan", index});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: " + index + ": a mirhit index, not FASTA: give it with --index " + index + "\n");
    EXPECT_EQ(r.out, "");
    r = run_mirhit({"abundance", "--index", "examples/utrs.fa"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: examples/utrs.fa: a FASTA file, not a mirhit index: give UTR FASTA files without --index, "
                     "or build an index with 'mirhit index'\n");

    const std::string bytes = read_file(index);
    write_file(dir / "cut.mhx", bytes.substr(0, 5000));
    r = run_mirhit({"abundance", "--index", (dir / "cut.mhx").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: " + (dir / "cut.mhx").string() + ": truncated mirhit index (5000 bytes of " +
                         std::to_string(bytes.size()) + ")\n");
}

TEST(cli_index, index_is_written_to_a_file_only_and_needs_its_input) {
    const auto dir = temp_dir();
    auto r = run_mirhit({"index", "examples/utrs.fa", "-o", "-"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: -: an index must be written to a regular file (not standard output or a device)\n");
    r = run_mirhit({"index", "examples/utrs.fa"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "mirhit: error: --output is required\nRun 'mirhit index --help' for usage.\n");
    write_file(dir / "dup.fa", ">a gene=X\nACGUACGU\n>a gene=Y\nACGU\n");
    r = run_mirhit({"index", (dir / "dup.fa").string(), "-o", (dir / "dup.mhx").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: " + (dir / "dup.fa").string() + ":3: duplicate record id 'a' (first at " +
                         (dir / "dup.fa").string() + ":1)\n");
    EXPECT_FALSE(std::filesystem::exists(dir / "dup.mhx"));
    r = run_mirhit({"abundance"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "mirhit: error: abundance: needs FASTA files or --index\nRun 'mirhit abundance --help' for usage.\n");
}

// The lines naming the command and the input: the tsv '##' lines, jsonl's first line.
const std::vector<std::string> input_lines = {"## command:", "## utrs:", "{\"##\":"};

TEST(cli_index, scan_from_an_index_writes_the_bytes_of_the_run_from_fasta) {
    const auto dir = temp_dir();
    const auto index = build_example_index(dir).string();
    const std::string mirnas = "hsa-miR-21-5p,hsa-miR-103a-3p,hsa-let-7a-5p,hsa-miR-29a-3p,hsa-miR-335-5p";
    const std::vector<std::vector<std::string>> runs = {
        {},
        {"--score", "context++"},
        {"--score", "access"},
        {"--score", "duplex,access"},
        {"--score", "context++,duplex,access", "--format", "jsonl"},
        {"--score", "context++,access", "--both-strands"},
        {"--format", "counts"},
    };
    for (const auto& options : runs)
        for (const std::string threads : {"1", "3"}) {
            std::vector<std::string> fasta = {"scan", "examples/utrs.fa", "--mirnas", mirnas, "-t", threads};
            std::vector<std::string> indexed = {"scan", "--index", index, "--mirnas", mirnas, "-t", threads};
            fasta.insert(fasta.end(), options.begin(), options.end());
            indexed.insert(indexed.end(), options.begin(), options.end());
            const auto a = run_mirhit(fasta), b = run_mirhit(indexed);
            ASSERT_EQ(b.exit_code, 0) << b.err;
            EXPECT_EQ(b.err, "");
            EXPECT_EQ(without(b.out, input_lines), without(a.out, input_lines)) << options.size() << " threads " << threads;
            const std::string named = index + " (mirhit index of examples/utrs.fa: 5 records, 2199 nt)";
            if (b.out.starts_with("{"))
                EXPECT_NE(b.out.find("\"utrs\":\"" + named + "\""), std::string::npos);
            else
                EXPECT_EQ(line_of(b.out, "## utrs: "), named);
        }
}

TEST(cli_index, validate_from_an_index_writes_the_bytes_of_the_run_from_fasta) {
    const auto dir = temp_dir();
    const auto index = build_example_index(dir).string();
    for (const std::string threads : {"1", "3"}) {
        for (const std::vector<std::string>& query : {std::vector<std::string>{"miR-103", "VE-cadherin"}, {"--curated-all"}}) {
            std::vector<std::string> fasta = {"validate", "--utr", "examples/utrs.fa", "-t", threads};
            std::vector<std::string> indexed = {"validate", "--index", index, "-t", threads};
            fasta.insert(fasta.end(), query.begin(), query.end());
            indexed.insert(indexed.end(), query.begin(), query.end());
            const auto a = run_mirhit(fasta), b = run_mirhit(indexed);
            ASSERT_EQ(b.exit_code, 0) << b.err;
            EXPECT_EQ(without(b.out, input_lines), without(a.out, input_lines)) << query[0] << " threads " << threads;
            EXPECT_EQ(line_of(b.out, "## utrs: "), index + " (mirhit index of examples/utrs.fa: 5 records, 2199 nt)");
        }
    }
}

TEST(cli_index, a_run_with_another_accessibility_model_is_refused) {
    const auto dir = temp_dir();
    const auto index = build_example_index(dir, {"--access-window", "60"}).string();
    const std::string refusal = "mirhit: error: index " + index +
                                " was built with --access-window 60, this run uses 80: rebuild the index with the run's options "
                                "or give the UTR FASTA files\n";
    auto r = run_mirhit({"scan", "--index", index, "--mirnas", "hsa-miR-21-5p", "--score", "context++"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, refusal);
    EXPECT_EQ(r.out, "");
    r = run_mirhit({"validate", "miR-103", "VE-cadherin", "--index", index});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, refusal);
    // Unscored, the model is not used.
    r = run_mirhit({"scan", "--index", index, "--mirnas", "hsa-miR-21-5p"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    r = run_mirhit({"scan", "--index", index, "--mirnas", "hsa-miR-21-5p", "--score", "access", "--access-window", "60"});
    EXPECT_EQ(r.exit_code, 0) << r.err;

    r = run_mirhit({"scan", "examples/utrs.fa", "--index", index});
    EXPECT_EQ(r.exit_code, 2);
    r = run_mirhit({"scan"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "mirhit: error: scan: needs UTR files, --index or --alignments\nRun 'mirhit scan --help' for usage.\n");
}

}  // namespace
}  // namespace mirhit::test
