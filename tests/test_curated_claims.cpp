// The curated claims table: parsing, its messages, integrity of the built-in table, and
// `mirhit curated` run as a user would.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/error.hpp"
#include "reference/builtin_mirnas.hpp"
#include "reference/curated_claims.hpp"
#include "reference/gene_aliases.hpp"
#include "tests/test_support.hpp"

namespace mirhit::reference {
namespace {

std::string header() {
    std::string h;
    for (std::size_t i = 0; i < claim_columns.size(); ++i) (h += i ? "\t" : "") += claim_columns[i];
    return h + "\n";
}

std::string row(const std::string& id, const std::string& mirna, const std::string& gene, const std::string& effect = "pro-metastatic",
                const std::string& reference = "[1]") {
    return id + "\tmiR-x\t" + mirna + "\tX\t" + gene + "\t" + effect + "\tbreast\texosomes\tbrain\tdoc.txt\t" + reference +
           "\tZhou W, Cancer Cell, 2014\t\"a quote\"\t\n";
}

std::string parse_error(const std::string& text) {
    try {
        parse_claims(text, "claims.tsv");
    } catch (const input_error& e) {
        return e.what();
    }
    return "no error";
}

TEST(curated_claims, parses_rows_and_rejects_bad_ones) {
    const auto claims = parse_claims("# comment\n" + header() + row("C1", "hsa-miR-105-5p", "TJP1") +
                                         row("C2", "hsa-miR-21-5p", "PTEN", "anti-metastatic", "[2]"),
                                     "claims.tsv");
    ASSERT_EQ(claims.size(), 2u);
    EXPECT_EQ(claims[0].gene, "TJP1");
    EXPECT_EQ(claims[1].effect, "anti-metastatic");
    EXPECT_EQ(claims[1].citation, "Zhou W, Cancer Cell, 2014");
    EXPECT_EQ(format_claims({&claims[1]}), header() + row("C2", "hsa-miR-21-5p", "PTEN", "anti-metastatic", "[2]"));

    EXPECT_EQ(parse_error("id\tmirna\n"), "claims.tsv:1: expected the header row of a claims table: id, mirna_as_written, mirna, ... note (14 columns)");
    EXPECT_EQ(parse_error(header() + "C1\tmiR-1\n"), "claims.tsv:2: expected 14 tab-separated fields, found 2");
    EXPECT_EQ(parse_error(header() + row("C1", "", "PTEN")), "claims.tsv:2: empty mirna");
    EXPECT_EQ(parse_error(header() + row("C1", "hsa-miR-1-3p", "PTEN", "maybe")),
              "claims.tsv:2: effect 'maybe' is not pro-metastatic, anti-metastatic or unclear");
    EXPECT_EQ(parse_error(header() + row("C1", "hsa-miR-1-3p", "PTEN") + row("C1", "hsa-miR-1-3p", "CDH5")),
              "claims.tsv:3: claim id 'C1' appears twice");
    EXPECT_EQ(parse_error(header() + row("C1", "hsa-miR-1-3p", "PTEN") + row("C2", "hsa-miR-1-3p", "PTEN")),
              "claims.tsv:3: duplicate claim hsa-miR-1-3p -> PTEN from doc.txt [1]");
    EXPECT_EQ(parse_error(""), "claims.tsv: empty claims table");
}

TEST(curated_claims, builtin_table_is_complete_and_resolvable) {
    const auto& claims = builtin_claims();
    ASSERT_GE(claims.size(), 50u);
    const auto& names = builtin_mirna_names();
    const std::set<std::string> mirnas(names.begin(), names.end());
    for (const auto& c : claims) {
        EXPECT_TRUE(mirnas.contains(c.mirna)) << c.id << " " << c.mirna;
        EXPECT_EQ(resolve_gene(c.gene).how.rfind("symbol", 0), 0u) << c.id << " " << c.gene << ": not an official symbol";
        EXPECT_FALSE(c.citation.empty()) << c.id;
        EXPECT_FALSE(c.quote.empty()) << c.id;
    }
    // Claims the seed documents are known for.
    auto has = [&](const std::string& mirna, const std::string& gene) {
        return std::any_of(claims.begin(), claims.end(), [&](const claim& c) { return c.mirna == mirna && c.gene == gene; });
    };
    EXPECT_TRUE(has("hsa-miR-105-5p", "TJP1"));
    EXPECT_TRUE(has("hsa-miR-103a-3p", "CDH5"));
}

TEST(curated_claims, curated_command_filters_by_resolved_names) {
    const auto dir = test::temp_dir();
    test::write_file(dir / "claims.tsv", header() + row("C1", "hsa-miR-105-5p", "TJP1") +
                                             row("C2", "hsa-miR-21-5p", "PTEN", "anti-metastatic", "[2]") +
                                             row("C3", "hsa-miR-21-5p", "PDCD4", "pro-metastatic", "[3]"));
    const std::string file = (dir / "claims.tsv").string();
    auto by_gene = test::run_mirhit({"curated", "--no-builtin", "--curated", file, "--gene", "ZO-1"});
    ASSERT_EQ(by_gene.exit_code, 0) << by_gene.err;
    EXPECT_EQ(test::data_lines(by_gene.out), (std::vector<std::string>{header().substr(0, header().size() - 1),
                                                                        row("C1", "hsa-miR-105-5p", "TJP1").substr(0, row("C1", "hsa-miR-105-5p", "TJP1").size() - 1)}));
    EXPECT_NE(by_gene.out.find("## gene: ZO-1 (alias of TJP1)\n"), std::string::npos) << by_gene.out;
    auto by_mirna = test::run_mirhit({"curated", "--no-builtin", "--curated", file, "--mirna", "miR-21"});
    ASSERT_EQ(by_mirna.exit_code, 0) << by_mirna.err;
    EXPECT_EQ(test::data_lines(by_mirna.out).size(), 3u);
    EXPECT_NE(by_mirna.out.find("## rows: 2 of 3\n"), std::string::npos);

    auto bad = test::run_mirhit({"curated", "--no-builtin", "--curated", (dir / "none.tsv").string()});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_EQ(bad.err, "mirhit: error: " + (dir / "none.tsv").string() + ": cannot open: No such file or directory\n");
    auto empty = test::run_mirhit({"curated", "--no-builtin"});
    EXPECT_EQ(empty.exit_code, 1);
    EXPECT_EQ(empty.err, "mirhit: error: no claims: --no-builtin needs at least one --curated table with rows\n");
}

}  // namespace
}  // namespace mirhit::reference
