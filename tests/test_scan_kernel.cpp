// The scan kernel against hand-worked sites and against a naive matcher written from the
// TargetScan site definitions.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "core/encoding.hpp"
#include "core/scan_kernel.hpp"
#include "io/fasta_reader.hpp"

namespace mirhit {
namespace {

// hsa-miR-21-5p: seed (nt 2-8) AGCUUAU; 8mer site AUAAGCUA, 6mer UAAGCU, offset 6mer AUAAGC.
const std::string mir21 = "UAGCUUAUCAGACUGAUGUUGA";

mirna_set one_mirna(const std::string& seq = mir21) {
    mirna_set set;
    set.add("mir", "", seq);
    return set;
}

struct call {
    std::uint64_t start;  // 1-based, as reported
    std::uint32_t family;
    site_type type;
    bool operator==(const call&) const = default;
};

std::vector<call> scan_whole(const mirna_set& set, const std::string& seq, site_type_set types = site_type_set::all()) {
    seed_index index(set.families(), types);
    std::vector<family_site> sites;
    scan_piece(index, seq, 0, owned_starts(0, 0, seq.size(), true), sites);
    std::vector<call> calls;
    for (const auto& s : sites) calls.push_back({s.start + 1, s.family, s.type});
    return calls;
}

std::vector<call> one(std::uint64_t start, site_type type) { return {{start, 0, type}}; }

TEST(scan_kernel, each_site_type_in_the_middle) {
    auto set = one_mirna();
    EXPECT_EQ(scan_whole(set, "CCCAUAAGCUACCC"), one(4, site_type::eight_mer));
    EXPECT_EQ(scan_whole(set, "CCCAUAAGCUCCC"), one(4, site_type::seven_mer_m8));
    EXPECT_EQ(scan_whole(set, "CCCUAAGCUACCC"), one(4, site_type::seven_mer_a1));
    EXPECT_EQ(scan_whole(set, "CCCUAAGCUCCC"), one(4, site_type::six_mer));
    EXPECT_EQ(scan_whole(set, "CCCAUAAGCCCC"), one(4, site_type::offset_six_mer));
}

TEST(scan_kernel, sites_at_both_ends) {
    auto set = one_mirna();
    EXPECT_EQ(scan_whole(set, "AUAAGCUA"), one(1, site_type::eight_mer));
    EXPECT_EQ(scan_whole(set, "CCAUAAGCUA"), one(3, site_type::eight_mer));
    EXPECT_EQ(scan_whole(set, "AUAAGCU"), one(1, site_type::seven_mer_m8));
    EXPECT_EQ(scan_whole(set, "GGAUAAGCU"), one(3, site_type::seven_mer_m8));
    EXPECT_EQ(scan_whole(set, "UAAGCUAGG"), one(1, site_type::seven_mer_a1));
    EXPECT_EQ(scan_whole(set, "GGUAAGCUA"), one(3, site_type::seven_mer_a1));
    EXPECT_EQ(scan_whole(set, "UAAGCU"), one(1, site_type::six_mer));
    EXPECT_EQ(scan_whole(set, "GGGUAAGCU"), one(4, site_type::six_mer));
    EXPECT_EQ(scan_whole(set, "AUAAGC"), one(1, site_type::offset_six_mer));
    EXPECT_EQ(scan_whole(set, "GGAUAAGC"), one(3, site_type::offset_six_mer));
    EXPECT_TRUE(scan_whole(set, "UAAGC").empty());
}

TEST(scan_kernel, tandem_and_overlapping_sites_are_all_reported) {
    auto set = one_mirna();
    // Two 8mers sharing the A: the second one's first base is the first one's A1.
    EXPECT_EQ(scan_whole(set, "AUAAGCUAUAAGCUA"),
              (std::vector<call>{{1, 0, site_type::eight_mer}, {8, 0, site_type::eight_mer}}));
    // A 7mer-m8 followed, after a spacer, by a 6mer.
    EXPECT_EQ(scan_whole(set, "AUAAGCUGGGUAAGCUG"),
              (std::vector<call>{{1, 0, site_type::seven_mer_m8}, {11, 0, site_type::six_mer}}));
}

TEST(scan_kernel, repetitive_seed_reports_every_start) {
    // seed nt 2-8 = UUUUUUU: the site is a run of A; a 6mer core ends at every A from the sixth on.
    auto set = one_mirna("CUUUUUUUGC");
    auto calls = scan_whole(set, "AAAAAAAAA", site_type_set::all());
    // Nine A: the cores start at 1-4. Core 1 has no base before it (7mer-A1 1-7); cores 2 and 3
    // have A on both sides (8mers 1-8, 2-9); core 4 ends the UTR (7mer-m8 3-9). Offset 6mers
    // followed by A (= pairs nt 2) are 7mer-m8 parts; only the last one (4-9) stands alone.
    EXPECT_EQ(calls, (std::vector<call>{{1, 0, site_type::eight_mer},
                                        {1, 0, site_type::seven_mer_a1},
                                        {2, 0, site_type::eight_mer},
                                        {3, 0, site_type::seven_mer_m8},
                                        {4, 0, site_type::offset_six_mer}}));
}

TEST(scan_kernel, subset_rules_hide_the_smaller_site) {
    auto set = one_mirna();
    // An 8mer hides its 7mer-m8, 7mer-A1, 6mer and offset 6mer: one call only.
    EXPECT_EQ(scan_whole(set, "AUAAGCUA").size(), 1u);
    // A 7mer-m8 hides its 6mer and its offset 6mer.
    EXPECT_EQ(scan_whole(set, "GAUAAGCUG").size(), 1u);
}

TEST(scan_kernel, other_letters_never_join_a_site) {
    auto set = one_mirna();
    EXPECT_TRUE(scan_whole(set, "AUAAGNUA").empty());
    EXPECT_EQ(scan_whole(set, "NUAAGCUA"), one(2, site_type::seven_mer_a1));
    EXPECT_EQ(scan_whole(set, "AUAAGCUN"), one(1, site_type::seven_mer_m8));
    EXPECT_EQ(scan_whole(set, "NNNNNNNNNNAUAAGCUANNNN"), one(11, site_type::eight_mer));
    EXPECT_EQ(scan_whole(set, "RYAUAAGCUAKM"), one(3, site_type::eight_mer));
}

TEST(scan_kernel, dna_rna_and_case_are_the_same) {
    auto set = one_mirna();
    EXPECT_EQ(scan_whole(set, "ATAAGCTA"), one(1, site_type::eight_mer));
    EXPECT_EQ(scan_whole(set, "auaagcua"), one(1, site_type::eight_mer));
    EXPECT_EQ(scan_whole(set, "aTaAgCuA"), one(1, site_type::eight_mer));
}

TEST(scan_kernel, site_selection_filters_after_classification) {
    auto set = one_mirna();
    site_type_set only_6mer;
    only_6mer.insert(site_type::six_mer);
    // An 8mer is still an 8mer: asking for 6mers does not turn it into one.
    EXPECT_TRUE(scan_whole(set, "AUAAGCUA", only_6mer).empty());
    EXPECT_EQ(scan_whole(set, "GUAAGCUG", only_6mer), one(2, site_type::six_mer));
}

TEST(scan_kernel, families_are_reported_by_index) {
    mirna_set set;
    set.add("a", "", mir21);
    set.add("b", "", "UGAGGUAGUAGGUUGUAUAGUU");  // let-7a: seed GAGGUAG, 8mer site CUACCUCA
    set.add("c", "", "AAGCUUAUCAGACUGAUGUUGA");  // same nt 2-8 as miR-21: same family
    ASSERT_EQ(set.families().size(), 2u);
    EXPECT_EQ(set.families()[0].members, (std::vector<std::uint32_t>{0, 2}));
    EXPECT_EQ(scan_whole(set, "CUACCUCAUAAGCUA"),
              (std::vector<call>{{1, 1, site_type::eight_mer}, {8, 0, site_type::eight_mer}}));
}

// ---- against a naive matcher, whole sequences and split into pieces ----

std::string normalise(const std::string& s) {
    std::string out;
    for (char c : s) {
        auto code = code_of(c);
        out += code == nt_other ? 'N' : rna_letter[code];
    }
    return out;
}

char complement_letter(char c) { return rna_letter[complement(code_of(c))]; }

std::string target_of(const std::string& seed, int from, int to) {
    std::string out;
    for (int nt = from; nt >= to; --nt) out += complement_letter(seed[nt - 2]);
    return out;
}

std::vector<call> naive_scan(const mirna_set& set, const std::string& raw) {
    const std::string s = normalise(raw);
    std::vector<call> calls;
    auto at = [&](std::size_t p, const std::string& w) { return p + w.size() <= s.size() && s.compare(p, w.size(), w) == 0; };
    auto letter = [&](std::int64_t p) { return p >= 0 && static_cast<std::size_t>(p) < s.size() ? s[p] : 'N'; };
    for (std::uint32_t f = 0; f < set.families().size(); ++f) {
        const auto& seed = set.families()[f].seed;
        const auto m8 = target_of(seed, 8, 2), core = target_of(seed, 7, 2), off = target_of(seed, 8, 3);
        const char nt8 = complement_letter(seed[6]), nt2 = complement_letter(seed[0]);
        for (std::size_t p = 0; p < s.size(); ++p) {
            const auto q = static_cast<std::int64_t>(p);
            if (at(p, m8 + "A")) calls.push_back({p + 1, f, site_type::eight_mer});
            if (at(p, m8) && letter(q + 7) != 'A') calls.push_back({p + 1, f, site_type::seven_mer_m8});
            if (at(p, core + "A") && letter(q - 1) != nt8) calls.push_back({p + 1, f, site_type::seven_mer_a1});
            if (at(p, core) && letter(q - 1) != nt8 && letter(q + 6) != 'A') calls.push_back({p + 1, f, site_type::six_mer});
            if (at(p, off) && letter(q + 6) != nt2) calls.push_back({p + 1, f, site_type::offset_six_mer});
        }
    }
    std::sort(calls.begin(), calls.end(), [](const call& a, const call& b) {
        return std::tie(a.start, a.family, a.type) < std::tie(b.start, b.family, b.type);
    });
    return calls;
}

std::string random_sequence(std::mt19937& rng, std::size_t n) {
    static const std::string letters = "ACGTACGTACGTACGUacgtuNNRY";
    std::uniform_int_distribution<std::size_t> pick(0, letters.size() - 1);
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += letters[pick(rng)];
    return s;
}

mirna_set random_mirnas(std::mt19937& rng, std::size_t n) {
    std::uniform_int_distribution<int> base(0, 3);
    mirna_set set;
    for (std::size_t i = 0; i < n; ++i) {
        std::string seq;
        // few distinct letters in some seeds, so sites overlap and repeat
        int alphabet = i % 3 == 0 ? 2 : 4;
        for (int j = 0; j < 22; ++j) seq += rna_letter[base(rng) % alphabet];
        set.add("m" + std::to_string(i), "", seq);
    }
    return set;
}

TEST(scan_kernel, agrees_with_naive_matcher_on_random_sequences) {
    std::mt19937 rng(7);
    for (int round = 0; round < 20; ++round) {
        auto set = random_mirnas(rng, 40);
        auto seq = random_sequence(rng, 3000);
        ASSERT_EQ(scan_whole(set, seq), naive_scan(set, seq)) << "round " << round;
    }
}

TEST(scan_kernel, pieces_of_any_size_find_each_site_once) {
    std::mt19937 rng(11);
    auto set = random_mirnas(rng, 30);
    seed_index index(set.families(), site_type_set::all());
    auto seq = random_sequence(rng, 2000);
    auto expected = naive_scan(set, seq);
    std::string fasta = ">r\n";
    for (std::size_t i = 0; i < seq.size(); i += 37) fasta += seq.substr(i, 37) + "\n";
    for (std::size_t target : {16, 17, 23, 64, 100, 999, 5000}) {
        io::fasta_reader reader(io::byte_source::from_memory("mem", fasta), site_context);
        std::vector<io::sequence_piece> pieces;
        std::vector<family_site> sites;
        while (reader.read_batch(pieces, target)) {}
        for (const auto& p : pieces)
            scan_piece(index, p.seq, p.offset, owned_starts(p.offset, p.overlap, p.seq.size(), p.last), sites);
        std::vector<call> calls;
        for (const auto& s : sites) calls.push_back({s.start + 1, s.family, s.type});
        EXPECT_EQ(calls, expected) << "piece target " << target;
    }
}

}  // namespace
}  // namespace mirhit

namespace mirhit {
namespace {

std::string reverse_complement(const std::string& seq) {
    std::string rc;
    for (auto it = seq.rbegin(); it != seq.rend(); ++it) rc += code_of(*it) > 3 ? 'N' : rna_letter[complement(code_of(*it))];
    return rc;
}

// Reverse-strand sites of pieces of every size, against the naive matcher on the whole reverse
// complement: every site once, including those across piece borders and at both record ends.
TEST(scan_kernel, reverse_strand_sites_in_pieces_of_any_size) {
    std::mt19937 rng(23);
    auto set = random_mirnas(rng, 150);
    seed_index index(set.families(), site_type_set::all());
    auto seq = random_sequence(rng, 6000);
    std::vector<call> expected;
    for (const auto& c : naive_scan(set, reverse_complement(seq)))
        expected.push_back({seq.size() + 2 - c.start - length_of(c.type), c.family, c.type});
    std::sort(expected.begin(), expected.end(), [](const call& a, const call& b) {
        return std::tie(a.start, a.family, a.type) < std::tie(b.start, b.family, b.type);
    });
    ASSERT_GT(expected.size(), 50u);
    std::string fasta = ">r\n";
    for (std::size_t i = 0; i < seq.size(); i += 61) fasta += seq.substr(i, 61) + "\n";
    for (std::size_t target : {16, 17, 23, 64, 100, 999, 5000}) {
        io::fasta_reader reader(io::byte_source::from_memory("mem", fasta), site_context);
        std::vector<io::sequence_piece> pieces;
        while (reader.read_batch(pieces, target)) {}
        std::vector<family_site> sites;
        std::string scratch;
        for (const auto& p : pieces)
            scan_piece_reverse(index, p.seq, p.offset, owned_starts(p.offset, p.overlap, p.seq.size(), p.last), sites, scratch);
        std::sort(sites.begin(), sites.end());
        std::vector<call> calls;
        for (const auto& s : sites) {
            EXPECT_TRUE(s.reverse);
            calls.push_back({s.start + 1, s.family, s.type});
        }
        EXPECT_EQ(calls, expected) << "piece target " << target;
    }
}

// The 8mer/7mer fast path finds exactly the sites of the general kernel (forward, and both
// strands in one pass), for every subset of the three types, in pieces of any size, with few
// miRNAs and with as many as the human set (the dense table).
TEST(scan_kernel, seven_mer_path_equals_the_general_kernel) {
    std::mt19937 rng(31);
    auto seq = random_sequence(rng, 20000);
    bool saw_dense = false, saw_sparse = false;
    for (std::size_t mirna_count : {120, 2500}) {
        auto set = random_mirnas(rng, mirna_count);
        std::string fasta = ">r\n";
        for (std::size_t i = 0; i < seq.size(); i += 53) fasta += seq.substr(i, 53) + "\n";
        const site_type seven[] = {site_type::eight_mer, site_type::seven_mer_m8, site_type::seven_mer_a1};
        EXPECT_FALSE(seed7_index::covers(site_type_set::all()));
        EXPECT_FALSE(seed7_index::covers(site_type_set{}));
        for (unsigned bits = 1; bits < 8; ++bits) {
            site_type_set types;
            for (unsigned t = 0; t < 3; ++t)
                if (bits >> t & 1) types.insert(seven[t]);
            ASSERT_TRUE(seed7_index::covers(types));
            const seed_index general(set.families(), types);
            for (bool both : {false, true}) {
                const seed7_index fast(set.families(), types, both);
                (fast.dense() ? saw_dense : saw_sparse) = true;
                for (std::size_t target : {16, 23, 100, 30000}) {
                    io::fasta_reader reader(io::byte_source::from_memory("mem", fasta), site_context);
                    std::vector<io::sequence_piece> pieces;
                    while (reader.read_batch(pieces, target)) {}
                    std::vector<family_site> expected, got;
                    std::string scratch;
                    for (const auto& p : pieces) {
                        const auto owned = owned_starts(p.offset, p.overlap, p.seq.size(), p.last);
                        const auto first = expected.size();
                        scan_piece(general, p.seq, p.offset, owned, expected);
                        if (both) {
                            scan_piece_reverse(general, p.seq, p.offset, owned, expected, scratch);
                            std::sort(expected.begin() + static_cast<std::ptrdiff_t>(first), expected.end());
                        }
                        scan_piece_seven(fast, p.seq, p.offset, owned, got);
                    }
                    ASSERT_GT(expected.size(), 5u);
                    ASSERT_EQ(got.size(), expected.size()) << mirna_count << " miRNAs, types " << bits << " both " << both << " target " << target;
                    for (std::size_t i = 0; i < got.size(); ++i) {
                        const auto& a = got[i];
                        const auto& b = expected[i];
                        ASSERT_TRUE(a.start == b.start && a.family == b.family && a.type == b.type && a.reverse == b.reverse)
                            << "site " << i << " of " << mirna_count << " miRNAs, types " << bits << " both " << both << " target " << target;
                    }
                }
            }
        }
    }
    EXPECT_TRUE(saw_dense);
    EXPECT_TRUE(saw_sparse);
}

site_type_set eight_and_sevens() {
    site_type_set types;
    for (auto t : {site_type::eight_mer, site_type::seven_mer_m8, site_type::seven_mer_a1}) types.insert(t);
    return types;
}

// seven_counter's counts in count_sites's order.
std::vector<site_count> sorted(std::vector<site_count> counts) {
    std::sort(counts.begin(), counts.end(), [](const site_count& a, const site_count& b) {
        return std::tie(a.family, a.reverse, a.type) < std::tie(b.family, b.reverse, b.type);
    });
    return counts;
}

TEST(site_counts, hand_worked_sites_on_both_strands) {
    auto set = one_mirna();
    // Forward: an 8mer, a 7mer-m8, a 7mer-A1 after an N and a 7mer-m8 at the end; reverse: an
    // 8mer (UAGCUUAU is the reverse complement of AUAAGCUA).
    const std::string seq = "CCAUAAGCUACCGGAUAAGCUCCNUAAGCUAGGCUAGCUUAUCCAUAAGCU";
    const seed7_index index(set.families(), eight_and_sevens(), true);
    const std::vector<site_count> expected{{0, false, site_type::eight_mer, 1},
                                           {0, false, site_type::seven_mer_m8, 2},
                                           {0, false, site_type::seven_mer_a1, 1},
                                           {0, true, site_type::eight_mer, 1}};
    std::vector<family_site> sites;
    scan_piece_seven(index, seq, 0, owned_starts(0, 0, seq.size(), true), sites);
    std::vector<site_count> from_sites, counted;
    count_sites(sites, from_sites);
    EXPECT_EQ(from_sites, expected);
    seven_counter counter;
    counter.count(index, seq, 0, owned_starts(0, 0, seq.size(), true), counted);
    EXPECT_EQ(sorted(counted), expected);
}

// Counting off 8-mer tallies gives, piece by piece, what tallying the found sites gives: pieces
// of any size (the owned ranges' ends), N runs, record ends, every subset of the three types,
// one strand or both, few miRNAs and the dense table.
TEST(site_counts, counting_equals_tallying_the_sites) {
    std::mt19937 rng(57);
    auto seq = random_sequence(rng, 20000);
    seq.replace(5000, 40, std::string(40, 'N'));
    // Small pieces on a prefix: every count clears and reads the tables.
    auto fasta_of = [](const std::string& record) {
        std::string fasta = ">r\n";
        for (std::size_t i = 0; i < record.size(); i += 61) fasta += record.substr(i, 61) + "\n";
        return fasta + ">short\nACGUACG\n>shorter\nACG\n>n\nNNNNNNNNNNNN\n";
    };
    const std::string whole = fasta_of(seq), prefix = fasta_of(seq.substr(4900, 1200));
    seven_counter counter;
    for (std::size_t mirna_count : {120, 2500}) {
        auto set = random_mirnas(rng, mirna_count);
        for (unsigned bits = 1; bits < 8; ++bits) {
            site_type_set types;
            for (unsigned t = 0; t < 3; ++t)
                if (bits >> t & 1) types.insert(static_cast<site_type>(t));
            for (bool both : {false, true}) {
                const seed7_index index(set.families(), types, both);
                for (std::size_t target : {16, 23, 100, 2000, 30000}) {
                    io::fasta_reader reader(io::byte_source::from_memory("mem", target < 1000 ? prefix : whole), site_context);
                    std::vector<io::sequence_piece> pieces;
                    while (reader.read_batch(pieces, target)) {}
                    std::uint64_t total = 0;
                    for (const auto& p : pieces) {
                        const auto owned = owned_starts(p.offset, p.overlap, p.seq.size(), p.last);
                        std::vector<family_site> sites;
                        scan_piece_seven(index, p.seq, p.offset, owned, sites);
                        std::vector<site_count> expected, got;
                        count_sites(sites, expected);
                        counter.count(index, p.seq, p.offset, owned, got);
                        ASSERT_EQ(sorted(got), expected) << mirna_count << " miRNAs, types " << bits << " both " << both
                                                 << " target " << target << " piece at " << p.offset;
                        total += sites.size();
                    }
                    if (target >= 1000) {
                        ASSERT_GT(total, 5u);
                    }
                }
            }
        }
    }
}

}  // namespace
}  // namespace mirhit
