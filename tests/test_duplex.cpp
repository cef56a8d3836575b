// miRNA-target duplex free energies: hand-worked duplexes, symmetry in the two strands, the
// pairing diagram, and agreement with RNAduplex (ViennaRNA 2.7.1) on the shared reference.
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "scoring/duplex.hpp"
#include "tests/test_support.hpp"

namespace mirhit::scoring {
namespace {

TEST(duplex, perfect_complement_by_hand) {
    duplex_folder folder;
    // 5'-GGAC-3' with 5'-GUCC-3': initiation 4.10 + stacks GG/CC -3.30, GA/CU -2.40, AC/UG -2.20;
    // no dangling nucleotides, no terminal A-U.
    auto d = folder.fold("GGAC", "GUCC");
    EXPECT_EQ(d.energy, 410 - 330 - 240 - 220);
    EXPECT_DOUBLE_EQ(d.dg(), -3.80);
    EXPECT_EQ(d.structure, "((((&))))");
    EXPECT_EQ(d.pairs, (std::vector<std::pair<int, int>>{{0, 3}, {1, 2}, {2, 1}, {3, 0}}));
    EXPECT_EQ(d.mirna_from, 1);
    EXPECT_EQ(d.mirna_to, 4);
    EXPECT_EQ(d.target_from, 1);
    EXPECT_EQ(d.target_to, 4);
    // 5'-GGACU-3' with 5'-AGUCCA-3': the same helix plus a C-G/U-A stack -2.10, a terminal U-A
    // +0.50, and the target's 3' A dangling on the G-C end, -1.70.
    d = folder.fold("GGACU", "AGUCCA");
    EXPECT_EQ(d.energy, 410 - 330 - 240 - 220 - 210 + 50 - 170);
    EXPECT_EQ(d.structure, "(((((&))))).");
    EXPECT_EQ(folder.energy("GGACU", "AGUCCA"), d.energy);
    EXPECT_EQ(folder.fold("ggacu", "agtcca").energy, d.energy);
}

TEST(duplex, nothing_pairs) {
    duplex_folder folder;
    auto d = folder.fold("AAAA", "AAAAAA");
    EXPECT_EQ(d.energy, 0);
    EXPECT_EQ(d.structure, "&");
    EXPECT_TRUE(d.pairs.empty());
}

TEST(duplex, energy_symmetric_in_the_strands) {
    duplex_folder folder;
    std::mt19937 rng(7);
    auto random_rna = [&](int n) {
        std::string s(static_cast<std::size_t>(n), 'A');
        for (auto& c : s) c = "ACGU"[rng() % 4];
        return s;
    };
    for (int trial = 0; trial < 200; ++trial) {
        auto a = random_rna(15 + trial % 12), b = random_rna(20 + trial % 31);
        EXPECT_EQ(folder.energy(a, b), folder.energy(b, a)) << a << " " << b;
    }
}

TEST(duplex, diagram) {
    duplex_folder folder;
    std::string mirna = "UGGACU", target = "AGUCCAA";
    auto lines = duplex_diagram(folder.fold(mirna, target), mirna, target);
    EXPECT_EQ(lines, (std::vector<std::string>{"target 5'       A 3'",
                                               "          AGUCCA ",
                                               "          UCAGGU ",
                                               "miRNA  3'         5'"}));
    // hsa-miR-21-5p on a window with an 8mer site: a 2x2 and a 1x1 loop; unpaired nucleotides
    // between pairs share columns, the miRNA's unpaired 3' end is drawn whole.
    mirna = "UAGCUUAUCAGACUGAUGUUGA";
    target = "GGCCGUUAAUGCUGGGUAGAGGAUUAUAAGCUAUAUUCCU";
    auto d = folder.fold(mirna, target);
    EXPECT_EQ(d.structure, "((((((((.(..((.&.))..).)))))))).");
    EXPECT_EQ(duplex_diagram(d, mirna, target), (std::vector<std::string>{"target 5' G         GA U        U 3'",
                                                                          "                  AG  U AUAAGCUA ",
                                                                          "                  UC  A UAUUCGAU ",
                                                                          "miRNA  3' AGUUGUAG  AG C          5'"}));
}

// The shared reference has RNAduplex's output for the target given first: its structure is the
// target part, '&', the miRNA part, '(' on the target.
std::string as_rnaduplex_target_first(const std::string& structure) {
    auto amp = structure.find('&');
    std::string out = structure.substr(amp + 1) + "&" + structure.substr(0, amp);
    for (auto& c : out) c = c == '(' ? ')' : c == ')' ? '(' : c;
    return out;
}

TEST(duplex, equals_rnaduplex_on_shared_reference) {
    auto path = test::shared_data("data/vienna/duplex/duplex_reference.tsv");
    if (path.empty()) GTEST_SKIP() << "shared duplex reference absent";
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    duplex_folder folder;
    int rows = 0, same_energy = 0, same_structure = 0;
    while (std::getline(in, line)) {
        std::vector<std::string> col;
        std::stringstream fields(line);
        for (std::string f; std::getline(fields, f, '\t');) col.push_back(f);
        ASSERT_GE(col.size(), 7u);
        auto d = folder.fold(col[1], col[3]);
        ++rows;
        if (std::abs(d.dg() - std::stod(col[5])) < 0.005) ++same_energy;
        else ADD_FAILURE() << col[2] << ": " << d.dg() << " vs RNAduplex " << col[5];
        if (as_rnaduplex_target_first(d.structure) == col[6]) ++same_structure;
        else ADD_FAILURE() << col[2] << ": " << d.structure << " vs RNAduplex " << col[6];
    }
    EXPECT_EQ(rows, 300);
    EXPECT_EQ(same_energy, rows);
    EXPECT_EQ(same_structure, rows);
}

}  // namespace
}  // namespace mirhit::scoring
