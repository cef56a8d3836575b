// Gene-level context++ aggregates on hand-worked examples.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "scoring/gene_score.hpp"

namespace mirhit::scoring {
namespace {

TEST(gene_score, best_total_takes_the_most_negative_non_overlapping_set) {
    // A overlaps B; B and C touch but do not overlap (ends are exclusive).
    const std::vector<scored_site> sites = {{0, 8, -0.3}, {5, 12, -0.5}, {12, 19, -0.2}};
    std::vector<std::size_t> chosen;
    EXPECT_DOUBLE_EQ(best_total(sites, &chosen), -0.7);
    EXPECT_EQ(chosen, (std::vector<std::size_t>{1, 2}));
    // With A stronger, A + C beats B + C.
    const std::vector<scored_site> other = {{0, 8, -0.6}, {5, 12, -0.5}, {12, 19, -0.2}};
    EXPECT_DOUBLE_EQ(best_total(other, &chosen), -0.8);
    EXPECT_EQ(chosen, (std::vector<std::size_t>{0, 2}));
    // A site scoring 0 adds nothing and is left out; no sites total 0.
    const std::vector<scored_site> zero = {{0, 6, 0.0}, {20, 27, -0.1}};
    EXPECT_DOUBLE_EQ(best_total(zero, &chosen), -0.1);
    EXPECT_EQ(chosen, (std::vector<std::size_t>{1}));
    EXPECT_EQ(best_total({}, &chosen), 0.0);
    EXPECT_TRUE(chosen.empty());
}

TEST(gene_score, cumulative_weighted_score_worked_example) {
    // Proximal site CS -1 in a region every isoform holds (AIR 1); distal site CS -1, AIR 0.5.
    // Distal first: C1 = 0.5 × 0.5 = 0.25; C2 = 0.25 + 0.5 × (1 - 0.25) = 0.625; log2(0.375).
    const std::vector<scored_site> sites = {{10, 18, -1.0, 1.0}, {500, 507, -1.0, 0.5}};
    const std::vector<std::size_t> chosen = {0, 1};
    EXPECT_NEAR(cumulative_weighted_score(sites, chosen), std::log2(0.375), 1e-12);
    // One site with AIR 1: CWCS equals its score.
    EXPECT_NEAR(cumulative_weighted_score(sites, std::vector<std::size_t>{0}), -1.0, 1e-12);
}

}  // namespace
}  // namespace mirhit::scoring
