// `mirhit validate` run as a user would: the report of one miRNA and gene, --curated-all, the
// HTML report and its rendering in headless Chromium.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <sstream>

#include "tests/test_support.hpp"

namespace mirhit::test {
namespace {

// hsa-miR-21-5p (UAGCUUAUCAGACUGAUGUUGA) has the 8mer AUAAGCUA, the 7mer-m8 AUAAGCU and the
// 7mer-A1 UAAGCUA. PTEN has two UTRs here, the second under its alias MMAC1.
const std::string constructed_utrs =
    ">NM_TEST1 gene=PTEN\n"
    "ACGTCAGGCATCCGATTGCAGTCCATGCAAATAAGCTACCGTAGCATGCAAGTCCGATGCATTGCCAGATAAGCTGTCCAGGTACCTTGCAAGTCGATCGGATCCA\n"
    ">NM_TEST2 gene=MMAC1\n"
    "CCGTAGCATGCAAGTCCGATGCATTGCCAGCTAAGCTACCGTAGCATGCAAGTCCGATGCATTGCC\n"
    ">NM_OTHER gene=CDH1\n"
    "CCGTAGCATGCAAGTCCGATGCATTGCCAGCTAAGCTACCGTAGCATGCAAGTCCGATGCATTGCCCGGTCAAGCTGCATGCA\n"
    ">NM_NONE gene=TP53\n"
    "CCGTAGCATGCAAGTCCGATGCATTGCCAGCCGTAGCATGCAAGTCCGATGCATTGCC\n";

std::vector<std::string> lines_starting(const std::string& text, const std::string& prefix) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (line.starts_with(prefix)) out.push_back(line);
    return out;
}

TEST(validate, sites_diagrams_rank_claims_and_verdict_of_a_constructed_utr) {
    const auto dir = temp_dir();
    write_file(dir / "utrs.fa", constructed_utrs);
    const auto r = run_mirhit({"validate", "miR-21-5p", "PTEN", "--utr", (dir / "utrs.fa").string(), "--sites", "canonical"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_NE(r.out.find("\n## mirna: miR-21-5p (exact)\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\n## sites: 8mer,7mer-m8,7mer-A1,6mer,offset-6mer\n"), std::string::npos);
    EXPECT_NE(r.out.find("\n## gene: PTEN (symbol); UTRs in the input: NM_TEST1 (PTEN), NM_TEST2 (MMAC1)\n"), std::string::npos);
    EXPECT_NE(r.out.find("\n## input: 4 UTRs of 4 genes\n"), std::string::npos);
    const std::string expected =
        "mirna\thsa-miR-21-5p\tMIMAT0000076\tUAGCUUAUCAGACUGAUGUUGA\tseed AGCUUAU\n"
        "claim\tC051\tpro-metastatic\tZhang Z, Int J Mol Sci, 2022\t\"The miRNA-21-5p Payload in Exosomes from M2 Macrophages "
        "Drives Tumor Cell Aggression via PTEN/Akt Signaling in Renal Cell Carcinoma\"\n"
        "utr\tNM_TEST1\tPTEN\t106 nt\n"
        "site\t8mer\t31-38\tAUAAGCUA\tcontext++ -0.586\n"
        "\tUTR    5'     UUGCAGUCCAUGCAAAUAAGCUA 3'\n"
        "\t                             |||||||\n"
        "\tmiRNA  3'      AGUUGUAGUCAGACUAUUCGAU 5'\n"
        "\tduplex -16.90 kcal/mol, (((((((((((((((..((((.&.))))..)))))..))...)))))))). 1,22:12,39\n"
        "\t       target 5' C    UG     CA  CAA        C 3'\n"
        "\t                  CGAU  CAGUC  UG   AUAAGCUA \n"
        "\t                  GUUG  GUCAG  AC   UAUUCGAU \n"
        "\t       miRNA  3' A    UA                      5'\n"
        "site\t7mer-m8\t69-75\tAUAAGCU\tcontext++ -0.212\n"
        "\tUTR    5'  CCGAUGCAUUGCCAGAUAAGCUG 3'\n"
        "\t                          |||||||\n"
        "\tmiRNA  3'   AGUUGUAGUCAGACUAUUCGAU 5'\n"
        "\tduplex -13.60 kcal/mol, (((((((((....((((((.&.))))))...))))))))). 1,20:58,77\n"
        "\t       target 5' U        CCA          U 3'\n"
        "\t                    GCAUUG    GAUAAGCUG \n"
        "\t                    UGUAGU    CUAUUCGAU \n"
        "\t       miRNA  3' AGU      CAGA           5'\n"
        "verdict\tNM_TEST1\tstrong: 1 8mer and 1 7mer-m8 sites, context++ -0.798, not ranked (4 genes in the input)\n"
        "utr\tNM_TEST2\tMMAC1\t66 nt\n"
        "site\t7mer-A1\t32-38\tUAAGCUA\tcontext++ -0.132\n"
        "\tUTR    5'  CGAUGCAUUGCCAGCUAAGCUAC 3'\n"
        "\t                          ||||||\n"
        "\tmiRNA  3'  AGUUGUAGUCAGACUAUUCGAU  5'\n"
        "\tduplex -12.40 kcal/mol, (((((((((.(((((((((.&)))).).)))).)))).......))))). 1,20:6,34\n"
        "\t       target 5'        G A    C    CAUUGCC     A 3'\n"
        "\t                    GCAU C AGUC GAUG       AGCUA \n"
        "\t                    UGUA G UCAG CUAU       UCGAU \n"
        "\t       miRNA  3' AGU           A                  5'\n"
        "verdict\tNM_TEST2\tstrong: 1 7mer-A1 site, context++ -0.132, not ranked (4 genes in the input)\n"
        "gene\tPTEN\tbest UTR NM_TEST1\tcontext++ -0.798\tnot ranked (4 genes in the input)\n";
    EXPECT_EQ(r.out.substr(r.out.find("\nmirna\t") + 1), expected);

    // By default the non-canonical classes too: a bulge-7mer overlaps the 8mer, drawn by its duplex only.
    const auto every = run_mirhit({"validate", "miR-21-5p", "PTEN", "--utr", (dir / "utrs.fa").string()});
    ASSERT_EQ(every.exit_code, 0) << every.err;
    EXPECT_NE(every.out.find("\nsite\tbulge-7mer\t30-37\tAAUAAGCU\tcontext++ NA\n\tduplex -16.90 kcal/mol, "), std::string::npos) << every.out;
    EXPECT_EQ(lines_starting(every.out, "verdict\tNM_TEST1\t"),
              std::vector<std::string>{"verdict\tNM_TEST1\tstrong: 1 8mer, 1 7mer-m8 and 1 bulge-7mer sites, context++ -0.798, not "
                                       "ranked (4 genes in the input)"});

    // Totals and ranks are those of scan's gene summary.
    const auto scan = run_mirhit({"scan", (dir / "utrs.fa").string(), "--mirnas", "hsa-miR-21-5p", "--score", "context++", "-o",
                                  "/dev/null", "--gene-summary", "-"});
    ASSERT_EQ(scan.exit_code, 0) << scan.err;
    EXPECT_NE(scan.out.find("\nPTEN\thsa-miR-21-5p\tAGCUUAU\t1\t1\t0\t0\t0\t2\t0\t-0.798\tNA\tNM_TEST1\t8mer:31:-0.586\t1\t25.000\n"),
              std::string::npos)
        << scan.out;
}

TEST(validate, genes_are_ranked_and_graded_by_rank_only_among_100_or_more) {
    // The constructed UTRs and 96 more genes without a site: 100 genes, PTEN first of them.
    std::string utrs = constructed_utrs;
    for (int i = 0; i < 96; ++i) utrs += ">NM_FILL" + std::to_string(i) + " gene=FILL" + std::to_string(i) + "\nCCGTAGCATGCAAGTCCGATGCATTGCC\n";
    const auto dir = temp_dir();
    write_file(dir / "utrs.fa", utrs);
    const auto r = run_mirhit({"validate", "miR-21-5p", "PTEN", "--utr", (dir / "utrs.fa").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto verdicts = lines_starting(r.out, "verdict\t");
    ASSERT_EQ(verdicts.size(), 2u);
    EXPECT_EQ(verdicts[0], "verdict\tNM_TEST1\tstrong: 1 8mer, 1 7mer-m8 and 1 bulge-7mer sites, context++ -0.798, rank 1 of 100 genes (top 1%)");
    EXPECT_EQ(lines_starting(r.out, "gene\t"),
              std::vector<std::string>{"gene\tPTEN\tbest UTR NM_TEST1\tcontext++ -0.798\trank 1 of 100 genes (top 1%)"});
    // One gene fewer: not ranked, so the site types alone decide.
    const auto last = utrs.rfind(">NM_FILL");
    write_file(dir / "utrs.fa", utrs.substr(0, last));
    const auto fewer = run_mirhit({"validate", "miR-21-5p", "PTEN", "--utr", (dir / "utrs.fa").string()});
    ASSERT_EQ(fewer.exit_code, 0) << fewer.err;
    EXPECT_EQ(lines_starting(fewer.out, "verdict\t")[0],
              "verdict\tNM_TEST1\tstrong: 1 8mer, 1 7mer-m8 and 1 bulge-7mer sites, context++ -0.798, not ranked (99 genes in the input)");
}

TEST(validate, a_utr_without_sites_gets_the_no_site_verdict) {
    const auto dir = temp_dir();
    write_file(dir / "utrs.fa", ">NM_1 gene=PTEN\nCCGTAGCATGCAAGTCCGATGCATTGCCAGCCGTAGCATGCAAGTCCG\n>NM_2 gene=CDH1\nGGCTAAGCTACC\n"
                                ">NM_3 gene=PTEN\nCCGTAGCATGCAAGTCCGATGCATTGCCAG\n");
    const auto r = run_mirhit({"validate", "hsa-miR-21-5p", "PTEN", "--utr", (dir / "utrs.fa").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(lines_starting(r.out, "site\t").size(), 0u);
    const std::string no_site = "none: no site in this UTR isoform; the claim rests on pairing outside the site classes looked for, or another isoform";
    EXPECT_EQ(lines_starting(r.out, "verdict\t"), (std::vector<std::string>{"verdict\tNM_1\t" + no_site, "verdict\tNM_3\t" + no_site}));
    EXPECT_EQ(lines_starting(r.out, "gene\t"),
              std::vector<std::string>{"gene\tPTEN\tbest UTR NM_1\tcontext++ NA\tnot ranked (2 genes in the input)"});
    // Without a claim on the pair the verdict says no more than the sequence does.
    const auto unclaimed = run_mirhit({"validate", "hsa-let-7a-5p", "PTEN", "--utr", (dir / "utrs.fa").string()});
    ASSERT_EQ(unclaimed.exit_code, 0) << unclaimed.err;
    EXPECT_EQ(lines_starting(unclaimed.out, "verdict\t"),
              (std::vector<std::string>{"verdict\tNM_1\tnone: no site in this UTR isoform",
                                        "verdict\tNM_3\tnone: no site in this UTR isoform"}));
    EXPECT_EQ(lines_starting(unclaimed.out, "claim\t"),
              std::vector<std::string>{"claim\tnone in the claims table for hsa-let-7a-5p and PTEN"});
    // In the table a gene's best UTR speaks for all of them.
    const auto all = run_mirhit({"validate", "--curated-all", "--utr", (dir / "utrs.fa").string()});
    ASSERT_EQ(all.exit_code, 0) << all.err;
    const auto c051 = lines_starting(all.out, "C051\t");
    ASSERT_EQ(c051.size(), 1u) << all.out;
    EXPECT_TRUE(c051[0].ends_with("\t2\tNM_1\t0\t0\t0\t0\t0\t0\tNA\tNA\tNA\tNA\tNA\tnone\tnone: no site in any of the gene's 2 UTR isoforms; "
                                  "the claim rests on pairing outside the site classes looked for, or another isoform"))
        << c051[0];
}

TEST(validate, gene_or_mirna_missing_is_an_error) {
    auto r = run_mirhit({"validate", "miR-21", "PTEN", "--utr", "examples/utrs.fa"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: PTEN (resolved to PTEN) has no UTR in examples/utrs.fa\n");
    EXPECT_EQ(r.out, "");
    r = run_mirhit({"validate", "miR-21", "p53", "--utr", "examples/utrs.fa", "--utr", "examples/utrs.fa.gz"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: examples/utrs.fa.gz:1: duplicate record id 'X59796' (first at examples/utrs.fa:1)\n");
    r = run_mirhit({"validate", "miR-21", "p53", "--utr", "examples/utrs.fa"});
    EXPECT_EQ(r.err, "mirhit: error: p53 (resolved to TP53) has no UTR in examples/utrs.fa\n");
    r = run_mirhit({"validate", "miR-21", "NOTAGENE42", "--utr", "examples/utrs.fa"});
    EXPECT_EQ(r.err, "mirhit: error: NOTAGENE42 (not a known gene symbol or alias) has no UTR in examples/utrs.fa\n");
    // An unknown name near a gene of the input: the input's gene is suggested.
    r = run_mirhit({"validate", "miR-21", "SPINTT1", "--utr", "examples/utrs.fa"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: SPINTT1 (not a known gene symbol or alias) has no UTR in examples/utrs.fa; did you mean 'SPINT1'?\n");
    r = run_mirhit({"validate", "miR-99999", "CDH5", "--utr", "examples/utrs.fa"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: miR-99999: not found in the miRNA set (built-in: miRBase 22 human mature miRNAs (2656), from "
                     "Debian optimir 1.2-1)\n");

    struct usage_case {
        std::vector<std::string> args;
        std::string err;
    };
    for (const auto& c : std::vector<usage_case>{
             {{"validate", "miR-21", "--utr", "examples/utrs.fa"}, "validate: needs MIRNA and GENE, or --curated-all"},
             {{"validate", "miR-21", "PTEN", "--curated-all", "--utr", "examples/utrs.fa"}, "--curated-all: takes no MIRNA or GENE"},
             {{"validate", "miR-21", "PTEN"}, "validate: needs --utr files or --index"},
             {{"validate", "--curated-all", "--utr", "examples/utrs.fa", "--html", "-"}, "--html: '-' is also the text output"}}) {
        r = run_mirhit(c.args);
        EXPECT_EQ(r.exit_code, 2) << r.err;
        EXPECT_EQ(r.err, "mirhit: error: " + c.err + "\nRun 'mirhit validate --help' for usage.\n");
        EXPECT_EQ(r.out, "");
    }
}

TEST(validate, ambiguous_and_armless_names_validate_every_candidate) {
    auto r = run_mirhit({"validate", "miR-103", "VE-cadherin", "--utr", "examples/utrs.fa"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("\n## mirna: miR-103 (ambiguous: 4 paralogs, loci or arms (hsa-miR-103a-1-5p, hsa-miR-103a-2-5p, "
                         "hsa-miR-103a-3p, hsa-miR-103b)); each of the 4 is validated\n"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("\n## gene: VE-cadherin (curated spelling of CDH5"), std::string::npos);
    std::vector<std::string> mirnas;
    for (const auto& line : lines_starting(r.out, "mirna\t")) mirnas.push_back(line.substr(6, line.find('\t', 6) - 6));
    EXPECT_EQ(mirnas, (std::vector<std::string>{"hsa-miR-103a-1-5p", "hsa-miR-103a-2-5p", "hsa-miR-103a-3p", "hsa-miR-103b"}));
    // The claim (C031) is on miR-103a-3p only, the one miRNA with sites in CDH5.
    const auto claims = lines_starting(r.out, "claim\t");
    ASSERT_EQ(claims.size(), 4u);
    EXPECT_TRUE(claims[2].starts_with("claim\tC031\tpro-metastatic\tFang JH, Hepatology, 2018\t\"inhibiting")) << claims[2];
    EXPECT_EQ(lines_starting(r.out, "verdict\t"),
              (std::vector<std::string>{"verdict\tX59796\tweak: only 1 6mer-A1 site, context++ NA, not ranked (5 genes in the input)",
                                        "verdict\tX59796\tweak: only 1 6mer-A1 site, context++ NA, not ranked (5 genes in the input)",
                                        "verdict\tX59796\tstrong: 1 7mer-A1, 1 offset-6mer, 1 6mer-A1, 1 7mer-A1-GU and 2 bulge-7mer sites, "
                                        "context++ -0.166, not ranked (5 genes in the input)",
                                        "verdict\tX59796\tnone: no site in this UTR isoform"}));
    // Offset 6mers get a seed diagram: miRNA nt 3-8 paired.
    EXPECT_NE(r.out.find("site\toffset-6mer\t214-219\tAUGCUG\tcontext++ NA\n"
                         "\tUTR    5' GAUGACUAUUCUCAAAUGCUGGC 3'\n"
                         "\t                         ||||||\n"
                         "\tmiRNA  3' AGUAUCGGGACAUGUUACGACGA 5'\n"),
              std::string::npos);

    r = run_mirhit({"validate", "miR-21", "HAI-1", "--utr", "examples/utrs.fa"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("\n## mirna: miR-21 (no arm given: both arms (hsa-miR-21-5p, hsa-miR-21-3p)); each of the 2 is validated\n"),
              std::string::npos);
    EXPECT_EQ(lines_starting(r.out, "verdict\t"),
              (std::vector<std::string>{"verdict\tAB000095\tweak: only 1 6mer site, context++ -0.059, not ranked (5 genes in the input)",
                                        "verdict\tAB000095\tweak: only 1 offset-6mer site, context++ NA, not ranked (5 genes in the input)"}));
}

TEST(validate, curated_all_has_one_row_per_claim_on_a_gene_of_the_input) {
    const auto r = run_mirhit({"validate", "--curated-all", "--utr", "examples/utrs.fa", "--orf", "examples/orfs.fa"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_NE(r.out.find("\n## rows: 5 claims whose gene has a UTR in the input, in table order\n"), std::string::npos);
    EXPECT_NE(r.out.find("\n## not_in_input: 95 claims whose gene has no UTR in the input: C001 RASA1, C002 DLC1, "), std::string::npos);
    const auto rows = data_lines(r.out);
    ASSERT_EQ(rows.size(), 6u) << r.out;
    EXPECT_EQ(rows[0], "claim\tmirna\tgene\teffect\tcitation\tutrs\tbest_utr\t8mer\t7mer-m8\t7mer-A1\t6mer\toffset-6mer\tnoncanonical\tbest_site\t"
                       "context++\tmin_duplex_dG\trank\tpercentile\tgrade\tverdict");
    EXPECT_TRUE(rows[1].starts_with("C004\thsa-miR-27b-3p\tCDH5\t")) << rows[1];
    // No canonical site of miR-221 in SPINT1, but a 7mer-A1-GU: weak.
    EXPECT_EQ(rows[2], "C006\thsa-miR-221-3p\tSPINT1\tpro-metastatic\tTian F, Cancer Sci, 2021\t1\tAB000095\t0\t0\t0\t0\t0\t1\t"
                       "7mer-A1-GU:460:NA\tNA\t-8.50\tNA\tNA\tweak\tweak: only 1 7mer-A1-GU site, context++ NA, not ranked (5 genes in the input)");
    EXPECT_TRUE(rows[3].starts_with("C007\thsa-miR-222-3p\tSPINT1\t")) << rows[3];
    EXPECT_TRUE(rows[4].starts_with("C014\thsa-miR-939-5p\tCDH5\t")) << rows[4];
    // The README's scored 7mer-A1 of miR-103 in CDH5 (with --orf: -0.127).
    EXPECT_EQ(rows[5], "C031\thsa-miR-103a-3p\tCDH5\tpro-metastatic\tFang JH, Hepatology, 2018\t1\tX59796\t0\t0\t1\t0\t1\t4\t"
                       "7mer-A1:348:-0.127\t-0.127\t-19.40\tNA\tNA\tstrong\tstrong: 1 7mer-A1, 1 offset-6mer, 1 6mer-A1, 1 7mer-A1-GU and "
                       "2 bulge-7mer sites, context++ -0.127, not ranked (5 genes in the input)");
}

TEST(validate, energy_parameters_reach_sa_as_in_scan) {
    // Stacks of 0 open every site more easily: SA and so context++ change, the same in both commands.
    auto dir = temp_dir();
    std::string par = "## RNAfold parameter file v2.0\n\n# stack\n";
    for (int row = 0; row < 7; ++row) par += "     0     0     0     0     0     0     0\n";
    write_file(dir / "flat.par", par);
    const std::string site = "site\t8mer\t309-316\tGCUCCCCA\tcontext++ ";
    auto builtin = run_mirhit({"validate", "hsa-miR-939-5p", "CDH5", "--utr", "examples/utrs.fa"});
    auto flat = run_mirhit({"validate", "hsa-miR-939-5p", "CDH5", "--utr", "examples/utrs.fa", "--energy-params",
                            (dir / "flat.par").string()});
    ASSERT_EQ(flat.exit_code, 0) << flat.err;
    EXPECT_NE(builtin.out.find(site + "-0.353\n"), std::string::npos) << builtin.out;
    EXPECT_NE(flat.out.find(site + "-0.402\n"), std::string::npos) << flat.out;
    auto scan = run_mirhit({"scan", "examples/utrs.fa", "--mirnas", "hsa-miR-939-5p", "--score", "context++", "--sites", "8mer",
                            "--energy-params", (dir / "flat.par").string()});
    ASSERT_EQ(scan.exit_code, 0) << scan.err;
    const auto rows = data_lines(scan.out);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_NE(rows[1].find("\t8mer\t309\t316\tGCUCCCCA\t0\tC014\t"), std::string::npos) << rows[1];
    EXPECT_NE(rows[1].find("\t-0.402\t"), std::string::npos) << rows[1];
}

TEST(validate, output_is_identical_for_any_thread_count) {
    // Enough sequence for several parallel batches.
    const auto dir = temp_dir();
    std::mt19937 rng(7);
    std::string utrs;
    for (int i = 0; i < 700; ++i) {
        utrs += ">NM_" + std::to_string(i) + " gene=" + (i == 350 ? std::string("CDH5") : "G" + std::to_string(i % 600)) + "\n";
        for (int j = 0; j < 60; ++j) utrs += "ACGT"[rng() % 4];  // short: scoring folds every UTR
        utrs += "\n";
    }
    write_file(dir / "utrs.fa", utrs);
    const auto one = run_mirhit({"validate", "--curated-all", "--utr", (dir / "utrs.fa").string(), "--threads", "1"});
    ASSERT_EQ(one.exit_code, 0) << one.err;
    EXPECT_NE(one.out.find("\n## input: 700 UTRs of 600 genes\n"), std::string::npos);
    const auto many = run_mirhit({"validate", "--curated-all", "--utr", (dir / "utrs.fa").string(), "--threads", "3"});
    EXPECT_EQ(one.out, many.out);
}

// The chromium binary, or empty when neither usual name is on the PATH.
std::string find_chromium() {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    for (std::string dir; std::getline(dirs, dir, ':');)
        for (const char* name : {"chromium", "chromium-browser"})
            if (std::filesystem::exists(std::filesystem::path(dir) / name)) return (std::filesystem::path(dir) / name).string();
    return {};
}

// Renders a page with headless Chromium; returns the PNG's size (0 when there is none).
std::uintmax_t screenshot(const std::string& chromium, const std::filesystem::path& page, const std::filesystem::path& png) {
    const auto profile = png.parent_path() / ("profile-" + png.stem().string());
    const std::string command = "'" + chromium + "' --headless --no-sandbox --disable-gpu --user-data-dir='" + profile.string() +
                                "' --screenshot='" + png.string() + "' --window-size=1200,1600 '" + page.string() +
                                "' >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0 || !std::filesystem::exists(png)) return 0;
    const auto bytes = read_file(png);
    return bytes.starts_with("\x89PNG\r\n\x1a\n") ? bytes.size() : 0;
}

TEST(validate, html_report_is_self_contained_escaped_and_renders) {
    const auto dir = temp_dir();
    // An extra claim whose text needs escaping.
    std::string table = "id\tmirna_as_written\tmirna\ttarget_as_written\tgene\teffect\tcancer_type\tcell_source\torgan_or_process\t"
                        "document\treference\tcitation\tquote\tnote\n";
    table += "X1\tmiR-103\thsa-miR-103a-3p\tVE-cad\tCDH5\tunclear\tHCC <liver>\tcells\tlung\tdoc.txt\t[1]\tDoe J & Roe R, \"J\", 2020\t"
             "a <b>quote</b> & more\t\n";
    write_file(dir / "claims.tsv", table);
    const auto html = dir / "report.html";
    const auto r = run_mirhit({"validate", "miR-103", "VE-cadherin", "--utr", "examples/utrs.fa", "--curated", (dir / "claims.tsv").string(),
                               "--html", html.string(), "-o", (dir / "report.txt").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto page = read_file(html);
    EXPECT_TRUE(page.starts_with("<!DOCTYPE html>\n"));
    for (const char* external : {"http", "<script", "src=", "url(", "@import", "<link"}) EXPECT_EQ(page.find(external), std::string::npos) << external;
    EXPECT_NE(page.find("<svg "), std::string::npos);
    EXPECT_NE(page.find(">7mer-A1 348</text>"), std::string::npos);
    // The answer first (the grades and the summary), each pair's sections, the provenance last.
    const auto summary = page.find("<th>grade</th>"), section = page.find("<section"), provenance = page.find("<h2>Provenance</h2>");
    ASSERT_NE(provenance, std::string::npos);
    EXPECT_LT(page.find("<b>Grades</b> &#8212; strong: an 8mer or 7mer site"), summary);
    EXPECT_LT(summary, section);
    EXPECT_LT(page.rfind("</section>"), provenance);
    EXPECT_NE(page.find("<td class=\"grade strong\">strong</td>"), std::string::npos);
    EXPECT_NE(page.find("CDH5: not ranked (5 genes in the input); ranks need at least 100 genes"), std::string::npos);
    EXPECT_NE(page.find("strong: 1 7mer-A1, 1 offset-6mer, 1 6mer-A1, 1 7mer-A1-GU and 2 bulge-7mer sites, context++ -0.166, not ranked "
                        "(5 genes in the input)"),
              std::string::npos);
    // Non-canonical sites outlined on the map, with the legend saying so.
    EXPECT_NE(page.find("fill=\"#ffffff\" stroke=\"#1b7837\" stroke-width=\"2\"/><text x="), std::string::npos);
    EXPECT_NE(page.find("Filled: canonical sites; outlined: non-canonical sites (context++ NA).</p>"), std::string::npos);
    EXPECT_NE(page.find("Doe J &amp; Roe R, &quot;J&quot;, 2020 (HCC &lt;liver&gt;)"), std::string::npos);
    EXPECT_NE(page.find("a &lt;b&gt;quote&lt;/b&gt; &amp; more"), std::string::npos);
    EXPECT_EQ(page.find("<b>quote"), std::string::npos);
    EXPECT_NE(read_file(dir / "report.txt").find("claim\tX1\tunclear\tDoe J & Roe R, \"J\", 2020\t\"a <b>quote</b> & more\"\n"),
              std::string::npos);

    const auto chromium = find_chromium();
    if (chromium.empty()) GTEST_SKIP() << "chromium is not installed (Debian package chromium)";
    write_file(dir / "empty.html", "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body></body></html>\n");
    const auto empty_size = screenshot(chromium, dir / "empty.html", dir / "empty.png");
    const auto report_size = screenshot(chromium, html, dir / "report.png");
    ASSERT_GT(empty_size, 0u) << "chromium wrote no screenshot of an empty page";
    EXPECT_GT(report_size, 20000u);
    EXPECT_GT(report_size, 5 * empty_size) << "the report renders like an empty page";

    // Among 300 genes, a third with a miR-21 site: the histogram of gene totals with PTEN marked.
    std::mt19937 rng(11);
    std::string utrs = constructed_utrs;
    for (int i = 0; i < 296; ++i) {
        utrs += ">NM_R" + std::to_string(i) + " gene=R" + std::to_string(i) + "\n";
        for (int j = 0; j < 80; ++j) utrs += "ACGT"[rng() % 4];
        utrs += (i % 3 == 0 ? "GCCAGATAAGCTGTCC" : "GCCAGGTCCAGTGTCC") + std::string("\n");
    }
    write_file(dir / "ranked.fa", utrs);
    const auto ranked_html = dir / "ranked.html";
    const auto ranked = run_mirhit({"validate", "miR-21-5p", "PTEN", "--utr", (dir / "ranked.fa").string(), "--html", ranked_html.string(),
                                    "-o", "/dev/null"});
    ASSERT_EQ(ranked.exit_code, 0) << ranked.err;
    const auto ranked_page = read_file(ranked_html);
    EXPECT_NE(ranked_page.find(">PTEN -0.798 (rank 1)</text>"), std::string::npos);
    EXPECT_NE(ranked_page.find("<span class=\"grade strong\">strong</span>"), std::string::npos);
    EXPECT_GT(screenshot(chromium, ranked_html, dir / "ranked.png"), 5 * empty_size);
    if (const char* keep = std::getenv("MIRHIT_SCREENSHOT_DIR")) {  // to look at the renderings
        std::filesystem::copy_file(dir / "report.png", std::filesystem::path(keep) / "validate_report.png",
                                   std::filesystem::copy_options::overwrite_existing);
        std::filesystem::copy_file(dir / "ranked.png", std::filesystem::path(keep) / "validate_ranked.png",
                                   std::filesystem::copy_options::overwrite_existing);
    }
}

TEST(validate, help_has_synopsis_and_example) {
    const auto r = run_mirhit({"validate", "--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("Synopsis:"), std::string::npos);
    EXPECT_NE(r.out.find("Example:"), std::string::npos);
}

}  // namespace
}  // namespace mirhit::test
