// `mirhit scan --sites` with non-canonical classes, run as a subprocess: exact rows with duplex
// and accessibility, context++ NA, the class_detail column, the refused combinations, and canonical
// output unchanged by asking for more classes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/test_support.hpp"

namespace mirhit::test {
namespace {

// hsa-miR-21-5p (seed AGCUUAU) sites planted at UTR nt 22: a 6mer-A1 (AAGCUA), an 8mer-GU (G:U
// at nt 5) and a bulge-7mer with an extra C after nt 6's partner (k = 5).
const std::string utrs =
    ">A gene=GA\nCCCCCCCCCCCCCCCCCCCCCAAGCUACCCCCCCCCC\n"
    ">B gene=GB\nCCCCCCCCCCCCCCCCCCCCCAUAGGCUACCCCCCCCCC\n"
    ">C gene=GC\nCCCCCCCCCCCCCCCCCCCCCAUACAGCUCCCCCCCCCC\n";

TEST(cli_noncanonical, rows_with_duplex_and_access) {
    const auto dir = temp_dir();
    write_file(dir / "u.fa", utrs);
    auto r = run_mirhit({"scan", (dir / "u.fa").string(), "--mirnas", "hsa-miR-21-5p", "--sites", "all", "--score", "duplex,access",
                         "--threads", "2"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("\n## sites: 8mer,7mer-m8,7mer-A1,6mer,offset-6mer,6mer-A1,8mer-GU,7mer-m8-GU,7mer-A1-GU,bulge-7mer,"
                        "3p-compensatory,centered\n"),
              std::string::npos);
    EXPECT_EQ(data_lines(r.out),
              (std::vector<std::string>{
                  "utr_id\tgene\tmirna\tfamily\tsite_type\tstart\tend\tsite_seq\tnear_stop\tclass_detail\tclaim_ids\tclaim_effect\t"
                  "claim_citation\tduplex_dG\tduplex_structure\tdG_open\tddG",
                  "A\tGA\thsa-miR-21-5p\tAGCUUAU\t6mer-A1\t22\t27\tAAGCUA\t0\tNA\tNA\tNA\tNA\t-6.00\t((((((.&.)))))). 1,7:21,28\t0.014\t-5.986",
                  "B\tGB\thsa-miR-21-5p\tAGCUUAU\t8mer-GU\t22\t29\tAUAGGCUA\t0\tNA\tNA\tNA\tNA\t-7.90\t((((((((.&.)))))))). 1,9:21,30\t1.107\t-6.793",
                  "C\tGC\thsa-miR-21-5p\tAGCUUAU\tbulge-7mer\t22\t29\tAUACAGCU\t0\tk=5\tNA\tNA\tNA\t-4.70\t.((.((((((.&.))).))))). "
                  "9,19:20,30\t0.014\t-4.686"}));
    // The default scan finds none of them, and has no class_detail column.
    auto canonical = run_mirhit({"scan", (dir / "u.fa").string(), "--mirnas", "hsa-miR-21-5p"});
    ASSERT_EQ(canonical.exit_code, 0) << canonical.err;
    EXPECT_EQ(data_lines(canonical.out),
              std::vector<std::string>{"utr_id\tgene\tmirna\tfamily\tsite_type\tstart\tend\tsite_seq\tnear_stop\tclaim_ids\t"
                                       "claim_effect\tclaim_citation"});
    // One class by name; jsonl has class_detail too.
    auto bulge = run_mirhit({"scan", (dir / "u.fa").string(), "--mirnas", "hsa-miR-21-5p", "--sites", "bulge-7mer", "--format", "jsonl"});
    ASSERT_EQ(bulge.exit_code, 0) << bulge.err;
    EXPECT_NE(bulge.out.find("{\"utr_id\":\"C\",\"gene\":\"GC\",\"mirna\":\"hsa-miR-21-5p\",\"family\":\"AGCUUAU\",\"site_type\":"
                             "\"bulge-7mer\",\"start\":22,\"end\":29,\"site_seq\":\"AUACAGCU\",\"near_stop\":false,\"class_detail\":\"k=5\","),
              std::string::npos)
        << bulge.out;
    EXPECT_EQ(bulge.out.find("6mer-A1\""), std::string::npos);
}

// miR-21 sites that pair beyond the seed, planted at UTR nt 22: nt 16-9's partners then the seed
// match with a mismatch at nt 5 (3p-compensatory, offset 0, seed match at 32-38), and nt 14-4's
// partners between non-pairing G's (centered, 25-35). A second member of the seed family pairs
// neither, so has no row.
TEST(cli_noncanonical, three_prime_classes_per_member) {
    const auto dir = temp_dir();
    write_file(dir / "u.fa", ">D gene=GD\nCCCCCCCCCCCCCCCCCCCCCGGUCAGUCUGAUACGCUCCCCCCCCCC\n"
                             ">E gene=GE\nCCCCCCCCCCCCCCCCCCCCCGGGAGUCUGAUAAGGGGCCCCCCCCCC\n");
    write_file(dir / "m.fa", ">hsa-miR-21-5p\nUAGCUUAUCAGACUGAUGUUGA\n>other\nUAGCUUAUCCCCUUUUCCCCCC\n");
    auto r = run_mirhit({"scan", (dir / "u.fa").string(), "--mirna-file", (dir / "m.fa").string(), "--sites",
                         "3p-compensatory,centered", "--score", "duplex,access"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(data_lines(r.out),
              (std::vector<std::string>{
                  "utr_id\tgene\tmirna\tfamily\tsite_type\tstart\tend\tsite_seq\tnear_stop\tclass_detail\tclaim_ids\tclaim_effect\t"
                  "claim_citation\tduplex_dG\tduplex_structure\tdG_open\tddG",
                  "D\tGD\thsa-miR-21-5p\tAGCUUAU\t3p-compensatory\t32\t38\tAUACGCU\t0\toffset=0\tNA\tNA\tNA\t-22.10\t"
                  ".(((.((((((((((((.&.)))))))))))).))). 1,18:22,39\t0.820\t-21.280",
                  "E\tGE\thsa-miR-21-5p\tAGCUUAU\tcentered\t25\t35\tAGUCUGAUAAG\t0\tpairs=4-14\tNA\tNA\tNA\t-16.70\t"
                  ".(((((((((((.&.))))))))))). 3,15:24,36\t6.777\t-9.923"}));
    auto jsonl = run_mirhit({"scan", (dir / "u.fa").string(), "--mirna-file", (dir / "m.fa").string(), "--sites", "centered",
                             "--format", "jsonl"});
    ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
    EXPECT_NE(jsonl.out.find("\"site_type\":\"centered\",\"start\":25,\"end\":35,\"site_seq\":\"AGUCUGAUAAG\","
                             "\"near_stop\":false,\"class_detail\":\"pairs=4-14\","),
              std::string::npos)
        << jsonl.out;
    // Counted for the member that pairs only, in one pass with the seed classes.
    auto counts = run_mirhit({"scan", (dir / "u.fa").string(), "--mirna-file", (dir / "m.fa").string(), "--sites", "all",
                              "--format", "counts", "--chunk-size", "20"});
    ASSERT_EQ(counts.exit_code, 0) << counts.err;
    EXPECT_EQ(data_lines(counts.out),
              (std::vector<std::string>{
                  "utr_id\tgene\tmirna\tfamily\t8mer\t7mer-m8\t7mer-A1\t6mer\toffset-6mer\t6mer-A1\t8mer-GU\t7mer-m8-GU\t"
                  "7mer-A1-GU\tbulge-7mer\t3p-compensatory\tcentered\tsites\tclaim_ids\tclaim_effect\tclaim_citation",
                  "D\tGD\thsa-miR-21-5p\tAGCUUAU\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t1\t0\t1\tNA\tNA\tNA",
                  "E\tGE\thsa-miR-21-5p\tAGCUUAU\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t1\t1\tNA\tNA\tNA"}));
}

TEST(cli_noncanonical, context_plus_plus_is_na) {
    const auto dir = temp_dir();
    write_file(dir / "u.fa", utrs + ">D gene=GD\nCCCCCCCCCCCCCCCCCCCCCAUAAGCUACCCCCCCCCC\n");
    auto r = run_mirhit({"scan", (dir / "u.fa").string(), "--mirnas", "hsa-miR-21-5p", "--sites", "canonical,6mer-A1", "--score", "context++"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("; non-canonical sites: context++ NA (the model is fitted on canonical sites only)\n"), std::string::npos);
    const auto rows = data_lines(r.out);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_TRUE(rows[1].starts_with("A\tGA\thsa-miR-21-5p\tAGCUUAU\t6mer-A1\t22\t27\tAAGCUA\t0\tNA\tNA\tNA\tNA\tNA\t")) << rows[1];
    EXPECT_EQ(rows[1].find_first_not_of("\tNA", rows[1].find("AAGCUA\t0\t") + 9), std::string::npos) << rows[1];
    EXPECT_TRUE(rows[2].starts_with("D\tGD\thsa-miR-21-5p\tAGCUUAU\t8mer\t22\t29\tAUAAGCUA\t0\tNA\tNA\tNA\t-0.")) << rows[2];
    // Canonical only: no note on the score line.
    auto plain = run_mirhit({"scan", (dir / "u.fa").string(), "--mirnas", "hsa-miR-21-5p", "--score", "context++"});
    EXPECT_EQ(plain.out.find("non-canonical"), std::string::npos);
}

TEST(cli_noncanonical, refused_combinations) {
    const auto dir = temp_dir();
    write_file(dir / "u.fa", utrs);
    auto genes = run_mirhit({"scan", (dir / "u.fa").string(), "--sites", "all", "--gene-summary", (dir / "g.tsv").string()});
    EXPECT_EQ(genes.exit_code, 2);
    EXPECT_EQ(genes.err, "mirhit: error: --sites: non-canonical classes do not apply to --gene-summary, which counts the canonical "
                         "types\nRun 'mirhit scan --help' for usage.\n");
    auto unknown = run_mirhit({"scan", (dir / "u.fa").string(), "--sites", "9mer"});
    EXPECT_EQ(unknown.exit_code, 2);
    // Counts take every class: a column per class asked for.
    auto counts = run_mirhit({"scan", (dir / "u.fa").string(), "--sites", "6mer-A1,8mer", "--format", "counts", "--mirnas", "hsa-miR-21-5p"});
    ASSERT_EQ(counts.exit_code, 0) << counts.err;
    EXPECT_EQ(data_lines(counts.out),
              (std::vector<std::string>{"utr_id\tgene\tmirna\tfamily\t8mer\t6mer-A1\tsites\tclaim_ids\tclaim_effect\tclaim_citation",
                                        "A\tGA\thsa-miR-21-5p\tAGCUUAU\t0\t1\t1\tNA\tNA\tNA"}));
}

TEST(cli_noncanonical, more_classes_only_add_rows) {
    // On the example UTRs with all built-in miRNAs: the canonical rows of --sites all are the
    // default scan's rows, in the same order.
    auto all = run_mirhit({"scan", "examples/utrs.fa", "--sites", "all", "--threads", "2"});
    auto canonical = run_mirhit({"scan", "examples/utrs.fa", "--threads", "1"});
    ASSERT_EQ(all.exit_code, 0) << all.err;
    ASSERT_EQ(canonical.exit_code, 0) << canonical.err;
    std::vector<std::string> kept;
    std::size_t noncanonical = 0;
    for (const auto& row : data_lines(all.out)) {
        if (row.starts_with("utr_id")) continue;
        std::size_t type_at = 0;
        for (int tab = 0; tab < 4; ++tab) type_at = row.find('\t', type_at) + 1;
        const std::string type = row.substr(type_at, row.find('\t', type_at) - type_at);
        const bool is_canonical = type == "8mer" || type == "7mer-m8" || type == "7mer-A1" || type == "6mer" || type == "offset-6mer";
        if (!is_canonical) {
            ++noncanonical;
            continue;
        }
        // Drop the class_detail column (NA for canonical rows), the 10th.
        std::size_t at = 0;
        for (int tab = 0; tab < 9; ++tab) at = row.find('\t', at) + 1;
        kept.push_back(row.substr(0, at) + row.substr(row.find('\t', at) + 1));
    }
    auto expected = data_lines(canonical.out);
    expected.erase(expected.begin());
    EXPECT_EQ(kept, expected);
    EXPECT_GT(noncanonical, 100u);
}

}  // namespace
}  // namespace mirhit::test
