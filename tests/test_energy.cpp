// The Turner 2004 energy model: the built-in set against ViennaRNA's parameter file, the .par
// reader's errors, and loop energies worked out by hand from the published tables.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/error.hpp"
#include "scoring/energy_params.hpp"
#include "scoring/loop_energy.hpp"
#include "tests/test_support.hpp"

namespace mirhit::scoring {
namespace {

constexpr int A = 1, C = 2, G = 3, U = 4;
constexpr int CG = 1, GC = 2, GU = 3, AU = 5, UA = 6;

template <typename T, std::size_t N>
bool same_array(const T (&a)[N], const T (&b)[N]) {
    return std::equal(reinterpret_cast<const int*>(a), reinterpret_cast<const int*>(a) + sizeof(a) / sizeof(int),
                      reinterpret_cast<const int*>(b));
}

void expect_same(const energy_params& a, const energy_params& b) {
    EXPECT_TRUE(same_array(a.stack, b.stack));
    EXPECT_TRUE(same_array(a.hairpin, b.hairpin));
    EXPECT_TRUE(same_array(a.bulge, b.bulge));
    EXPECT_TRUE(same_array(a.interior, b.interior));
    EXPECT_TRUE(same_array(a.mismatch_hairpin, b.mismatch_hairpin));
    EXPECT_TRUE(same_array(a.mismatch_interior, b.mismatch_interior));
    EXPECT_TRUE(same_array(a.mismatch_interior_1n, b.mismatch_interior_1n));
    EXPECT_TRUE(same_array(a.mismatch_interior_23, b.mismatch_interior_23));
    EXPECT_TRUE(same_array(a.mismatch_multi, b.mismatch_multi));
    EXPECT_TRUE(same_array(a.mismatch_exterior, b.mismatch_exterior));
    EXPECT_TRUE(same_array(a.dangle5, b.dangle5));
    EXPECT_TRUE(same_array(a.dangle3, b.dangle3));
    EXPECT_TRUE(same_array(a.int11, b.int11));
    EXPECT_TRUE(same_array(a.int21, b.int21));
    EXPECT_TRUE(same_array(a.int22, b.int22));
    EXPECT_EQ(a.ml_base, b.ml_base);
    EXPECT_EQ(a.ml_closing, b.ml_closing);
    EXPECT_EQ(a.ml_intern, b.ml_intern);
    EXPECT_EQ(a.ninio, b.ninio);
    EXPECT_EQ(a.max_ninio, b.max_ninio);
    EXPECT_EQ(a.duplex_init, b.duplex_init);
    EXPECT_EQ(a.terminal_au, b.terminal_au);
    EXPECT_EQ(a.lxc, b.lxc);
    EXPECT_EQ(a.tetraloops, b.tetraloops);
    EXPECT_EQ(a.triloops, b.triloops);
    EXPECT_EQ(a.hexaloops, b.hexaloops);
}

TEST(energy_params, builtin_equals_vienna_parameter_file) {
    auto par = test::shared_data("data/vienna/params/rna_turner2004.par");
    if (par.empty()) GTEST_SKIP() << "shared ViennaRNA parameters absent";
    expect_same(load_energy_params(par.string()), turner2004());
}

TEST(energy_params, builtin_values) {
    const auto& p = turner2004();
    EXPECT_EQ(p.stack[CG][CG], -240);
    EXPECT_EQ(p.stack[GC][GC], -340);
    EXPECT_EQ(p.stack[AU][UA], -90);
    EXPECT_EQ(p.hairpin[3], 540);
    EXPECT_EQ(p.hairpin[0], inf_energy);
    EXPECT_EQ(p.duplex_init, 410);
    EXPECT_EQ(p.terminal_au, 50);
    EXPECT_EQ(p.ml_closing, 930);
    EXPECT_EQ(p.ml_intern, -90);
    EXPECT_EQ(p.ninio, 60);
    EXPECT_EQ(p.max_ninio, 300);
    EXPECT_EQ(p.tetraloops.size(), 16u);
    // int22 with an N: the largest value over its A/C/G/U completions (ViennaRNA's update_nst).
    int most = -inf_energy;
    for (int d = 1; d <= 4; ++d) most = std::max(most, p.int22[CG][CG][A][A][A][d]);
    EXPECT_EQ(p.int22[CG][CG][A][A][A][0], most);
    EXPECT_EQ(most, 160);
}

TEST(energy_params, codes_and_pairs) {
    EXPECT_EQ(nucleotide_code('a'), A);
    EXPECT_EQ(nucleotide_code('T'), U);
    EXPECT_EQ(nucleotide_code('N'), 0);
    EXPECT_EQ(pair_type(C, G), CG);
    EXPECT_EQ(pair_type(G, U), GU);
    EXPECT_EQ(pair_type(U, A), UA);
    EXPECT_EQ(pair_type(A, G), 0);
    EXPECT_EQ(pair_type(0, G), 0);
}

std::string par_file(const std::string& body) {
    auto path = test::temp_dir() / "test.par";
    test::write_file(path, "## RNAfold parameter file v2.0\n\n" + body);
    return path.string();
}

std::string load_error(const std::string& path) {
    try {
        load_energy_params(path);
    } catch (const input_error& e) {
        return e.what();
    }
    return "no error";
}

TEST(energy_params, partial_file_overrides_builtin) {
    auto path = par_file(
        "# hairpin\n"
        "   INF   INF   INF   500   x   570 /* comment */  540   600   550   640\n"
        "   650   660   670   680   690   690   700   710   710   720\n"
        "   720   730   730   740   740   750   750   750   760   760\n"
        "   770\n\n"
        "# Tetraloops\nGAAAAC 100 0\n\n# Misc\n 400 0 60 0\n# END\n");
    auto p = load_energy_params(path);
    EXPECT_EQ(p.hairpin[3], 500);
    EXPECT_EQ(p.hairpin[4], 500 + static_cast<int>(0.5 + 107.856 * std::log(4.0 / 3.0)));
    EXPECT_EQ(p.hairpin[5], 570);
    EXPECT_EQ(p.duplex_init, 400);
    EXPECT_EQ(p.terminal_au, 60);
    ASSERT_EQ(p.tetraloops.size(), 1u);
    EXPECT_EQ(p.tetraloops[0], (std::pair<std::string, int>{"GAAAAC", 100}));
    EXPECT_TRUE(same_array(p.stack, turner2004().stack));
}

TEST(energy_params, malformed_files_name_file_and_line) {
    auto bad_number = par_file("# stack\n  -240 -330 -210 -1i40 -210 -210 -140\n");
    EXPECT_EQ(load_error(bad_number), bad_number + ":4: \"-1i40\" is not a number (section \"stack\")");
    auto truncated = par_file("# bulge\n INF 380 280\n");
    EXPECT_EQ(load_error(truncated), truncated + ":4: unexpected end of file in section \"bulge\"");
    auto unknown = par_file("\n# stacks\n");
    EXPECT_EQ(load_error(unknown), unknown + ":4: unknown section \"stacks\"");
    auto loop = par_file("# Triloops\nCAACGG 680 2370\n");
    EXPECT_EQ(load_error(loop), loop + ":4: loop \"CAACGG\" must have 5 nucleotides (closing pair included)");
    auto header = test::temp_dir() / "noheader.par";
    test::write_file(header, "# stack\n");
    EXPECT_NE(load_error(header.string()).find(header.string() + ":1: not a ViennaRNA parameter file"), std::string::npos);
    EXPECT_THROW(load_energy_params("/nonexistent/x.par"), input_error);
}

// Loop energies from the Turner 2004 tables (dcal/mol); comments give the table entries used.
TEST(loop_energy, stacks) {
    const auto& p = turner2004();
    // 5'-CG-3'/3'-GC-5': pair C-G, inner G-C read 3'->5' as C-G.
    EXPECT_EQ(interior_energy(p, 0, 0, CG, pair_type(C, G), A, A, A, A), -240);
    // 5'-GC-3'/3'-CG-5': -3.40.
    EXPECT_EQ(interior_energy(p, 0, 0, GC, GC, 0, 0, 0, 0), -340);
}

TEST(loop_energy, hairpins) {
    const auto& p = turner2004();
    // C(AAAA)G: hairpin[4] 5.60 + terminal mismatch CG/A..A -1.50.
    EXPECT_EQ(hairpin_energy(p, 4, CG, A, A, "CAAAAG"), 410);
    // UUCG tetraloop closed by C-G: tabulated total 3.70.
    EXPECT_EQ(hairpin_energy(p, 4, CG, U, G, "CUUCGG"), 370);
    EXPECT_EQ(hairpin_energy(p, 4, CG, U, G, "cuucgg"), 370);
    // Without the sequence: hairpin[4] 5.60 + mismatch CG/U..G -1.00.
    EXPECT_EQ(hairpin_energy(p, 4, CG, U, G, ""), 460);
    // Triloop of 3 closed by A-U: hairpin[3] 5.40 + terminal AU 0.50, no mismatch.
    EXPECT_EQ(hairpin_energy(p, 3, AU, A, A, "AAAAU"), 590);
    EXPECT_EQ(hairpin_energy(p, 3, CG, A, C, "CAACG"), 680);
    // 31 unpaired: hairpin[30] 7.70 + 1.07856 ln(31/30) truncated = 7.73, + mismatch CG/A..A -1.50.
    EXPECT_EQ(hairpin_energy(p, 31, CG, A, A, ""), 773 - 150);
}

TEST(loop_energy, interior_loops) {
    const auto& p = turner2004();
    // 1x1: int11[CG][GC][A][A] = 0.90.
    EXPECT_EQ(interior_energy(p, 1, 1, CG, GC, A, A, A, A), 90);
    // 2x2: int22[CG][CG][A][A][A][A] = 1.20.
    EXPECT_EQ(interior_energy(p, 2, 2, CG, CG, A, A, A, A), 120);
    // 2x3: interior[5] 2.00 + ninio 0.60 + mismatch23 CG/A..G -0.50 + CG/G..A -1.10.
    EXPECT_EQ(interior_energy(p, 2, 3, CG, CG, A, G, A, G), 200 + 60 - 50 - 110);
    // 2x4: interior[6] 2.00 + ninio 2 x 0.60 + mismatchI CG/A..G -0.80 + CG/G..A -1.00.
    EXPECT_EQ(interior_energy(p, 2, 4, CG, CG, A, G, A, G), 200 + 120 - 80 - 100);
    // 2x8 closed by A-U pairs: interior[10] 2.50 + ninio capped at 3.00 + 2 x mismatchI AU/C..C 0.70.
    EXPECT_EQ(interior_energy(p, 8, 2, AU, AU, C, C, C, C), 250 + 300 + 140);
    // 1x3: interior[4] 1.10 + ninio 2 x 0.60 + mismatch1n 0 for C-G pairs.
    EXPECT_EQ(interior_energy(p, 1, 3, CG, CG, A, A, A, A), 110 + 120);
}

TEST(loop_energy, bulges) {
    const auto& p = turner2004();
    // Bulge of 1: bulge[1] 3.80 + the stack of the adjacent pairs, CG/GC -3.30.
    EXPECT_EQ(interior_energy(p, 1, 0, CG, GC, A, 0, 0, 0), 380 - 330);
    EXPECT_EQ(interior_energy(p, 0, 1, CG, GC, 0, 0, 0, 0), 50);
    // Bulge of 3 between A-U and U-A pairs: bulge[3] 3.20 + terminal AU 0.50 twice.
    EXPECT_EQ(interior_energy(p, 3, 0, AU, UA, 0, 0, 0, 0), 320 + 100);
}

TEST(loop_energy, stems_with_dangles) {
    const auto& p = turner2004();
    // Exterior A-U stem with both neighbours A: mismatch_exterior AU/A..A -1.00 + terminal AU 0.50.
    EXPECT_EQ(ext_stem_energy(p, AU, A, A), -50);
    // Only a 3' neighbour G on a C-G stem: dangle3 CG/G -1.30.
    EXPECT_EQ(ext_stem_energy(p, CG, -1, G), -130);
    EXPECT_EQ(ext_stem_energy(p, CG, -1, -1), 0);
}

}  // namespace
}  // namespace mirhit::scoring
