// scan --format counts: a hand-worked row with its claim, and counts equal to a tally of the site
// rows of the same scan whatever the piece size, thread count, strands and site types.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "io/line_reader.hpp"
#include "tests/test_support.hpp"

namespace mirhit::test {
namespace {

TEST(counts, hand_worked_row_with_its_claim) {
    auto dir = temp_dir();
    // miR-9-5p (seed CUUUGGU): an 8mer ACCAAAGA and a 7mer-m8 ACCAAAG; PTEN is its claimed target (C016).
    write_file(dir / "u.fa", ">U1 gene=PTEN\nCCACCAAAGACCCCACCAAAGCC\n>U2 gene=X\nGGGG\n");
    auto r = run_mirhit({"scan", (dir / "u.fa").string(), "--mirnas", "hsa-miR-9-5p,hsa-miR-21-5p", "--format", "counts"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(data_lines(r.out),
              (std::vector<std::string>{"utr_id\tgene\tmirna\tfamily\t8mer\t7mer-m8\t7mer-A1\t6mer\toffset-6mer\tsites\tclaim_ids\t"
                                        "claim_effect\tclaim_citation",
                                        "U1\tPTEN\thsa-miR-9-5p\tCUUUGGU\t1\t1\t0\t0\t0\t2\tC016\tpro-metastatic\tKia V, J Cell "
                                        "Biochem, 2019"}));
    EXPECT_NE(r.out.find("\n## format: counts\n"), std::string::npos);
    EXPECT_NE(r.out.find("\n## counts: sites per UTR, miRNA and strand, by type; rows with sites only\n"), std::string::npos);
    EXPECT_NE(r.out.find("\n## claim C016 hsa-miR-9-5p -> PTEN (pro-metastatic; Kia V, J Cell Biochem, 2019): 1 8mer, 1 7mer-m8 in U1\n"),
              std::string::npos);
}

TEST(counts, score_is_refused_with_exit_2) {
    auto r = run_mirhit({"scan", "examples/utrs.fa", "--format", "counts", "--score", "context++"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "mirhit: error: --score: does not apply to --format counts, which counts sites without rows\n"
                     "Run 'mirhit scan --help' for usage.\n");
}

// Long records (counted off 8-mer tallies, in pieces), N runs, and short UTRs.
std::string mixed_input() {
    std::mt19937 random(11);
    std::string text;
    auto record = [&](const std::string& name, std::size_t length) {
        text += ">" + name + "\n";
        for (std::size_t j = 0; j < length; ++j) {
            text += j % 9000 < 30 && j > 100 ? 'N' : "ACGT"[random() % 4];
            if (j % 70 == 69) text += '\n';
        }
        text += '\n';
    };
    record("chrA", 150000);
    for (int i = 0; i < 30; ++i) record("utr" + std::to_string(i), 20 + random() % 3000);
    record("chrB", 90000);
    record("tiny", 5);
    return text;
}

// A row's tab-separated fields, with the project's splitter.
std::vector<std::string> fields_of(std::string_view line) {
    std::vector<std::string_view> views;
    io::split_fields(line, views);
    return {views.begin(), views.end()};
}

using tally = std::map<std::tuple<std::string, std::string, std::string, std::string>, std::uint64_t>;

// (utr, miRNA, strand, type) -> sites, from site rows.
tally tally_rows(const std::string& out, bool stranded) {
    tally t;
    for (const auto& line : data_lines(out)) {
        if (line.starts_with("utr_id\t")) continue;
        const auto f = fields_of(line);
        ++t[{f[0], f[2], stranded ? f[7] : "+", f[4]}];
    }
    return t;
}

// The same from count rows, checking each row's sum.
tally tally_counts(const std::string& out, bool stranded) {
    tally t;
    std::vector<std::string> header;
    for (const auto& line : data_lines(out)) {
        const auto f = fields_of(line);
        if (f[0] == "utr_id") {
            header = f;
            continue;
        }
        const std::size_t first = stranded ? 5 : 4, sum = header.size() - 4;
        std::uint64_t total = 0;
        for (std::size_t c = first; c < sum; ++c) {
            const auto n = std::stoull(f[c]);
            if (n) t[{f[0], f[2], stranded ? f[4] : "+", header[c]}] += n;
            total += n;
        }
        EXPECT_EQ(std::to_string(total), f[sum]) << line;
        EXPECT_GT(total, 0u) << line;
    }
    return t;
}

TEST(counts, equal_the_tally_of_the_site_rows) {
    auto dir = temp_dir();
    write_file(dir / "in.fa", mixed_input());
    const std::string input = (dir / "in.fa").string();
    // Every class: a few families, some of several members (the 3'-pairing classes hold for one).
    const std::string few = "hsa-miR-21-5p,hsa-let-7a-5p,hsa-let-7b-5p,hsa-miR-200b-3p,hsa-miR-200c-3p,hsa-miR-429,hsa-miR-17-5p,"
                            "hsa-miR-20a-5p,hsa-miR-106b-5p,hsa-miR-93-5p";
    const std::vector<std::tuple<std::string, bool, std::string>> cases = {
        {"8mer,7mer-m8,7mer-A1", false, ""}, {"8mer,7mer-m8,7mer-A1", true, ""}, {"7mer-A1", true, ""}, {"8mer,6mer", false, ""},
        {"all", false, few}, {"all", true, few}};
    for (const auto& [sites, both, mirnas] : cases) {
        std::vector<std::string> scan = {"scan", input, "--sites", sites, "--no-builtin-claims"};
        if (both) scan.push_back("--both-strands");
        if (!mirnas.empty()) scan.insert(scan.end(), {"--mirnas", mirnas});
        auto rows = scan;
        rows.insert(rows.end(), {"--threads", "1"});
        const auto r = run_mirhit(rows);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const auto expected = tally_rows(r.out, both);
        ASSERT_GT(expected.size(), mirnas.empty() ? 1000u : 200u);
        std::string first_counts;
        for (const auto& [chunk, threads] : {std::pair{"40000", "1"}, {"40000", "3"}, {"1000000", "3"}}) {
            auto counts = scan;
            counts.insert(counts.end(), {"--format", "counts", "--chunk-size", chunk, "--threads", threads});
            const auto c = run_mirhit(counts);
            ASSERT_EQ(c.exit_code, 0) << c.err;
            EXPECT_TRUE(tally_counts(c.out, both) == expected)
                << sites << (both ? " both strands" : "") << ", chunk " << chunk << ", threads " << threads;
            const auto body = c.out.substr(c.out.find("\nutr_id"));
            if (first_counts.empty()) first_counts = body;
            EXPECT_TRUE(body == first_counts) << "chunk " << chunk << ", threads " << threads;
        }
    }
}

// A gene summary and the claims footer do not depend on the format.
TEST(counts, gene_summary_and_claims_as_with_site_rows) {
    auto dir = temp_dir();
    for (const char* format : {"tsv", "counts"}) {
        auto r = run_mirhit({"scan", "examples/utrs.fa", "--both-strands", "--format", format, "--gene-summary",
                             (dir / (std::string(format) + ".genes")).string(), "-o", (dir / format).string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    auto rows = [&](const std::string& name) { return data_lines(read_file(dir / name)); };
    auto footer = [&](const std::string& name) {
        const auto text = read_file(dir / name);
        return text.substr(text.find("\n## claim "));
    };
    const auto genes = rows("tsv.genes");
    EXPECT_GT(genes.size(), 100u);
    EXPECT_TRUE(rows("counts.genes") == genes);
    EXPECT_EQ(footer("counts"), footer("tsv"));
    EXPECT_NE(footer("tsv").find(": 1 "), std::string::npos) << footer("tsv");
}

}  // namespace
}  // namespace mirhit::test
