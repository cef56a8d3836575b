// context++ scores of `mirhit scan` on constructed UTRs whose features are worked by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "core/scan_kernel.hpp"
#include "scoring/context_features.hpp"
#include "scoring/context_score.hpp"

namespace mirhit::scoring {
namespace {

// hsa-miR-21-5p: nt 2-8 AGCUUAU, 8mer site AUAAGCUA, offset 6mer AUAAGC; nt 9-22 hold no GG, so
// a UTR of C's gives no 3' pairing.
const std::string mir21 = "UAGCUUAUCAGACUGAUGUUGA";

struct fixture {
    mirna_set mirnas;
    ta_values ta{std::vector<double>(seed_code_count, 3.5), "test"};
    fixture() { mirnas.add("mir-21", "", mir21); }

    std::vector<std::optional<site_score>> score(const std::string& utr, const utr_inputs& inputs = {},
                                                 std::vector<std::uint32_t> orf_8mers = {}) {
        seed_index index(mirnas.families(), site_type_set::all());
        std::vector<family_site> sites;
        scan_piece(index, utr, 0, owned_starts(0, 0, utr.size(), true), sites);
        std::vector<std::optional<site_score>> out;
        context_scorer(mirnas, ta).score(utr, sites, inputs, orf_8mers, out);
        return out;
    }
};

const term_value& at(const site_score& s, term t) { return s.terms[static_cast<std::size_t>(t)]; }

// The scan's string-free 3P score against the drop-in's full alignment with its diagram.
TEST(context_score, three_prime_score_equals_the_alignment_score) {
    std::mt19937 rng(17);
    auto random_seq = [&](std::size_t n, std::string_view letters) {
        std::string s;
        for (std::size_t i = 0; i < n; ++i) s += letters[rng() % letters.size()];
        return s;
    };
    for (int trial = 0; trial < 4000; ++trial) {
        const std::string mirna = random_seq(17 + rng() % 10, "ACGU");
        const std::string utr = random_seq(8 + rng() % 60, trial % 5 == 0 ? "ACGUN" : "ACGTacgu");
        const auto type = static_cast<site_type>(rng() % 4);
        const std::size_t length = length_of(type);
        const std::size_t start = rng() % (utr.size() - length + 1);
        EXPECT_EQ(three_prime_score(utr, start, type, mirna),
                  three_prime_pairing_of(utr, start, start + length, type, mirna).score)
            << utr << " " << start << " " << name_of(type) << " " << mirna;
    }
}

TEST(context_score, worked_8mer_in_a_neutral_utr) {
    fixture f;
    const auto out = f.score(std::string(40, 'C') + "AUAAGCUA" + std::string(40, 'C'));
    ASSERT_EQ(out.size(), 1u);
    ASSERT_TRUE(out[0]);
    const auto& s = *out[0];
    EXPECT_EQ(at(s, term::site_type).contribution, -0.589);
    EXPECT_EQ(at(s, term::three_prime_pairing).raw, 0.0);
    EXPECT_EQ(at(s, term::three_prime_pairing).contribution, 0.0);  // scaled (0 - 1) / 2.5 clamped to 0
    EXPECT_EQ(at(s, term::local_au).raw, 0.0);
    EXPECT_EQ(at(s, term::local_au).contribution, 0.0);  // below the fitted range: clamped
    EXPECT_DOUBLE_EQ(at(s, term::min_dist).raw, std::log10(40.0));
    EXPECT_DOUBLE_EQ(at(s, term::min_dist).contribution, 0.013);
    EXPECT_DOUBLE_EQ(at(s, term::utr_length).raw, std::log10(88.0));
    EXPECT_EQ(at(s, term::utr_length).contribution, 0.0);  // 88 nt is below the fitted 10^2.392
    EXPECT_EQ(at(s, term::offset_6mers).raw, 0.0);
    EXPECT_DOUBLE_EQ(at(s, term::target_abundance).contribution, 0.114);  // 0.222 × 0.387 / 0.752
    // AGCUUAU: stacks -10.94, initiation 4.09, two terminal A-U pairs.
    EXPECT_DOUBLE_EQ(at(s, term::seed_stability).raw, -5.95);
    EXPECT_DOUBLE_EQ(at(s, term::seed_stability).contribution, 0.194);
    EXPECT_EQ(at(s, term::mirna_nt1).letter, 'U');
    EXPECT_EQ(at(s, term::mirna_nt1).contribution, 0.0);
    EXPECT_EQ(at(s, term::site_nt8).letter, 'C');
    for (auto t : {term::orf_length, term::orf_8mers, term::accessibility, term::pct})
        EXPECT_FALSE(at(s, t).available) << term_names[static_cast<std::size_t>(t)];
    EXPECT_DOUBLE_EQ(s.score, -0.268);  // -0.589 + 0.013 + 0.114 + 0.194
}

TEST(context_score, offset_6mers_orf_and_unscored_sites) {
    fixture f;
    // A site in the first 15 nt and two offset 6mers (AUAAGC not followed by U) are not scored;
    // the offset 6mers count for Off6m of the 8mer.
    const std::string utr = "CCAUAAGCUACCCCC" + std::string(30, 'C') + "AUAAGCUA" + std::string(10, 'C') + "AUAAGCG" +
                            std::string(10, 'C') + "AUAAGCG" + std::string(20, 'C');
    std::vector<std::uint32_t> orf_8mers = {2};
    const auto out = f.score(utr, {.orf_length = 1000, .isoforms = {}}, orf_8mers);
    ASSERT_EQ(out.size(), 4u);
    EXPECT_FALSE(out[0]);  // 8mer at nt 3
    ASSERT_TRUE(out[1]);
    EXPECT_FALSE(out[2]);
    EXPECT_FALSE(out[3]);
    const auto& s = *out[1];
    EXPECT_EQ(at(s, term::offset_6mers).raw, 2.0);
    EXPECT_DOUBLE_EQ(at(s, term::offset_6mers).contribution, -0.04);
    EXPECT_DOUBLE_EQ(at(s, term::orf_length).raw, 3.0);
    EXPECT_DOUBLE_EQ(at(s, term::orf_length).contribution, 0.045);  // 0.205 × 0.212 / 0.965
    EXPECT_DOUBLE_EQ(at(s, term::orf_8mers).contribution, -0.236);
}

TEST(context_score, isoforms_weight_utr_length_and_distance) {
    fixture f;
    // UTR of 88 nt, 8mer at 41-48; isoforms end at 50 (AIR 100%) and 88 (40%).
    const std::vector<air_region> isoforms = {{1, 50, 1.0}, {51, 88, 0.4}};
    const auto out = f.score(std::string(40, 'C') + "AUAAGCUA" + std::string(40, 'C'), {.orf_length = {}, .isoforms = isoforms});
    ASSERT_TRUE(out.at(0));
    // (50 × 1 + 88 × 0.4) / 1.4 = 60.9 → 61; distances min(40, 2) and min(40, 40): 18 / 1.4 → 13.
    EXPECT_DOUBLE_EQ(at(*out[0], term::utr_length).raw, std::log10(61.0));
    EXPECT_DOUBLE_EQ(at(*out[0], term::min_dist).raw, std::log10(13.0));
}

TEST(context_score, each_member_of_a_family_gets_its_own_score_and_the_cap_holds) {
    fixture f;
    f.mirnas.add("mir-21-like", "", "AAGCUUAUCAGACUGAUGUUGA");  // same seed, nt 1 A
    const auto out = f.score(std::string(40, 'C') + "AUAAGCUA" + std::string(40, 'C'));
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(at(*out[1], term::mirna_nt1).letter, 'A');
    EXPECT_DOUBLE_EQ(at(*out[1], term::mirna_nt1).contribution, -0.018);
    EXPECT_DOUBLE_EQ(out[1]->score, -0.286);
    // A 6mer with no A/U around it and a very high TA sums above the 6mer cap of 0.
    fixture g;
    g.ta.by_seed.assign(seed_code_count, 6.0);
    const auto capped = g.score(std::string(40, 'G') + "GUAAGCUG" + std::string(40, 'G'));
    ASSERT_TRUE(capped.at(0));
    double sum = 0;
    for (const auto& v : capped[0]->terms) sum += v.contribution;
    EXPECT_GT(sum, 0.0);
    EXPECT_EQ(capped[0]->score, 0.0);
}

}  // namespace
}  // namespace mirhit::scoring
