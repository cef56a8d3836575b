// Non-canonical site classes (6mer-A1, GU types, bulge-7mer, 3p-compensatory, centered): planted
// sites with exact calls,
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
    std::uint8_t detail;
    bool reverse;
    std::uint8_t member = family_site::every_member;
    auto operator<=>(const call&) const = default;
};

void PrintTo(const call& c, std::ostream* os) {
    family_site site{c.start, c.family, c.type, c.reverse, c.detail, c.member};
    *os << "{" << c.start << ", family " << c.family << ", " << name_of(c.type) << " " << class_detail(site)
        << ", member " << int{c.member} << (c.reverse ? ", -}" : "}");
}

std::vector<call> calls_of(const std::vector<family_site>& sites) {
    std::vector<call> out;
    for (const auto& s : sites) out.push_back({s.start + 1, s.family, s.type, s.detail, s.reverse, s.member});
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<call> scan_set(const mirna_set& set, const std::string& seq, site_type_set types = site_type_set::every()) {
    seed_index index(set.families(), types, set.mirnas());
    std::vector<family_site> sites;
    scan_piece(index, seq, 0, owned_starts(0, 0, seq.size(), true), sites);
    return calls_of(sites);
}

std::vector<call> scan(const std::string& mirna, const std::string& seq, site_type_set types = site_type_set::every()) {
    mirna_set set;
    set.add("m", "", mirna);
    return scan_set(set, seq, types);
}

call at(std::uint64_t start, site_type type, std::uint8_t detail = 0) { return {start, 0, type, detail, false}; }
// A 3p-compensatory or centered call, for member 0 of family 0.
call member_at(std::uint64_t start, site_type type, std::uint8_t detail) { return {start, 0, type, detail, false, 0}; }
call three_p_at(std::uint64_t start, int offset) {
    return member_at(start, site_type::three_p_compensatory, static_cast<std::uint8_t>(static_cast<std::int8_t>(offset)));
}
call centered_at(std::uint64_t start, unsigned first, unsigned last) {
    return member_at(start, site_type::centered, pack_run({first, last}));
}

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

// miR-21's partners (UTR 5'->3'): nt 16-13 UCAG, nt 12-9 UCUG, nt 8-2 AUAAGCU, nt 14-4
// AGUCUGAUAAG.
TEST(noncanonical, three_p_compensatory_planted) {
    // nt 16-9 contiguous, then the seed match with C for A at nt 5 (a mismatch): offset 0.
    EXPECT_EQ(scan(mir21, "GGUCAGUCUGAUACGCUCC"), std::vector{three_p_at(11, 0)});
    EXPECT_EQ(class_detail({10, 0, site_type::three_p_compensatory, false, 0, 0}), "offset=0");
    // The offsets' ends: 4 extra nucleotides (+4) and 2 fewer (-2) fit, 5 extra and 3 fewer do not.
    EXPECT_EQ(scan(mir21, "GGUCAGUCUGCCCCAUACGCUCC"), std::vector{three_p_at(15, 4)});
    EXPECT_EQ(scan(mir21, "GGUCAGUCAUACGCUCC"), std::vector{three_p_at(9, -2)});
    EXPECT_EQ(class_detail({8, 0, site_type::three_p_compensatory, false, 0xfe, 0}), "offset=-2");
    EXPECT_EQ(scan(mir21, "GGUCAGUCUGCCCCCAUACGCUCC"), std::vector<call>{});
    EXPECT_EQ(scan(mir21, "GGUCAGUAUACGCUCC"), std::vector<call>{});
    // A G:U as the seed's one flaw (G for A at nt 5 pairs miRNA U) counts too; the same seed
    // match is also a 7mer-m8-GU.
    EXPECT_EQ(scan(mir21, "GGUCAGUCUGAUAGGCUCC", only(site_type::three_p_compensatory)), std::vector{three_p_at(11, 0)});
    // Two mismatches in nt 2-8 (nt 4 and 5): none.
    EXPECT_EQ(scan(mir21, "GGUCAGUCUGAUACCCUCC"), std::vector<call>{});
    // The mismatch at nt 8: the seed match's nt 2-7 are a 6mer as well (classes stand apart).
    EXPECT_EQ(scan(mir21, "GGUCAGUCUGCUAAGCUCC"), (std::vector{three_p_at(11, 0), at(12, site_type::six_mer)}));
    // A perfect seed with 3' pairing is canonical (a 7mer-m8), not 3p-compensatory; here nt 2-16
    // are all Watson-Crick, so it is a centered site too.
    EXPECT_EQ(scan(mir21, "GGUCAGUCUGAUAAGCUCC"), (std::vector{centered_at(5, 2, 16), at(11, site_type::seven_mer_m8)}));
}

TEST(noncanonical, centered_planted) {
    // nt 4-14 Watson-Crick, nt 3 and 15 not: start..end are nt 14-4's partners.
    EXPECT_EQ(scan(mir21, "GGGAGUCUGAUAAGGGG"), std::vector{centered_at(4, 4, 14)});
    EXPECT_EQ(class_detail({3, 0, site_type::centered, false, pack_run({4, 14}), 0}), "pairs=4-14");
    // 10 consecutive pairs (nt 4-13; C faces nt 14): none.
    EXPECT_EQ(scan(mir21, "GGGCGUCUGAUAAGGGG"), std::vector<call>{});
    // The whole miRNA paired (the run reaches both ends) is one site, the 8mer besides.
    EXPECT_EQ(scan(mir21, "UCAACAUCAGUCUGAUAAGCUA"),
              (std::vector{centered_at(9, 1, 22), at(15, site_type::eight_mer)}));
    // At the UTR's start the run stops with the sequence: nt 4-14 only.
    EXPECT_EQ(scan(mir21, "AGUCUGAUAAGGGG"), std::vector{centered_at(1, 4, 14)});
}

TEST(noncanonical, per_member_classes_filter_by_member) {
    // Two members of miR-21's seed family; only the first pairs nt 13-16 (and nt 4-14).
    mirna_set set;
    set.add("a", "", mir21);
    set.add("b", "", "UAGCUUAUCCCCUUUUCCCCCC");
    EXPECT_EQ(scan_set(set, "GGUCAGUCUGAUACGCUCC"), std::vector{three_p_at(11, 0)});
    EXPECT_EQ(scan_set(set, "GGGAGUCUGAUAAGGGG"), std::vector{centered_at(4, 4, 14)});
    // The second member's own 3' pairing (nt 16-13's partners AAAA) gives its row, member 1.
    EXPECT_EQ(scan_set(set, "GGAAAAGGGGAUACGCUCC"),
              (std::vector{call{11, 0, site_type::three_p_compensatory, 0, false, 1}}));
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

// Watson-Crick pairs of miRNA nt from..to with nt 1 facing UTR position a (nt k at a - k + 1).
bool wc_run(const std::string& mirna, const std::string& utr, long a, unsigned from, unsigned to) {
    for (unsigned k = from; k <= to; ++k) {
        const long pos = a - static_cast<long>(k) + 1;
        if (k > mirna.size() || pos < 0 || pos >= static_cast<long>(utr.size()) || pair_of(mirna[k - 1], utr[pos]) != pairing::wc)
            return false;
    }
    return true;
}

// The smallest offset of a 3p-compensatory site with nt 1 facing a, or none.
std::optional<int> three_p_offset(const std::string& mirna, const std::string& utr, long a) {
    if (mirna.size() < 16 || a - 7 < 0 || a - 1 >= static_cast<long>(utr.size())) return std::nullopt;
    int flaws = 0;
    for (unsigned k = 2; k <= 8; ++k) {
        const char u = utr[static_cast<std::size_t>(a) - k + 1];
        if (code_of(u) > 3) return std::nullopt;
        flaws += pair_of(mirna[k - 1], u) != pairing::wc;
    }
    if (flaws != 1) return std::nullopt;
    for (int offset = -2; offset <= 4; ++offset)
        if (wc_run(mirna, utr, a - offset, 13, 16)) return offset;
    return std::nullopt;
}

// The 3p-compensatory and centered sites of one member.
void member_sites(const std::string& mirna, const std::string& utr, site_type_set types, std::uint32_t family,
                  std::uint8_t member, std::vector<call>& out) {
    for (long a = 0; a < static_cast<long>(utr.size()) + 3; ++a) {
        if (types.contains(site_type::three_p_compensatory))
            if (const auto offset = three_p_offset(mirna, utr, a))
                out.push_back({static_cast<std::uint64_t>(a - 7) + 1, family, site_type::three_p_compensatory,
                               static_cast<std::uint8_t>(static_cast<std::int8_t>(*offset)), false, member});
        if (!types.contains(site_type::centered) || !wc_run(mirna, utr, a, 4, 14)) continue;
        unsigned first = 4, last = 14;
        while (first > 1 && wc_run(mirna, utr, a, first - 1, first - 1)) --first;
        while (last < centered_max_nt && wc_run(mirna, utr, a, last + 1, last + 1)) ++last;
        out.push_back({static_cast<std::uint64_t>(a - 13) + 1, family, site_type::centered, pack_run({first, last}), false, member});
    }
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
        const auto& members = set.families()[f].members;
        for (std::uint8_t k = 0; k < members.size(); ++k) member_sites(set.mirnas()[members[k]].sequence, utr, types, f, k, out);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string random_utr(std::mt19937& rng, std::size_t n) {
    std::string s(n, 'A');
    for (auto& c : s) c = "ACGUACGUACGUACGUN"[rng() % 17];
    return s;
}

// The sites scan(piece, its record offset, its owned range, out) finds in pieces of 500 nt with
// the overlap the reader gives.
template <typename Scan>
std::vector<family_site> in_pieces(const std::string& utr, Scan scan) {
    std::vector<family_site> sites;
    for (std::size_t from = 0; from < utr.size(); from += 500) {
        const std::size_t begin = from == 0 ? 0 : from - site_context;
        const std::size_t end = std::min(utr.size(), from + 500);
        scan(std::string_view(utr).substr(begin, end - begin), begin,
             owned_starts(begin, static_cast<std::uint32_t>(from - begin), end - begin, end == utr.size()), sites);
    }
    return sites;
}

// Random miRNAs biased to U and G in the seed (more G:U chances), with their partners planted.
TEST(noncanonical, kernel_equals_brute_force_on_random_sequence) {
    std::mt19937 rng(2024);
    mirna_set set;
    for (int m = 0; m < 40; ++m) {
        std::string seq(22, 'A');
        for (auto& c : seq) c = "ACGUUGG"[rng() % 7];
        set.add("m" + std::to_string(m), "", seq);
        // Every fourth with a second member: the same nt 1-8, its own 3' part.
        for (std::size_t k = 8; m % 4 == 0 && k < seq.size(); ++k) seq[k] = "ACGU"[rng() % 4];
        if (m % 4 == 0) set.add("m" + std::to_string(m) + "b", "", seq);
    }
    std::array<std::size_t, any_site_type_count> seen{};  // sites of each class expected, over all trials
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
        // Plant near-complete partners of whole miRNAs: one change (3p-compensatory, centered and
        // their boundaries), and 0-6 nt in or out between the partners of nt 9-12.
        for (int p = 0; p < 40; ++p) {
            const auto& mirna = set.mirnas()[rng() % set.size()].sequence;
            std::string site;
            for (std::size_t k = mirna.size(); k >= 1; --k) site += rna_letter[complement(code_of(mirna[k - 1]))];
            site[rng() % site.size()] = "ACGU"[rng() % 4];
            const std::size_t nt12 = site.size() - 12;  // nt 12's partner
            const int shift = static_cast<int>(rng() % 9) - 3;
            if (shift > 0) site.insert(nt12, static_cast<std::size_t>(shift), "ACGU"[rng() % 4]);
            if (shift < 0) site.erase(nt12, static_cast<std::size_t>(-shift));
            utr.replace(rng() % (utr.size() - site.size()), site.size(), site);
        }
        for (auto types : {site_type_set::every(), site_type_set::all(), only(site_type::bulge_seven_mer),
                           only(site_type::seven_mer_a1_gu) | only(site_type::six_mer_a1),
                           only(site_type::three_p_compensatory), only(site_type::centered)}) {
            const auto expected = brute_force(set, utr, types);
            if (types == site_type_set::every())
                for (const auto& c : expected) ++seen[static_cast<std::size_t>(c.type)];
            // Whole, and in pieces of 500 with the overlap the reader gives.
            seed_index index(set.families(), types, set.mirnas());
            std::vector<family_site> sites;
            scan_piece(index, utr, 0, owned_starts(0, 0, utr.size(), true), sites);
            ASSERT_EQ(calls_of(sites), expected) << "trial " << trial;
            const auto pieces = in_pieces(utr, [&](std::string_view piece, std::size_t begin, owned_range owned, auto& out) {
                scan_piece(index, piece, begin, owned, out);
            });
            ASSERT_EQ(calls_of(pieces), expected) << "trial " << trial << " in pieces";
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
        seed_index index(set.families(), site_type_set::every(), set.mirnas());
        std::vector<family_site> sites;
        std::string scratch;
        scan_piece_reverse(index, utr, 0, owned_starts(0, 0, utr.size(), true), sites, scratch);
        ASSERT_EQ(calls_of(sites), expected) << "trial " << trial << " reverse";
        const auto pieces = in_pieces(utr, [&](std::string_view piece, std::size_t begin, owned_range owned, auto& out) {
            scan_piece_reverse(index, piece, begin, owned, out, scratch);
        });
        ASSERT_EQ(calls_of(pieces), expected) << "trial " << trial << " reverse, in pieces";
    }
    // Every class was there to be found, 3p-compensatory and centered at several offsets and runs.
    for (std::size_t t = 0; t < any_site_type_count; ++t) EXPECT_GT(seen[t], 10u) << name_of(static_cast<site_type>(t));
}

}  // namespace
}  // namespace mirhit
