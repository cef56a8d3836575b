// miRNA names as biologists write them, resolved against the built-in miRBase 22 human set.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "reference/builtin_mirnas.hpp"
#include "reference/mirna_names.hpp"

namespace mirhit::reference {
namespace {

mirna_resolution one(std::string_view written) {
    auto r = resolve_mirna(written, builtin_mirna_names());
    EXPECT_EQ(r.size(), 1u) << written;
    return r.at(0);
}

using names = std::vector<std::string>;

TEST(mirna_names, exact_and_prefix_and_case) {
    EXPECT_EQ(one("hsa-miR-21-5p").names, names{"hsa-miR-21-5p"});
    EXPECT_EQ(one("hsa-miR-21-5p").how, "exact");
    EXPECT_EQ(one("miR-21-5p").names, names{"hsa-miR-21-5p"});
    EXPECT_EQ(one("MIR-21-5P").names, names{"hsa-miR-21-5p"});
    EXPECT_EQ(one(" let-7a-5p ").names, names{"hsa-let-7a-5p"});
    EXPECT_EQ(one("hsa-miR-103b").names, names{"hsa-miR-103b"});
}

TEST(mirna_names, no_arm_lists_both_arms_5p_first) {
    const auto r = one("miR-21");
    EXPECT_EQ(r.names, (names{"hsa-miR-21-5p", "hsa-miR-21-3p"}));
    EXPECT_EQ(r.how, "no arm given: both arms (hsa-miR-21-5p, hsa-miR-21-3p)");
    EXPECT_EQ(one("hsa-mir-21").names, (names{"hsa-miR-21-5p", "hsa-miR-21-3p"}));
    EXPECT_EQ(one("let-7a").names, (names{"hsa-let-7a-5p", "hsa-let-7a-3p"}));
}

TEST(mirna_names, paralogs_and_loci_are_listed_not_guessed) {
    const auto r = one("miR-103");
    EXPECT_EQ(r.names, (names{"hsa-miR-103a-1-5p", "hsa-miR-103a-2-5p", "hsa-miR-103a-3p", "hsa-miR-103b"}));
    EXPECT_EQ(r.how.rfind("ambiguous: 4 paralogs, loci or arms", 0), 0u) << r.how;
    EXPECT_EQ(one("miR-103-3p").names, (names{"hsa-miR-103a-3p", "hsa-miR-103b"}));
    EXPECT_EQ(one("miR-125b-3p").names, (names{"hsa-miR-125b-1-3p", "hsa-miR-125b-2-3p"}));
    // miR-10 is not miR-103 or miR-1000.
    for (const auto& n : one("miR-10").names) EXPECT_TRUE(n.starts_with("hsa-miR-10a") || n.starts_with("hsa-miR-10b")) << n;
}

TEST(mirna_names, star_and_unknown) {
    const auto star = one("miR-199a*");
    EXPECT_EQ(star.names, (names{"hsa-miR-199a-5p", "hsa-miR-199a-3p"}));
    EXPECT_EQ(star.how.rfind("star (minor) arm", 0), 0u) << star.how;
    const auto unknown = one("miR-99999");
    EXPECT_TRUE(unknown.names.empty());
    EXPECT_EQ(unknown.how, "not found in the miRNA set");
}

TEST(mirna_names, combined_names_are_split) {
    EXPECT_EQ(split_combined_mirna("miR-221/222-3p"), (names{"miR-221-3p", "miR-222-3p"}));
    EXPECT_EQ(split_combined_mirna("miR-200b/c/429"), (names{"miR-200b", "miR-200c", "miR-429"}));
    EXPECT_EQ(split_combined_mirna("let-7a/b"), (names{"let-7a", "let-7b"}));
    EXPECT_EQ(split_combined_mirna("miR-106a/b-5p"), (names{"miR-106a-5p", "miR-106b-5p"}));
    EXPECT_EQ(split_combined_mirna("hsa-miR-29a"), (names{"hsa-miR-29a"}));
    const auto r = resolve_mirna("miR-221/222-3p", builtin_mirna_names());
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].written, "miR-221-3p");
    EXPECT_EQ(r[0].names, names{"hsa-miR-221-3p"});
    EXPECT_EQ(r[1].names, names{"hsa-miR-222-3p"});
}

}  // namespace
}  // namespace mirhit::reference
