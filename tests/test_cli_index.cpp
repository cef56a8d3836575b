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

}  // namespace
}  // namespace mirhit::test
