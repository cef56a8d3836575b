// `mirhit duplex`, the RNAduplex drop-in, run as a subprocess: hand-worked outputs, RNAduplex's
// input rules, errors, thread independence, and the shared RNAduplex 2.7.1 reference.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "tests/test_support.hpp"

namespace mirhit::test {
namespace {

// 5'-GGAC-3' with 5'-GUCC-3': initiation 4.10 and three stacks, -3.80 (see test_duplex).
const std::string perfect = "((((&))))   1,4   :   1,4   (-3.80)\n";
// AGUCCA first, GGACU second: the same helix plus a C-G/U-A stack, a terminal U-A and the
// first's 3' A dangling: -7.10; the first's part runs to its dangling A, position 6.
const std::string dangling = "(((((.&)))))   1,6   :   1,5   (-7.10)\n";

TEST(cli_rnaduplex, hand_worked_pairs_from_plain_lines) {
    auto r = run_mirhit({"duplex"}, "GGAC\nGUCC\nAGUCCA\nGGACU\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out, perfect + dangling);
}

TEST(cli_rnaduplex, fasta_headers_echoed_as_rnaduplex_does) {
    // The first word of each header, echoed before the pair's line; a header between the two
    // sequences is echoed too.
    auto r = run_mirhit({"duplex", "-"}, ">t1 a target\nAGUCCA\n> m1\tmiRNA\nGGACU\n>pair2\nGGAC\nGUCC\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, ">t1\n>m1\n" + dangling + ">pair2\n" + perfect);
}

TEST(cli_rnaduplex, input_rules) {
    // Comments ('*'), empty lines, trailing blanks, lower case, T for U, CRLF; '@' ends the input.
    auto r = run_mirhit({"duplex"}, "* a comment\n\nagtcca \t\r\n\nGGACU\n@\nAAAA\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, dangling);
    // Nothing pairs: RNAduplex's output for an empty duplex (its INF energy).
    r = run_mirhit({"duplex"}, "AAAA\nAAAAAA\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, ".&.   1,1   :   0,0   (100000.00)\n");
    // Empty input: no output.
    r = run_mirhit({"duplex"}, "");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, "");
}

TEST(cli_rnaduplex, files_read_one_after_another) {
    const auto dir = temp_dir();
    write_file(dir / "a.txt", ">a\nGGAC\n>b\nGUCC\n");
    write_gzip(dir / "b.txt.gz", "AGUCCA\nGGACU\n");
    auto r = run_mirhit({"duplex", (dir / "a.txt").string(), (dir / "b.txt.gz").string(), "-o", (dir / "out.txt").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(read_file(dir / "out.txt"), ">a\n>b\n" + perfect + dangling);
}

TEST(cli_rnaduplex, energy_params_file) {
    const auto dir = temp_dir();
    // A duplex initiation of 0 lowers every duplex by 4.10.
    write_file(dir / "init0.par", "## RNAfold parameter file v2.0\n\n# Misc\n 0 0 50 370\n");
    auto r = run_mirhit({"duplex", "--energy-params", (dir / "init0.par").string()}, "GGAC\nGUCC\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "((((&))))   1,4   :   1,4   (-7.90)\n");
    r = run_mirhit({"duplex", "--energy-params", (dir / "none.par").string()}, "GGAC\nGUCC\n");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: cannot read energy parameter file " + (dir / "none.par").string() + "\n");
}

TEST(cli_rnaduplex, bad_input_names_file_and_line) {
    auto fails = [](const std::string& input, const std::string& message) {
        auto r = run_mirhit({"duplex"}, input);
        EXPECT_EQ(r.exit_code, 1) << input;
        EXPECT_EQ(r.err, "mirhit: error: standard input:" + message + "\n") << input;
    };
    fails("GGAC\nGUCC\n\nAAAA\n",
          "4: sequence without a partner: RNAduplex reads sequences in pairs (an odd number of sequences)");
    fails("GGAC\nGUCC\n>x\nAAAA\n@\nCCCC\n",
          "4: sequence without a partner: RNAduplex reads sequences in pairs (an odd number of sequences)");
    fails("GGAC\nGUNC\n", "2: illegal character 'N' in sequence (A, C, G, U or T expected)");
    fails("GG AC\nGUCC\n", "1: illegal character 0x20 in sequence (A, C, G, U or T expected)");
    fails(">a\n>b\nGGAC\nGUCC\n", "1: FASTA header '>a' has no sequence after it");
    fails(">a\nGGAC\n>b\n", "3: FASTA header '>b' has no sequence after it");
    fails(">  \nGGAC\nGUCC\n", "1: FASTA header without a name");
    fails("GGAC\n   \nGUCC\n", "2: a line of blanks is not a sequence");

    const auto dir = temp_dir();
    write_file(dir / "odd.txt", "GGAC\n");
    auto r = run_mirhit({"duplex", (dir / "odd.txt").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: " + (dir / "odd.txt").string() +
                         ":1: sequence without a partner: RNAduplex reads sequences in pairs (an odd number of sequences)\n");
}

TEST(cli_rnaduplex, same_output_for_any_thread_count) {
    std::mt19937 rng(11);
    auto random_rna = [&](int n) {
        std::string s(static_cast<std::size_t>(n), 'A');
        for (auto& c : s) c = "ACGU"[rng() % 4];
        return s;
    };
    std::string input;
    for (int k = 0; k < 700; ++k) input += ">p" + std::to_string(k) + "\n" + random_rna(20 + k % 9) + "\n" + random_rna(30 + k % 23) + "\n";
    auto one = run_mirhit({"duplex", "--threads", "1"}, input);
    auto three = run_mirhit({"duplex", "--threads", "3"}, input);
    ASSERT_EQ(one.exit_code, 0) << one.err;
    EXPECT_EQ(one.out, three.out);
    EXPECT_EQ(std::count(one.out.begin(), one.out.end(), '\n'), 1400);
}

// The shared reference has RNAduplex 2.7.1's structure and energy for each window (the target)
// given first and the miRNA second (its structure's first part is the target's); the ranges are
// not in it, so they are checked against the structure's parts.
TEST(cli_rnaduplex, equals_rnaduplex_on_shared_reference) {
    const auto path = shared_data("data/vienna/duplex/duplex_reference.tsv");
    if (path.empty()) GTEST_SKIP() << "shared duplex reference absent";
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    std::vector<std::vector<std::string>> rows;
    std::string target_first, mirna_first;
    while (std::getline(in, line)) {
        std::vector<std::string> col;
        std::stringstream fields(line);
        for (std::string f; std::getline(fields, f, '\t');) col.push_back(f);
        ASSERT_GE(col.size(), 7u);
        target_first += ">" + col[2] + "\n" + col[3] + "\n>" + col[0] + "\n" + col[1] + "\n";
        mirna_first += col[1] + "\n" + col[3] + "\n";
        rows.push_back(col);
    }
    ASSERT_EQ(rows.size(), 300u);

    auto r = run_mirhit({"duplex", "--threads", "2"}, target_first);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::istringstream out(r.out);
    for (const auto& col : rows) {
        std::string h1, h2, result;
        ASSERT_TRUE(std::getline(out, h1) && std::getline(out, h2) && std::getline(out, result));
        EXPECT_EQ(h1, ">" + col[2]);
        EXPECT_EQ(h2, ">" + col[0]);
        const std::string structure = result.substr(0, result.find(' '));
        EXPECT_EQ(structure, col[6]) << col[2];
        EXPECT_TRUE(result.ends_with(" (" + col[5] + ")")) << result << " vs " << col[5];
        int from1 = 0, to1 = 0, from2 = 0, to2 = 0;
        ASSERT_EQ(std::sscanf(result.c_str() + structure.size(), " %d,%d : %d,%d", &from1, &to1, &from2, &to2), 4) << result;
        const auto amp = structure.find('&');
        EXPECT_EQ(to1 - from1 + 1, static_cast<int>(amp)) << result;
        EXPECT_EQ(to2 - from2 + 1, static_cast<int>(structure.size() - amp - 1)) << result;
        EXPECT_TRUE(from1 >= 1 && to1 <= static_cast<int>(col[3].size()) && from2 >= 1 && to2 <= static_cast<int>(col[1].size())) << result;
    }

    // The miRNA first: the same free energies.
    r = run_mirhit({"duplex"}, mirna_first);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::istringstream swapped(r.out);
    for (const auto& col : rows) {
        ASSERT_TRUE(std::getline(swapped, line));
        EXPECT_TRUE(line.ends_with(" (" + col[5] + ")")) << line << " vs " << col[5];
    }
}

}  // namespace
}  // namespace mirhit::test
