// Seed-pairing stability and target-site abundance: hand-worked values, and agreement with
// TargetScan 7's table when the shared reference data is present.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/encoding.hpp"
#include "core/scan_kernel.hpp"
#include "core/error.hpp"
#include "io/fasta_reader.hpp"
#include "io/ta_table.hpp"
#include "scoring/seed_stability.hpp"
#include "scoring/target_abundance.hpp"
#include "tests/test_support.hpp"

namespace mirhit::scoring {
namespace {

TEST(seed_pairing_stability, hand_worked_duplexes) {
    // let-7 (GAGGUAG): stacks GA AG GG GU UA AG = -13.34, + 4.09 initiation.
    EXPECT_DOUBLE_EQ(seed_pairing_stability("GAGGUAG", true), -9.25);
    // 6 bp GAGGUA: -11.26 + 4.09 + 0.45 for the terminal A-U.
    EXPECT_DOUBLE_EQ(seed_pairing_stability("GAGGUAG", false), -6.72);
    // Six A-A stacks, two terminal A-U pairs.
    EXPECT_DOUBLE_EQ(seed_pairing_stability("AAAAAAA", true), -0.59);
    EXPECT_DOUBLE_EQ(seed_pairing_stability("aaaaaaa", false), 0.34);
    EXPECT_DOUBLE_EQ(seed_pairing_stability("AAAAAAC", true), -2.35);
    // AAAUUU pairs with itself: symmetry +0.43.
    EXPECT_DOUBLE_EQ(seed_pairing_stability("AAAUUUG", false), 0.60);
    EXPECT_DOUBLE_EQ(seed_pairing_stability("AAATTTG", true), seed_pairing_stability("AAAUUUG", true));
    EXPECT_THROW(seed_pairing_stability("AAAUUU", true), std::invalid_argument);
    EXPECT_THROW(seed_pairing_stability("AAANUUG", true), std::invalid_argument);
}

// hsa-miR-21-5p, nt 2-8 AGCUUAU: 8mer AUAAGCUA, 7mer-m8 AUAAGCU, 7mer-A1 UAAGCUA.
TEST(site_abundance, counts_each_7mer_and_8mer_site_once) {
    const auto mir21 = seed_code("AGCUUAU");
    auto count = [&](std::string_view seq) {
        site_abundance_counter c;
        c.add(seq);
        return c.sites(mir21);
    };
    EXPECT_EQ(count("AUAAGCUA"), 1u);
    EXPECT_EQ(count("CAUAAGCUG"), 1u);
    EXPECT_EQ(count("CUAAGCUAC"), 1u);
    EXPECT_EQ(count("CUAAGCUC"), 0u);  // a 6mer is not counted
    EXPECT_EQ(count("AUAAGCUAUAAGCUA"), 2u);
    EXPECT_EQ(count("AUAAGCUNAUAAGCUGGUAAGCUa"), 3u);
    EXPECT_EQ(count("AUAANGCUA"), 0u);
    site_abundance_counter c;
    c.add("ACGUNNacgu");
    EXPECT_EQ(c.nucleotides(), 8u);
    EXPECT_THROW(seed_code("AGCUUA"), std::invalid_argument);
}

TEST(site_abundance, pieces_count_like_the_whole_sequence) {
    std::mt19937 rng(5);
    std::string seq;
    for (int i = 0; i < 3000; ++i) seq += "ACGUAAUUN"[rng() % 9 < 8 ? rng() % 4 : 8];
    site_abundance_counter whole;
    whole.add(seq);
    std::string fasta = ">r\n" + seq + "\n";
    for (std::size_t target : {16, 23, 100, 999}) {
        io::fasta_reader reader(io::byte_source::from_memory("mem", fasta), site_context);
        std::vector<io::sequence_piece> pieces;
        site_abundance_counter parts;
        while (reader.read_batch(pieces, target)) {}
        for (const auto& p : pieces) {
            const auto owned = owned_starts(p.offset, p.overlap, p.seq.size(), p.last);
            parts.add(p.seq, owned.begin - p.offset, owned.end - p.offset);
        }
        EXPECT_EQ(parts.nucleotides(), whole.nucleotides()) << target;
        for (std::uint32_t s = 0; s < seed_code_count; ++s) ASSERT_EQ(parts.sites(s), whole.sites(s)) << target;
    }
}

TEST(site_abundance, both_strands_count_the_reverse_complement_too) {
    std::mt19937 rng(9);
    std::string seq, rc;
    for (int i = 0; i < 2000; ++i) seq += "ACGUN"[rng() % 50 == 0 ? 4 : rng() % 4];
    for (auto it = seq.rbegin(); it != seq.rend(); ++it) rc += *it == 'N' ? 'N' : "UGCA"[code_of(*it)];
    site_abundance_counter both(true), separate;
    both.add(seq);
    separate.add(seq);
    separate.add(rc);
    EXPECT_EQ(both.nucleotides(), separate.nucleotides());
    for (std::uint32_t s = 0; s < seed_code_count; ++s) ASSERT_EQ(both.sites(s), separate.sites(s));
}

TEST(site_abundance, ta_is_log_sites_per_reference_utrome) {
    site_abundance_counter c;
    c.add("AUAAGCUA");
    const auto ta = c.ta_table();
    ASSERT_EQ(ta.size(), seed_code_count);
    EXPECT_NEAR(ta[seed_code("AGCUUAU")], std::log10(2.0 * reference_utrome_length / 8.0), 1e-12);
    EXPECT_NEAR(ta[seed_code("CCCCCCC")], std::log10(reference_utrome_length / 8.0), 1e-12);
    EXPECT_TRUE(site_abundance_counter().ta_table().empty());
}

std::string seed_name(std::uint32_t code) {
    std::string seed;
    for (int i = 6; i >= 0; --i) seed += "ACGU"[code >> (2 * i) & 3];
    return seed;
}

std::string ta_error(const std::string& text) {
    try {
        io::read_ta_table(io::byte_source::from_memory("ta.tsv", text));
    } catch (const input_error& e) {
        return e.what();
    }
    return "no error";
}

TEST(ta_table, reads_both_formats_and_rejects_bad_rows) {
    std::string mirhit_format = "## mirhit\nseed\tsites\tta\n", targetscan_format = "Seed region\tSPS 1\tSPS 2\tTA\r\n";
    for (std::uint32_t s = 0; s < seed_code_count; ++s) {
        mirhit_format += seed_name(s) + "\t" + std::to_string(s) + "\t" + std::to_string(s % 100) + ".5\n";
        targetscan_format += seed_name(s) + "\t-1\t-2\t" + std::to_string(s % 100) + ".5\r\n";
    }
    for (const auto& text : {mirhit_format, targetscan_format}) {
        const auto values = io::read_ta_table(io::byte_source::from_memory("ta.tsv", text));
        ASSERT_EQ(values.by_seed.size(), seed_code_count);
        EXPECT_EQ(values.by_seed[seed_code("AAAAAAA")], 0.5);
        EXPECT_EQ(values.by_seed[seed_code("GAGGUAG")], (seed_code("GAGGUAG") % 100) + 0.5);
        EXPECT_EQ(values.source, "ta.tsv");
    }
    EXPECT_EQ(ta_error("seed\tta\n"), "ta.tsv:1: expected a header row 'seed<TAB>sites<TAB>ta' (mirhit abundance) or "
                                       "'Seed region<TAB>...<TAB>TA' (TargetScan)");
    EXPECT_EQ(ta_error("seed\tsites\tta\nAAAAAAA\t1\n"), "ta.tsv:2: expected 3 tab-separated fields, found 2");
    EXPECT_EQ(ta_error("seed\tsites\tta\nAAAAAXA\t1\t2\n"), "ta.tsv:2: 'AAAAAXA' is not a 7-nt seed of A, C, G, U/T");
    EXPECT_EQ(ta_error("seed\tsites\tta\nAAAAAAA\t1\t2\nAAAAAAA\t1\t2\n"), "ta.tsv:3: seed AAAAAAA appears twice");
    EXPECT_EQ(ta_error("seed\tsites\tta\nAAAAAAA\t1\t2x\n"), "ta.tsv:2: TA '2x' is not a number");
    EXPECT_EQ(ta_error("seed\tsites\tta\nAAAAAAA\t1\t2\n"), "ta.tsv: 1 seeds, expected all 16384");
}

TEST(ta_table, builtin_table_is_complete) {
    const auto& values = io::builtin_ta_values();
    ASSERT_EQ(values.by_seed.size(), seed_code_count);
    EXPECT_TRUE(values.source.starts_with("built-in: both strands of human GenBank BA000025"));
    // A seed whose sites are common in human sequence has a higher TA than a CpG-rich one.
    EXPECT_GT(values.by_seed[seed_code("AAAAAAA")], values.by_seed[seed_code("CGCGCGC")] + 1.0);
}

double pearson(const std::vector<double>& a, const std::vector<double>& b) {
    double ma = 0, mb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) ma += a[i], mb += b[i];
    ma /= a.size();
    mb /= b.size();
    double ab = 0, aa = 0, bb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ab += (a[i] - ma) * (b[i] - mb);
        aa += (a[i] - ma) * (a[i] - ma);
        bb += (b[i] - mb) * (b[i] - mb);
    }
    return ab / std::sqrt(aa * bb);
}

// TargetScan 7's TA_SPS_by_seed_region.txt: seed, SPS (8mer, 7mer-m8), SPS (7mer-A1, 6mer), TA.
struct reference_table {
    std::vector<std::uint32_t> seeds;
    std::vector<double> sps7, sps6, ta;
};
reference_table read_reference(const std::filesystem::path& file) {
    reference_table t;
    std::ifstream in(file);
    std::string line, seed;
    std::getline(in, line);
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        double a, b, c;
        fields >> seed >> a >> b >> c;
        t.seeds.push_back(seed_code(seed));
        t.sps7.push_back(a);
        t.sps6.push_back(b);
        t.ta.push_back(c);
    }
    return t;
}

TEST(seed_scores, agree_with_targetscan_table) {
    const auto file = test::shared_data("data/targetscan7/TA_SPS_by_seed_region.txt");
    if (file.empty()) GTEST_SKIP() << "TargetScan 7 TA/SPS table not found (set MIRHIT_SHARED)";
    const auto ref = read_reference(file);
    ASSERT_EQ(ref.seeds.size(), seed_code_count);
    std::vector<double> sps7, sps6;
    for (auto code : ref.seeds) {
        sps7.push_back(seed_pairing_stability(seed_name(code), true));
        sps6.push_back(seed_pairing_stability(seed_name(code), false));
    }
    EXPECT_EQ(sps7, ref.sps7);
    EXPECT_EQ(sps6, ref.sps6);

    const auto utrs = test::shared_data("data/utr/human_3utr_5492_genes.fa.gz");
    if (utrs.empty()) GTEST_SKIP() << "human 3'UTR set not found";
    io::fasta_reader reader(io::byte_source::open(utrs.string()), site_context);
    std::vector<io::sequence_piece> pieces;
    site_abundance_counter counter;
    while (reader.read_batch(pieces, 1 << 20)) {
        for (const auto& p : pieces) {
            const auto owned = owned_starts(p.offset, p.overlap, p.seq.size(), p.last);
            counter.add(p.seq, owned.begin - p.offset, owned.end - p.offset);
        }
        pieces.clear();
    }
    const auto table = counter.ta_table();
    std::vector<double> ours;
    for (auto code : ref.seeds) ours.push_back(table[code]);
    EXPECT_GE(pearson(ours, ref.ta), 0.99);

    std::vector<double> builtin;
    for (auto code : ref.seeds) builtin.push_back(io::builtin_ta_values().by_seed[code]);
    EXPECT_GE(pearson(builtin, ref.ta), 0.95);
}

}  // namespace
}  // namespace mirhit::scoring
