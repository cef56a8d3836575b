// `mirhit scan --score duplex` and --energy-params, run as a subprocess.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/test_support.hpp"

namespace mirhit::test {
namespace {

// A 40-nt window of the shared RNAduplex reference (hsa-miR-21-5p_w01_8mer: 8mer at 26-33) with
// 4 nt on each side; the site's duplex window is exactly those 40 nt.
const std::string window = "AGAAAUUUACUCCGAACGUUGAAAAAUAAGCUAGUUCACA";
const std::string utr = ">U1 gene=G1\nGGGG" + window + "CCCC\n";

TEST(cli_duplex, scan_score_duplex_equals_rnaduplex) {
    const auto dir = temp_dir();
    write_file(dir / "u.fa", utr);
    auto r = run_mirhit({"scan", (dir / "u.fa").string(), "--mirnas", "hsa-miR-21-5p", "--score", "duplex", "--threads", "1"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = data_lines(r.out);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_TRUE(rows[0].ends_with("\tduplex_dG\tduplex_structure")) << rows[0];
    // RNAduplex 2.7.1: -11.70, target 14-34 and miRNA 1-21 of the window (UTR 18-38).
    EXPECT_EQ(rows[1],
              "U1\tG1\thsa-miR-21-5p\tAGCUUAU\t8mer\t30\t37\tAUAAGCUA\t0\tNA\tNA\tNA\t-11.70\t"
              "((((((((......((((((.&.)))))).....)))))))). 1,21:18,38");
    EXPECT_NE(r.out.find("\n## duplex: minimum free energy of the miRNA-UTR duplex"), std::string::npos);

    // Same rows with context++ first, in jsonl, and with any number of threads.
    auto both = run_mirhit({"scan", (dir / "u.fa").string(), "--mirnas", "hsa-miR-21-5p", "--score", "context++",
                            "--score", "duplex", "--format", "jsonl", "--threads", "3"});
    ASSERT_EQ(both.exit_code, 0) << both.err;
    EXPECT_NE(both.out.find("\"Site8_contrib\":"), std::string::npos);
    EXPECT_NE(both.out.find(",\"duplex_dG\":-11.70,\"duplex_structure\":\"((((((((......((((((.&.)))))).....)))))))). "
                            "1,21:18,38\"}\n"),
              std::string::npos)
        << both.out;
}

TEST(cli_duplex, energy_params_file) {
    const auto dir = temp_dir();
    write_file(dir / "u.fa", utr);
    const std::vector<std::string> scan = {"scan", (dir / "u.fa").string(), "--mirnas", "hsa-miR-21-5p", "--score", "duplex"};
    auto with = [&](std::vector<std::string> extra) {
        auto args = scan;
        args.insert(args.end(), extra.begin(), extra.end());
        return run_mirhit(args);
    };
    write_file(dir / "bad.par", "## RNAfold parameter file v2.0\n\n# stack\n  -240 -330 -210 -1i40 -210 -210 -140\n");
    auto bad = with({"--energy-params", (dir / "bad.par").string()});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_EQ(bad.err, "mirhit: error: " + (dir / "bad.par").string() + ":4: \"-1i40\" is not a number (section \"stack\")\n");
    EXPECT_EQ(bad.out, "");
    auto missing = with({"--energy-params", (dir / "none.par").string()});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_EQ(missing.err, "mirhit: error: cannot read energy parameter file " + (dir / "none.par").string() + "\n");
    auto unused = run_mirhit({"scan", (dir / "u.fa").string(), "--energy-params", (dir / "bad.par").string()});
    EXPECT_EQ(unused.exit_code, 2);
    EXPECT_EQ(unused.err, "mirhit: error: --energy-params: needs --score duplex, access or context++\nRun 'mirhit scan --help' for usage.\n");

    // A partial file changes only what it sets: a duplex initiation of 0 lowers dG by 4.10.
    write_file(dir / "init0.par", "## RNAfold parameter file v2.0\n\n# Misc\n 0 0 50 370\n");
    auto init0 = with({"--energy-params", (dir / "init0.par").string()});
    ASSERT_EQ(init0.exit_code, 0) << init0.err;
    EXPECT_NE(init0.out.find("\t-15.80\t((((((((......((((((.&.)))))).....)))))))). 1,21:18,38\n"), std::string::npos) << init0.out;

    // ViennaRNA's own Turner 2004 file gives the built-in numbers.
    const auto par = shared_data("data/vienna/params/rna_turner2004.par");
    if (par.empty()) GTEST_SKIP() << "shared ViennaRNA parameters absent";
    auto builtin = with({});
    auto from_file = with({"--energy-params", par.string()});
    ASSERT_EQ(from_file.exit_code, 0) << from_file.err;
    EXPECT_EQ(data_lines(from_file.out), data_lines(builtin.out));
}

}  // namespace
}  // namespace mirhit::test
