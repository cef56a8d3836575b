#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "io/byte_source.hpp"
#include "io/line_reader.hpp"
#include "scoring/accessibility.hpp"
#include "scoring/energy_params.hpp"
#include "test_support.hpp"

namespace sc = mirhit::scoring;

namespace {

std::string random_rna(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::string s(n, 'A');
    for (auto& c : s) c = "ACGU"[rng() % 4];
    return s;
}

sc::plfold targetscan_plfold() { return sc::plfold(sc::turner2004(), sc::plfold_options{}); }

std::vector<std::pair<std::string, std::string>> read_fasta(const std::filesystem::path& path) {
    std::vector<std::pair<std::string, std::string>> records;
    mirhit::io::line_reader in(mirhit::io::byte_source::open(path.string()));
    std::string line;
    while (in.next(line)) {
        if (line.empty()) continue;
        if (line[0] == '>')
            records.emplace_back(line.substr(1, line.find_first_of(" \t") - 1), "");
        else
            records.back().second += line;
    }
    return records;
}

}  // namespace

TEST(Accessibility, SequenceThatCannotPairIsUnpaired) {
    auto fold = targetscan_plfold();
    const auto t = fold.unpaired(std::string(150, 'A'));
    for (std::size_t i = 1; i <= t.length(); ++i)
        for (int l = 1; l <= std::min<int>(20, static_cast<int>(i)); ++l) EXPECT_NEAR(t.at(i, l), 1.0, 1e-12) << i << " " << l;
    EXPECT_TRUE(std::isnan(t.at(3, 4)));
}

TEST(Accessibility, StrongHairpinStemIsPaired) {
    auto fold = targetscan_plfold();
    // A 10-bp G-C stem around a GAAA tetraloop, flanked by A's that cannot pair with it.
    const std::string seq = std::string(30, 'A') + "GGGCGCGCCG" + "GAAA" + "CGGCGCGCCC" + std::string(30, 'A');
    const auto t = fold.unpaired(seq);
    for (std::size_t i = 31; i <= 40; ++i) EXPECT_LT(t.at(i, 1), 0.01) << i;
    for (std::size_t i = 45; i <= 54; ++i) EXPECT_LT(t.at(i, 1), 0.01) << i;
    for (std::size_t i = 42; i <= 43; ++i) EXPECT_GT(t.at(i, 1), 0.99) << i;
    EXPECT_GT(t.at(10, 5), 0.99);
}

// Within one window (sequences up to W nt) the probabilities come from one ensemble and cannot grow
// with the stretch length. Averaged over windows they can: a longer stretch is averaged over fewer
// windows (RNAplfold's own output for CDC2L6 has 5,151 such pairs), so there only the bounds hold.
TEST(Accessibility, ProbabilitiesAreBoundedAndMonotoneInLengthWithinAWindow) {
    auto fold = targetscan_plfold();
    for (std::size_t n : {5u, 12u, 45u, 80u, 300u}) {
        const auto t = fold.unpaired(random_rna(n, static_cast<unsigned>(n)));
        for (std::size_t i = 1; i <= n; ++i) {
            double previous = 1.0;
            for (int l = 1; l <= std::min<int>(20, static_cast<int>(i)); ++l) {
                const double p = t.at(i, l);
                EXPECT_GE(p, 0.0) << n << " " << i << " " << l;
                EXPECT_LE(p, 1.0 + 1e-12) << n << " " << i << " " << l;
                if (n <= 80) {
                    EXPECT_LE(p, previous + 1e-12) << n << " " << i << " " << l;
                }
                previous = p;
            }
        }
    }
}

TEST(Accessibility, ShortSequencesCutWindowSpanAndLength) {
    const auto e = sc::effective_options({}, 30);
    EXPECT_EQ(e.window, 30);
    EXPECT_EQ(e.max_span, 29);
    EXPECT_EQ(e.max_unpaired, 20);
    const auto tiny = sc::effective_options({}, 12);
    EXPECT_EQ(tiny.max_unpaired, 12);
    auto fold = targetscan_plfold();
    const auto t = fold.unpaired("GGGAAAUCC");
    EXPECT_NEAR(t.at(9, 9), t.at(9, 9), 0.0);  // defined: u is cut to the length, not beyond
    EXPECT_GT(t.at(9, 9), 0.0);
    const auto four = fold.unpaired("GCAU");
    EXPECT_EQ(four.at(4, 4), 1.0);
}

TEST(Accessibility, StreamingAgreesWithTableAndIsRepeatable) {
    auto fold = targetscan_plfold();
    const auto seq = random_rna(500, 7);
    const auto a = fold.unpaired(seq);
    std::size_t calls = 0;
    fold.run(seq, [&](std::size_t pos, const double* p, int count) {
        EXPECT_EQ(pos, ++calls);
        EXPECT_EQ(count, std::min<int>(20, static_cast<int>(pos)));
        for (int l = 1; l <= count; ++l) EXPECT_EQ(p[l - 1], a.at(pos, l));
    });
    EXPECT_EQ(calls, seq.size());
    // DNA letters and lower case read like RNA.
    std::string dna = seq;
    for (auto& c : dna) c = c == 'U' ? 't' : static_cast<char>(c + ('a' - 'A'));
    const auto b = fold.unpaired(dna);
    for (std::size_t i = 1; i <= seq.size(); ++i) EXPECT_EQ(a.at(i, 1), b.at(i, 1));
}

// Folding only the stretches around chosen positions gives exactly the whole fold's rows there:
// random sequences (some shorter than a window), positions anywhere including both ends, lone
// and clustered, with TargetScan's settings and with small windows (u and 30-nt loops reaching
// past W).
TEST(Accessibility, PositionsAloneEqualTheWholeFold) {
    std::mt19937 rng(11);
    const sc::plfold_options settings[] = {{}, {30, 20, 10}, {20, 19, 20}};
    double max_diff = 0.0;
    std::size_t compared = 0;
    for (const auto& o : settings) {
        sc::plfold fold(sc::turner2004(), o);
        for (const std::size_t n : {std::size_t{15}, std::size_t{79}, std::size_t{81}, std::size_t{163}, std::size_t{400}, std::size_t{1300}}) {
            const auto seq = random_rna(n, static_cast<unsigned>(rng()));
            const auto whole = fold.unpaired(seq);
            for (int trial = 0; trial < 6; ++trial) {
                std::vector<std::size_t> positions = {1, n, n - 1, 2};
                positions.resize(static_cast<std::size_t>(std::min(trial, 3)));  // ends in some trials only
                const std::size_t extra = trial == 3 ? 20 : 1 + rng() % 4;
                for (std::size_t e = 0; e < extra; ++e) positions.push_back(1 + rng() % n);
                // Rows spaced just beyond what the pairs around one reach (span, then 31 nt of an
                // interior loop), so that outside weights are computed in separate stretches.
                const std::size_t gap = static_cast<std::size_t>(trial == 4 ? o.max_span + 1 : o.max_span + 32);
                for (std::size_t p = 1 + rng() % gap; trial >= 4 && p <= n; p += gap) positions.push_back(p);
                if (trial == 2 && n > 200) positions.push_back(positions.back() > 3 ? positions.back() - 3 : 1);
                const auto part = fold.unpaired(seq, positions);
                std::vector<bool> asked(n + 1, false);
                for (auto p : positions) asked[p] = true;
                for (std::size_t p = 1; p <= n; ++p) {
                    for (int l = 1; l <= o.max_unpaired; ++l) {
                        const double a = whole.at(p, l), b = part.at(p, l);
                        if (!asked[p] || std::isnan(a)) {
                            EXPECT_TRUE(std::isnan(b)) << "n " << n << " pos " << p << " u " << l;
                            continue;
                        }
                        ++compared;
                        max_diff = std::max(max_diff, std::abs(a - b));
                        EXPECT_NEAR(a, b, 1e-12) << "W " << o.window << " n " << n << " pos " << p << " u " << l;
                    }
                }
            }
        }
    }
    std::printf("compared %zu values: max |difference| %.3g\n", compared, max_diff);
}

TEST(Accessibility, OpeningEnergyIsMinusRTLogP) {
    EXPECT_DOUBLE_EQ(sc::opening_energy(1.0), 0.0);
    EXPECT_NEAR(sc::opening_energy(0.1), 0.61632 * std::log(10.0), 1e-5);
}

// RNAplfold 2.7.1 -W 80 -L 41 -u 20 (pairs j - i <= 40) on the shared inputs: every probability
// of every position and length within 1e-6 (the files print 7 digits). Under sanitizers only the
// sequences up to 1000 nt.
TEST(Accessibility, EqualsRnaplfoldOnSharedReferences) {
    const auto dir = mirhit::test::shared_data("data/vienna/plfold");
    if (dir.empty()) GTEST_SKIP() << "shared RNAplfold references not found (set MIRHIT_SHARED to the shared folder)";
#if defined(__SANITIZE_ADDRESS__)
    const std::size_t max_length = 1000;
#else
    const std::size_t max_length = std::numeric_limits<std::size_t>::max();
#endif
    auto fold = targetscan_plfold();
    double max_diff = 0.0;
    std::size_t values = 0, sequences = 0, bad = 0;
    for (const char* file : {"human_utrs.fa", "random_au60.fa"}) {
        for (const auto& [name, seq] : read_fasta(dir / file)) {
            if (seq.size() > max_length) continue;
            ++sequences;
            const auto t = fold.unpaired(seq);
            mirhit::io::line_reader in(mirhit::io::byte_source::open((dir / "lunp" / (name + "_lunp.gz")).string()));
            std::string line;
            std::vector<std::string_view> fields;
            std::size_t pos = 0;
            while (in.next(line)) {
                if (line.empty() || line[0] == '#' || line[0] == ' ') continue;
                mirhit::io::split_fields(line, fields);
                mirhit::io::drop_trailing_empty(fields);
                ++pos;
                ASSERT_EQ(std::stoul(std::string(fields[0])), pos) << name;
                ASSERT_EQ(fields.size(), 21u) << name << " line " << pos;
                for (int l = 1; l <= 20; ++l) {
                    const std::string f(fields[static_cast<std::size_t>(l)]);
                    if (f == "NA") {
                        EXPECT_GT(static_cast<std::size_t>(l), pos) << name;
                        continue;
                    }
                    const double d = std::abs(std::stod(f) - t.at(pos, l));
                    ++values;
                    max_diff = std::max(max_diff, d);
                    if (d > 1e-6 && ++bad <= 10)
                        ADD_FAILURE() << name << " position " << pos << " u=" << l << ": RNAplfold " << f << ", mirhit " << t.at(pos, l);
                }
            }
            EXPECT_EQ(pos, seq.size()) << name;
        }
    }
    EXPECT_GT(sequences, 0u);
    EXPECT_EQ(bad, 0u) << "values off by more than 1e-6";
    std::printf("compared %zu values of %zu sequences: max |difference| %.3g\n", values, sequences, max_diff);
}

// The memory of folding around chosen positions does not grow with the record: a 4 Mb record with
// sparse sites and a dense 70 kb block of them (folded as two stretches) holds the same working
// buffers as a 200 kb one, and the table holds the requested rows only. (A small model: fast.)
TEST(Accessibility, PositionsAloneUseMemoryIndependentOfTheRecordLength) {
    const auto working_set = [](std::size_t n, std::vector<std::size_t>& positions) {
        sc::plfold fold(sc::turner2004(), sc::plfold_options{40, 30, 10});
        const auto seq = random_rna(n, 3);
        positions.clear();
        for (std::size_t p = 1000; p < 70000; p += 40) positions.push_back(p);
        for (std::size_t p = 160000; p < n; p += 97003) positions.push_back(p);
        const auto t = fold.unpaired(seq, positions);
        EXPECT_EQ(t.bytes(), positions.size() * (10 * sizeof(double) + sizeof(std::size_t)));
        EXPECT_TRUE(std::isnan(t.at(999, 1)));
        EXPECT_FALSE(std::isnan(t.at(positions.back(), 10)));
        return fold.working_bytes();
    };
    std::vector<std::size_t> small, large;
    const std::size_t small_bytes = working_set(200000, small), large_bytes = working_set(4000000, large);
    EXPECT_GT(large.size(), small.size());
    EXPECT_EQ(large_bytes, small_bytes);
    EXPECT_LT(large_bytes, sc::plfold::max_stretch + (std::size_t{2} << 20));
    std::printf("working buffers %zu bytes for a 4 Mb record\n", large_bytes);
}

TEST(Accessibility, ModelChecksRefuseWhatCannotFitInAWindow) {
    EXPECT_EQ(sc::check_access_model({}), "");
    EXPECT_EQ(sc::check_access_model({80, 79, 80}), "");
    EXPECT_EQ(sc::check_access_model({40, 40, 20}), "base pairs spanning 40 nt (j - i) do not fit in a window 40 nt");
    EXPECT_EQ(sc::check_access_model({50, 40, 51}), "stretches of 51 unpaired nt do not fit in a window 50 nt");
}
