// The mirhit index file (io/utr_index.hpp): round trip, the values equal to the fold's, and
// clear errors for truncated, corrupt, foreign and other-version files and for another model.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <random>

#include "io/utr_index.hpp"
#include "io/utr_index_builder.hpp"
#include "mirhit/version.hpp"
#include "scoring/context_score.hpp"
#include "tests/test_support.hpp"

namespace mirhit::test {
namespace {

const double nan = std::numeric_limits<double>::quiet_NaN();

io::utr_index_model test_model() { return {80, 40, 20, 0x1234, "built-in Turner 2004", "9.9.9"}; }

io::record_header header(const std::string& text, const std::string& id, const std::string& gene, std::uint64_t line) {
    io::record_header r;
    r.text = text;
    r.id = id;
    r.gene = gene;
    r.file = "u.fa";
    r.line = line;
    return r;
}

// Two records: 3 nt and 2 nt, values 0.5, 0.25, ... and NaN.
std::filesystem::path write_small_index(const std::filesystem::path& dir) {
    const auto path = dir / "small.mhx";
    io::utr_index_writer w(path.string(), test_model(), {"u.fa", "v.fa.gz"});
    w.add(header("r1 gene=PTEN x", "r1", "PTEN", 1), {"PTEN"}, "ACG", std::vector<double>{0.5, nan, 0.25, nan, 0.125, 1.0});
    w.add(header("r2 gene=ZO-1", "r2", "ZO-1", 3), {"TJP1"}, "UU", std::vector<double>{nan, nan, 0.75, 0.0625});
    io::utr_index_abundance counts{std::vector<std::uint64_t>(scoring::seed_code_count, 1),
                                   std::vector<std::uint64_t>(scoring::seed_code_count, 2), 5, 10};
    counts.sites[7] = 42;
    w.finish(counts);
    return path;
}

std::string error_of(const std::filesystem::path& path) {
    try {
        io::utr_index index(path.string());
    } catch (const input_error& e) {
        return e.what();
    }
    return "no error";
}

TEST(utr_index, round_trip_keeps_records_values_counts_and_model) {
    const auto path = write_small_index(temp_dir());
    const io::utr_index index(path.string());
    ASSERT_EQ(index.size(), 2u);
    EXPECT_EQ(index.nucleotides(), 5u);
    EXPECT_EQ(index.sources(), (std::vector<std::string>{"u.fa", "v.fa.gz"}));
    EXPECT_EQ(index.model().window, 80u);
    EXPECT_EQ(index.model().energy_hash, 0x1234u);
    EXPECT_EQ(index.model().energy_source, "built-in Turner 2004");
    EXPECT_EQ(index.model().version, "9.9.9");
    const auto r1 = index.record(0), r2 = index.record(1);
    EXPECT_EQ(r1.text, "r1 gene=PTEN x");
    EXPECT_EQ(r1.id, "r1");
    EXPECT_EQ(r1.gene, "PTEN");
    EXPECT_EQ(r1.file, "u.fa");
    EXPECT_EQ(r1.line, 1u);
    EXPECT_EQ(r1.seq, "ACG");
    EXPECT_EQ(r2.symbols, "TJP1");
    EXPECT_EQ(r2.seq, "UU");
    EXPECT_EQ(r2.line, 3u);
    ASSERT_EQ(r1.values.size(), 6u);
    EXPECT_EQ(r1.values[0], 0.5);
    EXPECT_TRUE(std::isnan(r1.values[1]));
    EXPECT_EQ(r1.values[5], 1.0);
    ASSERT_EQ(r2.values.size(), 4u);
    EXPECT_EQ(r2.values[3], 0.0625);
    const auto counts = index.abundance();
    EXPECT_EQ(counts.sites[7], 42u);
    EXPECT_EQ(counts.sites_both[7], 2u);
    EXPECT_EQ(counts.nucleotides, 5u);
    EXPECT_EQ(counts.nucleotides_both, 10u);
    EXPECT_EQ(index.description(), path.string() + " (mirhit index of u.fa v.fa.gz: 2 records, 5 nt)");
}

TEST(utr_index, truncated_corrupt_and_foreign_files_are_refused_naming_the_file) {
    const auto dir = temp_dir();
    const auto path = write_small_index(dir);
    const std::string bytes = read_file(path);
    const auto size = std::to_string(bytes.size());

    write_file(dir / "cut.mhx", bytes.substr(0, bytes.size() - 100));
    EXPECT_EQ(error_of(dir / "cut.mhx"), (dir / "cut.mhx").string() + ": truncated mirhit index (" +
                                              std::to_string(bytes.size() - 100) + " bytes of " + size + ")");
    write_file(dir / "stub.mhx", bytes.substr(0, 12));
    EXPECT_EQ(error_of(dir / "stub.mhx"), (dir / "stub.mhx").string() + ": truncated mirhit index (12 bytes of 256)");

    std::string longer = bytes + "x";
    write_file(dir / "long.mhx", longer);
    EXPECT_EQ(error_of(dir / "long.mhx"), (dir / "long.mhx").string() + ": corrupt mirhit index (1 bytes after its end)");

    std::string head = bytes;
    head[20] ^= 1;  // the span
    write_file(dir / "header.mhx", head);
    EXPECT_EQ(error_of(dir / "header.mhx"), (dir / "header.mhx").string() + ": corrupt mirhit index (header checksum mismatch)");

    std::string strings = bytes;
    strings[bytes.size() - 8 * (2 * scoring::seed_code_count + 2) - 4096 + 1] ^= 1;  // in the strings (page before the counts)
    write_file(dir / "strings.mhx", strings);
    EXPECT_EQ(error_of(dir / "strings.mhx"), (dir / "strings.mhx").string() + ": corrupt mirhit index (strings checksum mismatch)");

    std::string version = bytes;
    version[8] = 2;
    write_file(dir / "v2.mhx", version);
    EXPECT_EQ(error_of(dir / "v2.mhx"), (dir / "v2.mhx").string() + ": mirhit index format version 2; this mirhit (" +
                                            mirhit::version + ") reads version 1: rebuild it with 'mirhit index'");

    write_file(dir / "u.fa", ">r1\nACGU\n");
    EXPECT_EQ(error_of(dir / "u.fa"), (dir / "u.fa").string() +
                                          ": a FASTA file, not a mirhit index: give UTR FASTA files without --index, or build an "
                                          "index with 'mirhit index'");
    write_file(dir / "other.bin", std::string("PK\x03\x04 whatever", 13));
    EXPECT_EQ(error_of(dir / "other.bin"), (dir / "other.bin").string() + ": not a mirhit index (no 'MIRHITIX' magic number at its start)");
    write_file(dir / "empty.mhx", "");
    EXPECT_EQ(error_of(dir / "empty.mhx"), (dir / "empty.mhx").string() + ": not a mirhit index (no 'MIRHITIX' magic number at its start)");
    EXPECT_EQ(error_of(dir / "missing.mhx"), (dir / "missing.mhx").string() + ": cannot open index: No such file or directory");
}

TEST(utr_index, a_run_with_another_model_is_refused_naming_both_values) {
    const auto path = write_small_index(temp_dir());
    const io::utr_index index(path.string());
    index.require(test_model());
    auto refusal = [&](io::utr_index_model run) {
        try {
            index.require(run);
        } catch (const io::index_mismatch& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    const std::string tail = ": rebuild the index with the run's options or give the UTR FASTA files";
    auto run = test_model();
    run.window = 100;
    EXPECT_EQ(refusal(run), "index " + path.string() + " was built with --access-window 80, this run uses 100" + tail);
    run = test_model();
    run.max_unpaired = 14;
    EXPECT_EQ(refusal(run), "index " + path.string() + " was built with --access-unpaired 20, this run uses 14" + tail);
    run = test_model();
    run.energy_hash = 0xabc;
    run.energy_source = "t99.par";
    EXPECT_EQ(refusal(run), "index " + path.string() +
                                " was built with energy parameters built-in Turner 2004 (hash 0000000000001234), this run uses "
                                "t99.par (hash 0000000000000abc)" + tail);
    run = test_model();
    run.version = "10.0.0";
    EXPECT_EQ(refusal(run), "index " + path.string() + " was built with mirhit version 9.9.9, this run uses 10.0.0" + tail);
}

TEST(utr_index, energy_hash_tells_parameter_sets_apart) {
    const auto& t = scoring::turner2004();
    EXPECT_EQ(io::energy_params_hash(t), io::energy_params_hash(scoring::turner2004()));
    auto changed = t;
    changed.int22[1][2][1][1][1][1] += 1;
    EXPECT_NE(io::energy_params_hash(changed), io::energy_params_hash(t));
    changed = t;
    changed.tetraloops[0].second += 1;
    EXPECT_NE(io::energy_params_hash(changed), io::energy_params_hash(t));
}

// The stored values give site_unpaired exactly what the fold around the sites gives, for every
// site type at every position (sequences shorter than a window, and u below 14 included).
TEST(utr_index, stored_values_equal_the_fold_around_sites) {
    std::mt19937 rng(7);
    const auto dir = temp_dir();
    for (const int u : {20, 10}) {
        std::vector<std::string> seqs;
        for (std::size_t n : {9u, 30u, 150u, 400u}) {
            std::string s;
            for (std::size_t i = 0; i < n; ++i) s += "ACGUacgtN"[rng() % 9];  // case, T and N as FASTA has them
            seqs.push_back(s);
        }
        io::utr_index_build build{(dir / ("t" + std::to_string(u) + ".mhx")).string(), {"t.fa"}, {80, 40, u}, ""};
        std::size_t next = 0;
        io::build_utr_index(
            build,
            [&](std::vector<io::sequence_piece>& pieces) {
                if (next == seqs.size()) return false;
                auto rec = std::make_shared<io::record_header>(header("s" + std::to_string(next), "s" + std::to_string(next), "", 1));
                pieces.push_back({rec, 0, 0, true, seqs[next++]});
                return true;
            },
            [](std::uint64_t, std::uint64_t) {});
        const io::utr_index index(build.output);
        ASSERT_EQ(index.size(), seqs.size());
        scoring::plfold fold(scoring::turner2004(), build.access);
        for (std::size_t r = 0; r < seqs.size(); ++r) {
            const auto& seq = seqs[r];
            const scoring::stored_unpaired stored{index.record(r).values};
            std::vector<std::size_t> rows;
            for (std::size_t pos = 1; pos <= seq.size(); ++pos) rows.push_back(pos);
            const auto table = fold.unpaired(seq, rows);
            for (std::size_t t = 0; t < site_type_count; ++t)
                for (std::uint64_t last = 1; last <= seq.size(); ++last)
                    for (int length : scoring::stored_stretches) {
                        const auto type = static_cast<site_type>(t);
                        const auto a = scoring::site_unpaired(table, type, last, length);
                        const auto b = scoring::site_unpaired(stored, type, last, length);
                        ASSERT_EQ(a.has_value(), b.has_value()) << seq.size() << " " << last << " " << length << " u " << u;
                        if (a) {
                            EXPECT_EQ(std::memcmp(&*a, &*b, sizeof(double)), 0);
                        }
                    }
        }
    }
}

}  // namespace
}  // namespace mirhit::test
