// Non-canonical site classes (6mer-A1, GU types, bulge-7mer): planted sites with exact calls,
// each class's boundary cases, and a property test against a brute-force classifier written from
// the definitions (scan --help), on random sequence in pieces and on the reverse strand.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <optional>
#include <ostream>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "core/encoding.hpp"
#include "core/scan_kernel.hpp"
#include "tests/test_support.hpp"

namespace mirhit {
namespace {

// hsa-miR-21-5p, seed AGCUUAU: nt 8..2 pair with AUAAGCU (UTR 5'->3'); G:U possible at nt 5, 6
// and 8 (miRNA U, UTR G) and nt 3 (miRNA G, UTR U).
const std::string mir21 = "UAGCUUAUCAGACUGAUGUUGA";
// hsa-miR-1-3p, seed GGAAUGU: nt 8..2 pair with ACAUUCC; G:U possible at nt 2, 3, 7 (UTR U) and
// 6, 8 (UTR G).
const std::string mir1 = "UGGAAUGUAAAGAAGUAUGUAU";

struct call {
    std::uint64_t start;  // 1-based
    std::uint32_t family;
    site_type type;
    std::uint8_t bulge;
    bool reverse;
    auto operator<=>(const call&) const = default;
};

void PrintTo(const call& c, std::ostream* os) {
    *os << "{" << c.start << ", family " << c.family << ", " << name_of(c.type) << ", k " << int{c.bulge} << (c.reverse ? ", -}" : "}");
}

std::vector<call> calls_of(const std::vector<family_site>& sites) {
    std::vector<call> out;
    for (const auto& s : sites) out.push_back({s.start + 1, s.family, s.type, s.bulge, s.reverse});
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<call> scan(const std::string& mirna, const std::string& seq, site_type_set types = site_type_set::every()) {
    mirna_set set;
    set.add("m", "", mirna);
    seed_index index(set.families(), types);
    std::vector<family_site> sites;
    scan_piece(index, seq, 0, owned_starts(0, 0, seq.size(), true), sites);
    return calls_of(sites);
}

call at(std::uint64_t start, site_type type, std::uint8_t bulge = 0) { return {start, 0, type, bulge, false}; }

site_type_set only(site_type t) {
    site_type_set s;
    s.insert(t);
    return s;
}

TEST(noncanonical, each_class_planted) {
    // 6mer-A1: AAGCU (nt 6..2) then A; the C before it pairs neither way with nt 7 (A).
    EXPECT_EQ(scan(mir21, "GGGCAAGCUAGGG"), std::vector{at(5, site_type::six_mer_a1)});
    // GU types: G (pairs miRNA U at nt 5 as G:U) in place of the A of the 8mer AUAAGCUA.
    EXPECT_EQ(scan(mir21, "GGGAUAGGCUAGGG"), std::vector{at(4, site_type::eight_mer_gu)});
    EXPECT_EQ(scan(mir21, "GGGAUAGGCUCGGG"), std::vector{at(4, site_type::seven_mer_m8_gu)});
    EXPECT_EQ(scan(mir21, "GGGCUAGGCUAGGG"), std::vector{at(5, site_type::seven_mer_a1_gu)});
    // G:U at nt 3 (UTR U for miRNA G): AUAAGUUA.
    EXPECT_EQ(scan(mir21, "GGGAUAAGUUAGGG"), std::vector{at(4, site_type::eight_mer_gu)});
    // bulge-7mer with Chi et al.'s nucleation bulge (k = 5): AUA (nt 8..6), extra C, AGCU (5..2).
    EXPECT_EQ(scan(mir21, "GGGAUACAGCUGGG"), std::vector{at(4, site_type::bulge_seven_mer, 5)});
}

TEST(noncanonical, canonical_types_unchanged_and_first) {
    // The canonical calls of a scan for every class are those of a canonical scan.
    const std::string seq = "GGGAUAAGCUAGGGAUAGGCUAGGGCAAGCUAGGGAUACAGCUGGGUAAGCUCC";
    auto every = scan(mir21, seq);
    std::erase_if(every, [](const call& c) { return !is_canonical(c.type); });
    EXPECT_EQ(every, scan(mir21, seq, site_type_set::all()));
    // G:U at nt 8 (UTR G for miRNA U): a 7mer-A1, not an 8mer-GU; without the A, a 6mer.
    EXPECT_EQ(scan(mir21, "CCGUAAGCUACC"), std::vector{at(4, site_type::seven_mer_a1)});
    EXPECT_EQ(scan(mir21, "CCGUAAGCUCC"), std::vector{at(4, site_type::six_mer)});
    // miR-1, G:U at nt 2 (UTR U) with nt 3-8 Watson-Crick: an offset 6mer, not a 7mer-m8-GU or 8mer-GU.
    EXPECT_EQ(scan(mir1, "GGACAUUCUGGG"), std::vector{at(3, site_type::offset_six_mer)});
    EXPECT_EQ(scan(mir1, "GGACAUUCUAGG"), std::vector{at(3, site_type::offset_six_mer)});
    // ... but without nt 8 paired, the G:U at nt 2 makes a 7mer-A1-GU.
    EXPECT_EQ(scan(mir1, "GGCCAUUCUAGG"), std::vector{at(4, site_type::seven_mer_a1_gu)});
}

TEST(noncanonical, boundaries) {
    // Two G:U pairs (nt 5 and 6): no site of any class.
    EXPECT_EQ(scan(mir21, "GGGAUGGGCUAGGG"), std::vector<call>{});
    // nt 7 Watson-Crick paired: a 7mer-A1, not a 6mer-A1 (and no 6mer-A1 row when only it is asked for).
    EXPECT_EQ(scan(mir21, "GGGCUAAGCUAGGG"), std::vector{at(5, site_type::seven_mer_a1)});
    EXPECT_EQ(scan(mir21, "GGGCUAAGCUAGGG", only(site_type::six_mer_a1)), std::vector<call>{});
    // miR-1, nt 7 as G:U (UTR U for miRNA G): a 7mer-A1-GU, not a 6mer-A1.
    EXPECT_EQ(scan(mir1, "GGGCUAUUCCAGGG"), std::vector{at(5, site_type::seven_mer_a1_gu)});
    EXPECT_EQ(scan(mir1, "GGGCUAUUCCAGGG", only(site_type::six_mer_a1)), std::vector<call>{});
    // A bulge that fits two places is reported once, at the smallest k: AUAAG G CU has the extra
    // G after nt 4's partner G (k = 4) or before it (k = 3).
    EXPECT_EQ(scan(mir21, "CCAUAAGGCUCC"), std::vector{at(3, site_type::bulge_seven_mer, 3)});
    // k = 7: the extra nucleotide right after nt 8's partner; the 6 nt after it are a 6mer too.
    EXPECT_EQ(scan(mir21, "CCACUAAGCUCC"), (std::vector{at(3, site_type::bulge_seven_mer, 7), at(5, site_type::six_mer)}));
    // k = 2: the extra nucleotide right before nt 2's partner; its first 6 nt are an offset 6mer.
    EXPECT_EQ(scan(mir21, "CCAUAAGCCUCC"), (std::vector{at(3, site_type::offset_six_mer), at(3, site_type::bulge_seven_mer, 2)}));
    // An N is not an extra nucleotide.
    EXPECT_EQ(scan(mir21, "CCAUANAGCUCC", only(site_type::bulge_seven_mer)), std::vector<call>{});
    // Sites at the sequence's ends.
    EXPECT_EQ(scan(mir21, "AAGCUA"), std::vector{at(1, site_type::six_mer_a1)});
    EXPECT_EQ(scan(mir21, "AUACAGCU"), std::vector{at(1, site_type::bulge_seven_mer, 5)});
}

// ---- brute force, from the definitions ----

enum class pairing { none, wc, gu };

pairing pair_of(char mirna_nt, char utr_nt) {
    const auto m = code_of(mirna_nt), u = code_of(utr_nt);
    if (m > 3 || u > 3) return pairing::none;
    if (u == complement(m)) return pairing::wc;
    if ((m == nt_u && u == nt_g) || (m == nt_g && u == nt_u)) return pairing::gu;
    return pairing::none;
}

// The seed-class site whose nt 1 faces UTR position a (0-based, may be just past the end).
std::optional<site_type> seed_class(const std::string& mirna, const std::string& utr, long a) {
    const long n = static_cast<long>(utr.size());
    auto p = [&](int k) {
        const long pos = a - (k - 1);
        return pos < 0 || pos >= n ? pairing::none : pair_of(mirna[k - 1], utr[pos]);
    };
    const bool a1 = a >= 0 && a < n && code_of(utr[a]) == nt_a;
    auto all_wc = [&](int from, int to) {
        for (int k = from; k <= to; ++k)
            if (p(k) != pairing::wc) return false;
        return true;
    };
    auto paired_gus = [&](int from, int to) {  // G:U count when all paired, else -1
        int gus = 0;
        for (int k = from; k <= to; ++k) {
            if (p(k) == pairing::none) return -1;
            gus += p(k) == pairing::gu;
        }
        return gus;
    };
    if (all_wc(2, 7)) {
        const bool m8 = p(8) == pairing::wc;
        return m8 ? (a1 ? site_type::eight_mer : site_type::seven_mer_m8) : a1 ? site_type::seven_mer_a1 : site_type::six_mer;
    }
    if (all_wc(3, 8)) return site_type::offset_six_mer;
    if (paired_gus(2, 8) == 1) return a1 ? site_type::eight_mer_gu : site_type::seven_mer_m8_gu;
    if (paired_gus(2, 7) == 1 && a1 && p(8) != pairing::wc) return site_type::seven_mer_a1_gu;
    if (all_wc(2, 6) && a1 && p(7) == pairing::none) return site_type::six_mer_a1;
    return std::nullopt;
}

// The smallest k of a bulge-7mer over utr[s, s + 8), or 0.
int bulge_at(const std::string& mirna, const std::string& utr, std::size_t s) {
    if (s + 8 > utr.size()) return 0;
    for (int k = 2; k <= 7; ++k) {
        std::size_t pos = s;
        bool ok = code_of(utr[s + 8 - k]) <= 3;  // the extra nucleotide
        for (int nt = 8; nt >= 2 && ok; --nt, ++pos) {
            if (nt == k) ++pos;  // skip the extra nucleotide
            ok = pair_of(mirna[nt - 1], utr[pos]) == pairing::wc;
        }
        if (ok) return k;
    }
    return 0;
}

std::vector<call> brute_force(const mirna_set& set, const std::string& utr, site_type_set types) {
    std::vector<call> out;
    for (std::uint32_t f = 0; f < set.families().size(); ++f) {
        const std::string mirna = set.mirnas()[set.families()[f].members[0]].sequence;
        for (long a = 0; a <= static_cast<long>(utr.size()) + 1; ++a)
            if (auto t = seed_class(mirna, utr, a); t && types.contains(*t)) {
                const long start = a - static_cast<long>(opposite_nt1(*t, 0));
                if (start >= 0 && start + length_of(*t) <= static_cast<long>(utr.size()))
                    out.push_back({static_cast<std::uint64_t>(start) + 1, f, *t, 0, false});
            }
        for (std::size_t s = 0; types.contains(site_type::bulge_seven_mer) && s + 8 <= utr.size(); ++s)
            if (const int k = bulge_at(mirna, utr, s))
                out.push_back({s + 1, f, site_type::bulge_seven_mer, static_cast<std::uint8_t>(k), false});
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string random_utr(std::mt19937& rng, std::size_t n) {
    std::string s(n, 'A');
    for (auto& c : s) c = "ACGUACGUACGUACGUN"[rng() % 17];
    return s;
}

// Random miRNAs biased to U and G in the seed (more G:U chances), with their partners planted.
TEST(noncanonical, kernel_equals_brute_force_on_random_sequence) {
    std::mt19937 rng(2024);
    mirna_set set;
    for (int m = 0; m < 40; ++m) {
        std::string seq(22, 'A');
        for (auto& c : seq) c = "ACGUUGG"[rng() % 7];
        set.add("m" + std::to_string(m), "", seq);
    }
    for (int trial = 0; trial < 20; ++trial) {
        std::string utr = random_utr(rng, 3000);
        // Plant near-sites: each family's 8mer with one random change (a G:U, mismatch or insertion).
        for (int p = 0; p < 60; ++p) {
            const auto& seed = set.families()[rng() % set.families().size()].seed;
            std::string site;
            for (int nt = 8; nt >= 2; --nt) site += rna_letter[complement(code_of(seed[nt - 2]))];
            site += 'A';
            const std::size_t where = rng() % site.size();
            if (rng() % 3 == 0) site.insert(where, 1, "ACGU"[rng() % 4]);
            else site[where] = "ACGU"[rng() % 4];
            utr.replace(rng() % (utr.size() - site.size()), site.size(), site);
        }
        for (auto types : {site_type_set::every(), site_type_set::all(), only(site_type::bulge_seven_mer),
                           only(site_type::seven_mer_a1_gu) | only(site_type::six_mer_a1)}) {
            const auto expected = brute_force(set, utr, types);
            // Whole, and in pieces of 500 with the overlap the reader gives.
            seed_index index(set.families(), types);
            std::vector<family_site> sites;
            scan_piece(index, utr, 0, owned_starts(0, 0, utr.size(), true), sites);
            ASSERT_EQ(calls_of(sites), expected) << "trial " << trial;
            sites.clear();
            for (std::size_t from = 0; from < utr.size(); from += 500) {
                const std::size_t begin = from == 0 ? 0 : from - site_context;
                const std::size_t end = std::min(utr.size(), from + 500);
                scan_piece(index, std::string_view(utr).substr(begin, end - begin), begin,
                           owned_starts(begin, static_cast<std::uint32_t>(from - begin), end - begin, end == utr.size()), sites);
            }
            ASSERT_EQ(calls_of(sites), expected) << "trial " << trial << " in pieces";
        }
        // The reverse strand: the sites of the reverse complement, mapped back.
        std::string rc;
        reverse_complement(utr, rc);
        auto expected = brute_force(set, rc, site_type_set::every());
        for (auto& c : expected) {
            c.start = utr.size() - (c.start - 1) - length_of(c.type) + 1;
            c.reverse = true;
        }
        std::sort(expected.begin(), expected.end());
        seed_index index(set.families(), site_type_set::every());
        std::vector<family_site> sites;
        std::string scratch;
        scan_piece_reverse(index, utr, 0, owned_starts(0, 0, utr.size(), true), sites, scratch);
        ASSERT_EQ(calls_of(sites), expected) << "trial " << trial << " reverse";
    }
}

}  // namespace
}  // namespace mirhit
