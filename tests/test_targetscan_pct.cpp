// TargetScan 7's conservation scripts: the Newick reader, branch lengths, bins and PCT, ORF 8mer
// counts, and the drop-ins run as subprocesses. Set MIRHIT_UPDATE_GOLDEN=1 to rewrite the golden
// outputs of the generated alignments (tests/targetscan7/generated, from generate_alignments.py;
// compare_with_originals.sh checks mirhit against the Perl originals on such inputs).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/orf_8mers.hpp"
#include "io/newick_reader.hpp"
#include "io/score_inputs.hpp"
#include "io/targetscan_files.hpp"
#include "io/targetscan_orf_files.hpp"
#include "io/targetscan_pct_files.hpp"
#include "scoring/targetscan_pct.hpp"
#include "tests/test_support.hpp"

namespace tp = mirhit::targetscan_pct;
using mirhit::test::read_file;
using mirhit::test::run_mirhit;
using mirhit::test::write_file;

namespace {

const std::string small_tree = "((9606:0.1,10090:0.2):0.3,(10116:0.4,9615:0.5):0.6);\n";

std::string newick_error(const std::string& text) {
    try {
        mirhit::io::parse_newick(text, "t.txt");
    } catch (const mirhit::input_error& e) {
        return e.what();
    }
    return "no error";
}

tp::species_tree tree_of(const std::string& text, bool all_labels = false) {
    return tp::species_tree(mirhit::io::parse_newick(text, "t.txt"), all_labels);
}

std::vector<std::int32_t> nodes_of(const tp::species_tree& t, const std::vector<std::string>& species) {
    std::vector<std::int32_t> out;
    for (const auto& s : species) out.push_back(t.node(s));
    return out;
}

// A PCT_parameters directory with the small tree for every bin and made-up coefficients for the
// let-7 seed: b = 0.1, 0.8, 2, 3 for 8mers, and no line for 7mer-1a sites.
std::filesystem::path write_params(const std::filesystem::path& dir) {
    const auto params = dir / "PCT_parameters";
    std::filesystem::create_directories(params);
    write_file(params / "Tree.generic.txt", small_tree);
    for (int bin = 1; bin <= 10; ++bin)
        write_file(params / ((bin < 10 ? "Tree.bin_0" : "Tree.bin_") + std::to_string(bin) + ".txt"), small_tree);
    const std::string header = "family_ID\t#kmer\tB_0\tB_1\tB_2\tB_3\n";
    write_file(params / "8mer_PCT_parameters.txt", header + "GAGGUAG\t0.1\t0.8\t2\t3\n");
    write_file(params / "7mer_m8_PCT_parameters.txt", header + "GAGGUAG\t0.05\t0.5\t1\t2\n");
    write_file(params / "7mer_1a_PCT_parameters.txt", header + "ACGUACG\t0.05\t0.5\t1\t2\n");
    return params;
}

const std::string targets_header =
    "a_Gene_ID\tmiRNA_family_ID\tspecies_ID\tMSA_start\tMSA_end\tUTR_start\tUTR_end\tGroup_num\tSite_type\t"
    "miRNA in this species\tGroup_type\tSpecies_in_this_group\tSpecies_in_this_group_with_this_site_type\t"
    "ORF_overlap\n";
const std::string out_header =
    "Gene_ID\tmiRNA_family_ID\tspecies_ID\tMSA_start\tMSA_end\tUTR_start\tUTR_end\tGroup_num\tSite_type\t"
    "miRNA in this species\tGroup_type\tBranch length score\tPct\tConserved\n";

std::string row(std::string fields) {
    for (char& c : fields)
        if (c == '|') c = '\t';
    return fields + "\n";
}

}  // namespace

TEST(Newick, ReadsLabelsLengthsQuotesAndComments) {
    auto tree = mirhit::io::parse_newick("('x''y':1.5,[a comment]\n B:2e-1)0.9:0.25;\n", "t.txt");
    ASSERT_EQ(tree.nodes().size(), 3u);
    const auto x = tree.find("x'y"), b = tree.find("B"), root = tree.find("0.9");
    EXPECT_EQ(root, 0);
    EXPECT_EQ(tree.nodes()[x].parent, root);
    EXPECT_DOUBLE_EQ(tree.nodes()[x].branch_length, 1.5);
    EXPECT_DOUBLE_EQ(tree.nodes()[b].branch_length, 0.2);
    EXPECT_DOUBLE_EQ(tree.nodes()[root].branch_length, 0.25);
    EXPECT_EQ(tree.find("C"), mirhit::scoring::phylo_tree::none);
}

TEST(Newick, MalformedTreesNameTheLine) {
    const std::string p = "t.txt:1: malformed Newick tree: ";
    EXPECT_EQ(newick_error(" \n"), "t.txt:2: malformed Newick tree: no tree");
    EXPECT_EQ(newick_error("(A:1,B:2"), p + "1 '(' not closed at the end");
    EXPECT_EQ(newick_error("((A,B);"), p + "1 '(' not closed before ';'");
    EXPECT_EQ(newick_error("(A:1,B:2));"), p + "')' outside parentheses");
    EXPECT_EQ(newick_error("(A:1,B:x);"), p + "branch length 'x' is not a number");
    EXPECT_EQ(newick_error("(A:1,B:);"), p + "branch length '' is not a number");
    EXPECT_EQ(newick_error("(A:1,\nA:2);"), "t.txt:2: malformed Newick tree: leaf label 'A' appears twice");
    EXPECT_EQ(newick_error("(A,B);\n(C,D);"), "t.txt:2: malformed Newick tree: text after the tree's ';'");
    EXPECT_EQ(newick_error("(A,B)"), p + "no ';' at the end");
    EXPECT_EQ(newick_error("('A,B);"), p + "quoted label is not closed");
    EXPECT_EQ(newick_error("(A[x,B);"), p + "comment '[' is not closed");
    EXPECT_EQ(newick_error("(A B);"), p + "unexpected 'B'");
    // Internal labels may repeat (bootstrap values); the first in preorder is found.
    auto tree = mirhit::io::parse_newick("((A,B)1,(C,D)1)1;", "t.txt");
    EXPECT_EQ(tree.find("1"), 0);
}

TEST(Newick, ShippedTreesHoldTargetScan7Species) {
    const auto dir = mirhit::test::shared_data("data/targetscan7/PCT_parameters");
    if (dir.empty()) GTEST_SKIP() << "TargetScan 7 PCT_parameters not found (set MIRHIT_SHARED to the shared folder)";
    std::vector<std::string> files = {"Tree.generic.txt"};
    for (int bin = 1; bin <= 10; ++bin) files.push_back((bin < 10 ? "Tree.bin_0" : "Tree.bin_") + std::to_string(bin) + ".txt");
    for (const auto& file : files) {
        const auto tree = mirhit::io::read_newick((dir / file).string());
        int leaves = 0;
        std::vector<int> children(tree.nodes().size(), 0);
        for (const auto& n : tree.nodes())
            if (n.parent >= 0) ++children[static_cast<std::size_t>(n.parent)];
        for (std::size_t i = 0; i < tree.nodes().size(); ++i)
            if (!children[i]) {
                ++leaves;
                EXPECT_TRUE(tp::is_targetscan7_species(tree.nodes()[i].label)) << file << " " << tree.nodes()[i].label;
            }
        EXPECT_EQ(leaves, 84) << file;
    }
}

TEST(BranchLength, SumsTheBranchesJoiningTheSpecies) {
    const auto t = tree_of(small_tree);
    const auto& tree = t.tree();
    const auto human = t.node("9606");
    EXPECT_DOUBLE_EQ(tree.branch_length(human, nodes_of(t, {"9606", "10090"})), 0.3);
    EXPECT_DOUBLE_EQ(tree.branch_length(human, nodes_of(t, {"9606", "10116"})), 0.1 + 0.3 + 0.6 + 0.4);
    EXPECT_DOUBLE_EQ(tree.branch_length(human, nodes_of(t, {"9606", "10090", "10116", "9615"})), 2.1);
    // The start need not be in the set; species outside the tree add nothing.
    EXPECT_DOUBLE_EQ(tree.branch_length(human, nodes_of(t, {"10116", "9615", "99999"})), 0.4 + 0.5 + 0.6 + 0.3 + 0.1);
    EXPECT_DOUBLE_EQ(tree.branch_length(t.node("99999"), nodes_of(t, {"10116", "9615"})), 0.5);
}

TEST(BranchLength, OnlyTargetScan7SpeciesUnlessAllLabels) {
    const std::string tree = "((9606:1,7:2):1,10090:1);";
    EXPECT_EQ(tree_of(tree).node("7"), mirhit::scoring::phylo_tree::none);
    EXPECT_NE(tree_of(tree, true).node("7"), mirhit::scoring::phylo_tree::none);
}

TEST(UtrBins, MedianOfTheHumanColumns) {
    const auto t = tree_of(small_tree);
    // Columns 1-3: human and mouse (0.3); column 4: human alone (0); column 5: a human gap.
    auto c = tp::utr_branch_length(t, {{"9606", "ACGUA-"}, {"10090", "acgaa"}, {"10116", "---"}});
    ASSERT_TRUE(c.median);
    EXPECT_EQ(tp::perl_number(*c.median), "0.3");
    // Human given twice: the last row counts; rows of species outside the tree change nothing.
    c = tp::utr_branch_length(t, {{"9606", "GGGG"}, {"10090", "ACGU"}, {"0", "ACGU"}, {"9606", "ACGU"}});
    EXPECT_EQ(tp::perl_number(*c.median), "0.3");
    EXPECT_EQ(tp::perl_number(*tp::utr_branch_length(t, {{"9606", "ACGU"}}).median), "0");
    EXPECT_FALSE(tp::utr_branch_length(t, {{"10090", "ACGU"}}).median);
    EXPECT_FALSE(tp::utr_branch_length(t, {{"9606", "----"}, {"10090", "ACGU"}}).median);
    EXPECT_EQ(tp::utr_branch_length(t, {{"9606", "----"}}).bin, 1);
}

TEST(UtrBins, ThresholdsOfTargetScan7) {
    EXPECT_EQ(tp::conservation_bin(std::nullopt), 1);
    EXPECT_EQ(tp::conservation_bin(0), 1);
    EXPECT_EQ(tp::conservation_bin(1.21207417), 1);
    EXPECT_EQ(tp::conservation_bin(1.2120742), 2);
    EXPECT_EQ(tp::conservation_bin(4.5), 8);
    EXPECT_EQ(tp::conservation_bin(5.78196253), 10);
    EXPECT_EQ(tp::perl_number(2.918775765), "2.918775765");
    EXPECT_EQ(tp::perl_number(1.0 / 3), "0.333333333333333");
}

TEST(SitePct, BranchLengthPctAndConservation) {
    const auto t = tree_of(small_tree);
    tp::pct_table pct;
    pct.add("GAGGUAG", tp::site_type::eight_mer_1a, {0.1, 0.8, 2, 3});
    pct.add("GAGGUAG", tp::site_type::seven_mer_m8, {0.05, 0.5, 1, 2});
    const std::string_view let7 = "GAGGUAG";
    auto s = tp::conserve_site(t, pct, let7, tp::site_type::eight_mer_1a, "10090 9606", false);
    EXPECT_EQ(s.branch_length, "0.3000");
    EXPECT_EQ(s.pct, "0.1665");
    EXPECT_FALSE(s.conserved);
    s = tp::conserve_site(t, pct, let7, tp::site_type::eight_mer_1a, "10090 10116 9606 9615", false);
    EXPECT_EQ(s.branch_length, "2.1000");
    EXPECT_EQ(s.pct, "0.7148");
    EXPECT_TRUE(s.conserved);  // 8mers from BL 1.8
    EXPECT_FALSE(tp::conserve_site(t, pct, let7, tp::site_type::seven_mer_m8, "10090 10116 9606 9615", false).conserved);
    // One species: BL 0 and PCT 0.0; 6mers: PCT 0.0, never conserved; masked or no PCT: NA.
    s = tp::conserve_site(t, pct, let7, tp::site_type::eight_mer_1a, "9606", false);
    EXPECT_EQ(s.branch_length + " " + s.pct, "0 0.0");
    s = tp::conserve_site(t, pct, let7, tp::site_type::six_mer, "10090 10116 9606 9615", false);
    EXPECT_EQ(s.pct, "0.0");
    EXPECT_FALSE(s.conserved);
    EXPECT_EQ(tp::conserve_site(t, pct, let7, tp::site_type::eight_mer_1a, "10090 9606", true).pct, "NA");
    EXPECT_EQ(tp::conserve_site(t, pct, std::nullopt, tp::site_type::eight_mer_1a, "10090 9606", false).pct, "NA");
    EXPECT_EQ(tp::conserve_site(t, pct, "ACGUACG", tp::site_type::eight_mer_1a, "10090 9606", false).pct, "NA");
    // No coefficients for the type: computed from 0s, as the original.
    s = tp::conserve_site(t, pct, let7, tp::site_type::seven_mer_1a, "10090 9606", false);
    EXPECT_EQ(s.pct, "0.0000");
    EXPECT_TRUE(s.missing_coefficients);
}

TEST(SitePct, NegativePctIsZeroUnlessItRoundsToMinusZero) {
    const auto t = tree_of(small_tree);
    tp::pct_table pct;
    pct.add("AAAAAAA", tp::site_type::eight_mer_1a, {-0.5, 0.1, 1, 1});
    pct.add("CCCCCCC", tp::site_type::eight_mer_1a, {-0.00001, 0, 1, 1});
    EXPECT_EQ(tp::conserve_site(t, pct, "AAAAAAA", tp::site_type::eight_mer_1a, "10090 9606", false).pct, "0.0");
    EXPECT_EQ(tp::conserve_site(t, pct, "CCCCCCC", tp::site_type::eight_mer_1a, "10090 9606", false).pct, "-0.0000");
}

TEST(Orf8mers, CountsLikeTheOriginalsRegex) {
    // let-7 (GAGGUAG): site CUACCUCA; an all-U seed: site AAAAAAAA.
    const mirhit::targetscan70::orf_8mer_counter counter({"GAGGUAG", "uuuuuuu", "GAGGTAG"}, false);
    std::vector<std::uint32_t> n;
    EXPECT_EQ(counter.count("cuaccuca-CTAC.CUCAGGCUACCUCN", n), 26u);
    EXPECT_EQ(n, (std::vector<std::uint32_t>{2, 0, 2}));
    EXPECT_EQ(counter.count("AAAAAAAAAAAAAAAAA", n), 17u);  // 17 A: two sites without overlap
    EXPECT_EQ(n[1], 2u);
    const mirhit::targetscan70::orf_8mer_counter overlapping({"UUUUUUU"}, true);
    overlapping.count("AAAAAAAAAAAAAAAAA", n);
    EXPECT_EQ(n[0], 10u);
}

TEST(Orf8mers, LengthsFileNamedAsTheOriginalNamesIt) {
    using mirhit::io::orf_lengths_path;
    EXPECT_EQ(orf_lengths_path("dir/ORF_Sequences.txt", false), "dir/ORF_Sequences.lengths.txt");
    EXPECT_EQ(orf_lengths_path("orfs.tsv", false), "orfs.tsv.lengths.txt");
    EXPECT_EQ(orf_lengths_path(".txt", false), ".txt.lengths.txt");
    EXPECT_EQ(orf_lengths_path("my dir/orfs.txt", false), "dir/orfs.lengths.txt");
    EXPECT_EQ(orf_lengths_path("my dir/orfs.txt", true), "my dir/orfs.lengths.txt");
    EXPECT_EQ(orf_lengths_path("dir /.txt", false), "/.lengths.txt");
    EXPECT_EQ(orf_lengths_path("a .txt", false), "a .txt.lengths.txt");
}

// ---- the drop-ins as subprocesses ----

namespace {

struct dropin_dir {
    std::filesystem::path dir = mirhit::test::temp_dir();
    dropin_dir() { write_params(dir); }
    void write(const std::string& name, const std::string& text) const { write_file(dir / name, text); }
    std::string read(const std::string& name) const { return read_file(dir / name); }
    mirhit::test::run_result run(const std::vector<std::string>& args) const { return run_mirhit(args, "", dir); }
};

const std::filesystem::path generated = std::filesystem::path(MIRHIT_SOURCE_DIR) / "tests" / "targetscan7" / "generated";
const std::filesystem::path golden = std::filesystem::path(MIRHIT_SOURCE_DIR) / "tests" / "golden" / "targetscan7";

void expect_golden(const std::string& name, const std::string& actual) {
    const auto path = golden / name;
    if (std::getenv("MIRHIT_UPDATE_GOLDEN")) {
        std::filesystem::create_directories(golden);
        write_file(path, actual);
        return;
    }
    EXPECT_EQ(actual, read_file(path)) << "golden file " << path << " differs; MIRHIT_UPDATE_GOLDEN=1 rewrites it";
}

}  // namespace

TEST(TargetscanBlBins, WritesMedianAndBinPerGene) {
    dropin_dir d;
    d.write("utrs.txt", "G1\t9606\tACGUA-\nG1\t10090\tacgaa\n\nG2\t10090\tACGU\nG3\t9606\tACGU\nG3\t99999\tACGU\n");
    auto r = d.run({"targetscan-bl-bins", "utrs.txt"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "G1\t0.3\t1\nG2\t\t1\nG3\t0\t1\n");
    EXPECT_EQ(r.err,
              "mirhit: warning: utrs.txt: no human (9606) letters in 1 gene (G2): median BL left empty and bin 1, as "
              "targetscan_70_BL_bins.pl writes them\n"
              "mirhit: warning: utrs.txt: not in PCT_parameters/Tree.generic.txt: 1 species (99999), in 1 genes; left "
              "out of the branch lengths, as the original does\n");
}

TEST(TargetscanBlPct, SortsGroupsAndComputesEachSite) {
    dropin_dir d;
    d.write("families.txt", "let-7\tGAGGTAG\t9606;10090\nmiR-X\tACGUACG\t9606\n");
    d.write("bins.txt", "G\t0.3\t1\n");
    const std::string g2 = row("G|let-7|9606|30|37|30|37|2|8mer-1a|x|8mer-1a+7mer-m8|9606 10090 10116 9615|9606 10116 9615|1");
    d.write("targets.txt", targets_header + row("G|let-7|10090|20|27|20|27|1|8mer-1a|x|8mer-1a|10090 9606||0") +
                               g2 + row("G|let-7|10090|30|36|30|36|2|7mer-m8|x|8mer-1a+7mer-m8|9606 10090 10116 9615|10090|0") +
                               row("G|let-7|9606|20|27|20|27|1|8mer-1a|x|8mer-1a|10090 9606||0") +
                               row("G|other|9606|5|10|5|10|3|6mer|x|6mer|9606||0"));
    auto r = d.run({"targetscan-bl-pct", "families.txt", "targets.txt", "bins.txt"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    // Group 1 sorted by line (10090 before 9606); the masked 8mer of group 2 gets PCT NA.
    EXPECT_EQ(r.out, out_header + row("G|let-7|10090|20|27|20|27|1|8mer-1a|x|8mer-1a|0.3000|0.1665|") +
                         row("G|let-7|9606|20|27|20|27|1|8mer-1a|x|8mer-1a|0.3000|0.1665|") +
                         row("G|let-7|10090|30|36|30|36|2|7mer-m8|x|7mer-m8|0|0.0|") +
                         row("G|let-7|9606|30|37|30|37|2|8mer-1a|x|8mer-1a|1.9000|NA|x") +
                         row("G|other|9606|5|10|5|10|3|6mer|x|6mer|NA|NA|0|"));
    // A name with "sort" is read as sorted (groups 1 and 2 interleaved stay so); --fixed sorts
    // anyway and writes no trailing tab.
    std::filesystem::copy_file(d.dir / "targets.txt", d.dir / "targets.sort.txt");
    r = d.run({"targetscan-bl-pct", "families.txt", "targets.sort.txt", "bins.txt"});
    ASSERT_EQ(mirhit::test::data_lines(r.out).size(), 6u);
    EXPECT_EQ(mirhit::test::data_lines(r.out)[2] + "\n", row("G|let-7|9606|30|37|30|37|2|8mer-1a|x|8mer-1a|1.9000|NA|x"));
    r = d.run({"targetscan-bl-pct", "families.txt", "targets.sort.txt", "bins.txt", "out.txt", "--fixed", "-t", "3"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const std::string fixed = d.read("out.txt");
    EXPECT_EQ(fixed.substr(fixed.rfind("G\tother")), row("G|other|9606|5|10|5|10|3|6mer|x|6mer|NA|NA|0"));
    EXPECT_EQ(mirhit::test::data_lines(fixed)[2] + "\n", row("G|let-7|9606|20|27|20|27|1|8mer-1a|x|8mer-1a|0.3000|0.1665|"));
}

TEST(TargetscanCount8mers, CountsAndLengthsBesideTheInput) {
    dropin_dir d;
    d.write("families.txt", "let-7\tGAGGUAG\t9606\nmiR-U\tUUUUUUU\t9606\nlet-7b\tGAGGUAG\t9606\n");
    d.write("orfs.txt", "G\t9606\tcuaccuca-CUACCUCA\n\nG\t10090\tAAAAAAAAA\nH\t9606\t---\n");
    auto r = d.run({"targetscan-count-8mers", "families.txt", "orfs.txt"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "G\t9606\tGAGGUAG\t2\nG\t10090\tUUUUUUU\t1\n");
    EXPECT_EQ(d.read("orfs.lengths.txt"), "G\t9606\t16\nG\t10090\t9\nH\t9606\t0\n");
    r = d.run({"targetscan-count-8mers", "families.txt", "orfs.txt", "counts.txt", "--fixed", "--lengths", "len.txt"});
    EXPECT_EQ(d.read("counts.txt"), "G\t9606\tGAGGUAG\t2\nG\t10090\tUUUUUUU\t2\n");
    EXPECT_EQ(d.read("len.txt"), "G\t9606\t16\nG\t10090\t9\nH\t9606\t0\n");
}

TEST(TargetscanPctCli, BadInputNamesFileAndLine) {
    dropin_dir d;
    auto expect_error = [&](const std::vector<std::string>& args, const std::string& message) {
        auto r = d.run(args);
        EXPECT_EQ(r.exit_code, 1) << message;
        EXPECT_EQ(r.err, "mirhit: error: " + message + "\n");
    };
    d.write("utrs.txt", "G\t9606\tACGU\nG\t10090\n");
    expect_error({"targetscan-bl-bins", "utrs.txt"},
                 "utrs.txt:2: expected 3 tab-separated fields (gene, species id, aligned UTR), found 2");
    d.write("utrs.txt", "G\t9606\tACGU\n");
    std::filesystem::create_directory(d.dir / "bad");
    write_file(d.dir / "bad" / "Tree.generic.txt", "((9606:1,10090:2):1,\n10116:x);\n");
    expect_error({"targetscan-bl-bins", "utrs.txt", "--pct-params", "bad"},
                 "bad/Tree.generic.txt:2: malformed Newick tree: branch length 'x' is not a number");
    expect_error({"targetscan-bl-bins", "utrs.txt", "--pct-params", "none"},
                 "none/Tree.generic.txt: not found (TargetScan 7's PCT_parameters directory, read from the working "
                 "directory as the original does; give another with --pct-params DIR)");

    d.write("families.txt", "let-7\tGAGGUAG\t9606\n");
    d.write("bins.txt", "G\t0.3\t1\n");
    const std::string site = row("H|let-7|9606|20|27|20|27|1|8mer-1a|x|8mer-1a|9606||0");
    d.write("targets.txt", targets_header + site);
    expect_error({"targetscan-bl-pct", "families.txt", "targets.txt", "bins.txt"},
                 "targets.txt:2: gene 'H' is not in bins.txt (the original assigns it bin 1)");
    d.write("targets.txt", targets_header + row("G|let-7|9606|20|27|20|27|1|9mer|x|8mer-1a|9606||0"));
    expect_error({"targetscan-bl-pct", "families.txt", "targets.txt", "bins.txt"},
                 "targets.txt:2: site type '9mer' is not 8mer-1a, 7mer-m8, 7mer-1a or 6mer");
    d.write("targets.txt", targets_header + row("G|let-7|9606|20|27|20|27|one|8mer-1a|x|8mer-1a|9606||0"));
    expect_error({"targetscan-bl-pct", "families.txt", "targets.txt", "bins.txt"},
                 "targets.txt:2: group number 'one' is not a whole number from 1");
    d.write("targets.txt", targets_header + "G\tlet-7\t9606\n");
    expect_error({"targetscan-bl-pct", "families.txt", "targets.txt", "bins.txt"},
                 "targets.txt:2: expected 12 to 14 tab-separated fields (targetscan_70.pl's output: gene, miRNA "
                 "family, ..., ORF overlap), found 3");
    d.write("targets.txt", site);
    expect_error({"targetscan-bl-pct", "families.txt", "targets.txt", "bins.txt"},
                 "targets.txt:1: expected targetscan_70.pl's header line first (the original skips the first line)");
    d.write("bins.txt", "G\t0.3\t11\n");
    expect_error({"targetscan-bl-pct", "families.txt", "targets.txt", "bins.txt"},
                 "bins.txt:1: bin '11' is not a whole number from 1 to 10");
    d.write("families.txt", "let-7\tGAGGUA\t9606\n");
    expect_error({"targetscan-count-8mers", "families.txt", "utrs.txt"}, "families.txt:1: seed 'GAGGUA' must be 7 nt of A, C, G, U/T");
    d.write("families.txt", "let-7\tGAGGUAG\t9606\n");
    d.write("orfs.txt", "G\t9606\tACGU\textra\n");
    expect_error({"targetscan-count-8mers", "families.txt", "orfs.txt"},
                 "orfs.txt:1: expected 3 tab-separated fields (gene, species id, aligned ORF), found 4");

    auto usage = d.run({"targetscan-bl-pct", "families.txt", "targets.txt"});
    EXPECT_EQ(usage.exit_code, 2);
    for (const char* command : {"targetscan-bl-bins", "targetscan-bl-pct", "targetscan-count-8mers"}) {
        auto help = d.run({command, "--help"});
        EXPECT_EQ(help.exit_code, 0);
        EXPECT_NE(help.out.find("Synopsis:"), std::string::npos) << command;
        EXPECT_NE(help.out.find("quirks are kept"), std::string::npos) << command;
        EXPECT_NE(help.out.find("Example:"), std::string::npos) << command;
    }
}

TEST(TargetscanPctFiles, SampleMatchesReferenceOutputs) {
    const auto data = mirhit::test::shared_data("data/targetscan7");
    if (data.empty()) GTEST_SKIP() << "TargetScan 7 sample data not found (set MIRHIT_SHARED to the shared folder)";
    const auto dir = mirhit::test::temp_dir();
    std::filesystem::create_directory_symlink(data / "PCT_parameters", dir / "PCT_parameters");
    std::filesystem::copy_file(data / "sample-input" / "ORF_Sequences_sample.txt", dir / "ORF_Sequences_sample.txt");
    const auto in = data / "sample-input", out = data / "sample-output";
    for (const char* threads : {"1", "3"}) {
        auto r = run_mirhit({"targetscan-bl-bins", (in / "UTR_Sequences_sample.txt").string(), "bins.txt", "-t", threads}, "", dir);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        EXPECT_EQ(read_file(dir / "bins.txt"), read_file(out / "UTRs_median_BLs_bins.txt"));
        r = run_mirhit({"targetscan-bl-pct", (in / "miR_Family_info_sample.txt").string(),
                        (out / "targetscan_70_output.txt").string(), (out / "UTRs_median_BLs_bins.txt").string(),
                        "bl_pct.txt", "-t", threads},
                       "", dir);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        EXPECT_EQ(read_file(dir / "bl_pct.txt"), read_file(out / "targetscan_70_output.BL_PCT.txt"));
        r = run_mirhit({"targetscan-count-8mers", (in / "miR_Family_info_sample.txt").string(), "ORF_Sequences_sample.txt",
                        "counts.txt", "-t", threads},
                       "", dir);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        EXPECT_EQ(read_file(dir / "counts.txt"), read_file(out / "ORF_8mer_counts_sample.txt"));
        EXPECT_EQ(read_file(dir / "ORF_Sequences_sample.lengths.txt"), read_file(out / "ORF_Sequences_sample.lengths.txt"));
    }
}

// Generated stress alignments (seed 1; targets.txt is targetscan_70.pl's output for them): the
// golden outputs equal the Perl originals' (checked with compare_with_originals.sh).
TEST(TargetscanPctFiles, GeneratedAlignmentsMatchGoldenFiles) {
    const auto dir = mirhit::test::temp_dir();
    std::filesystem::copy_file(generated / "orfs.txt", dir / "orfs.txt");
    for (const char* threads : {"1", "4"}) {
        auto r = run_mirhit({"targetscan-count-8mers", (generated / "families.txt").string(), "orfs.txt", "counts.txt", "-t", threads}, "", dir);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        expect_golden("counts.txt", read_file(dir / "counts.txt"));
        expect_golden("orfs.lengths.txt", read_file(dir / "orfs.lengths.txt"));
    }
    const auto params = mirhit::test::shared_data("data/targetscan7/PCT_parameters");
    if (params.empty()) GTEST_SKIP() << "TargetScan 7 PCT_parameters not found (set MIRHIT_SHARED to the shared folder)";
    for (const char* threads : {"1", "4"}) {
        const std::vector<std::string> common = {"--pct-params", params.string(), "-t", threads};
        auto args = [&](std::vector<std::string> a) {
            a.insert(a.end(), common.begin(), common.end());
            return a;
        };
        auto r = run_mirhit(args({"targetscan-bl-bins", (generated / "utrs.txt").string(), "bins.txt"}), "", dir);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        expect_golden("bins.txt", read_file(dir / "bins.txt"));
        for (const std::string families : {"families", "families_subset"}) {
            r = run_mirhit(args({"targetscan-bl-pct", (generated / (families + ".txt")).string(),
                                 (generated / "targets.txt").string(), "bins.txt", "bl_pct.txt"}),
                           "", dir);
            EXPECT_EQ(r.exit_code, 0) << r.err;
            expect_golden("bl_pct" + families.substr(8) + ".txt", read_file(dir / "bl_pct.txt"));
        }
    }
}

// TargetScan's run_tests.sh as mirhit commands: every shipped sample output, from mirhit's own
// outputs of the earlier steps.
TEST(TargetscanPctFiles, WholePipelineReproducesTheSampleOutputs) {
    const auto data = mirhit::test::shared_data("data/targetscan7");
    if (data.empty()) GTEST_SKIP() << "TargetScan 7 sample data not found (set MIRHIT_SHARED to the shared folder)";
    const auto dir = mirhit::test::temp_dir();
    std::filesystem::create_directory_symlink(data / "PCT_parameters", dir / "PCT_parameters");
    for (const char* file : {"Agarwal_2015_parameters.txt", "TA_SPS_by_seed_region.txt"})
        std::filesystem::create_symlink(data / file, dir / file);
    for (const auto& entry : std::filesystem::directory_iterator(data / "sample-input"))
        std::filesystem::copy_file(entry.path(), dir / entry.path().filename());
    const std::vector<std::vector<std::string>> steps = {
        {"targetscan", "miR_Family_info_sample.txt", "UTR_Sequences_sample.txt", "targetscan_70_output.txt"},
        {"targetscan-bl-bins", "UTR_Sequences_sample.txt", "UTRs_median_BLs_bins.txt"},
        {"targetscan-bl-pct", "miR_Family_info_sample.txt", "targetscan_70_output.txt", "UTRs_median_BLs_bins.txt",
         "targetscan_70_output.BL_PCT.txt"},
        {"targetscan-count-8mers", "miR_Family_info_sample.txt", "ORF_Sequences_sample.txt", "ORF_8mer_counts_sample.txt"},
        {"targetscan-context", "miR_for_context_scores.sample.txt", "UTR_Sequences_sample.txt",
         "targetscan_70_output.BL_PCT.txt", "ORF_Sequences_sample.lengths.txt", "ORF_8mer_counts_sample.txt",
         "All_cell_lines.AIRs.txt", "Targets.BL_PCT.context_scores.txt"}};
    for (const auto& step : steps) {
        auto r = run_mirhit(step, "", dir);
        ASSERT_EQ(r.exit_code, 0) << step[0] << ": " << r.err;
    }
    for (const char* file : {"targetscan_70_output.txt", "UTRs_median_BLs_bins.txt", "targetscan_70_output.BL_PCT.txt",
                             "ORF_8mer_counts_sample.txt", "ORF_Sequences_sample.lengths.txt",
                             "Targets.BL_PCT.context_scores.txt"})
        EXPECT_EQ(read_file(dir / file), read_file(data / "sample-output" / file)) << file;
}

// In-process BL and PCT (what `scan --alignments` needs) equal the file route: targetscan, then
// targetscan-bl-bins and targetscan-bl-pct, on the generated alignments.
TEST(TargetscanPctFiles, InProcessEqualsTheDropIns) {
    const auto params = mirhit::test::shared_data("data/targetscan7/PCT_parameters");
    if (params.empty()) GTEST_SKIP() << "TargetScan 7 PCT_parameters not found (set MIRHIT_SHARED to the shared folder)";
    const auto dir = mirhit::test::temp_dir();
    const std::string families_file = (generated / "families.txt").string(), utrs = (generated / "utrs.txt").string();
    const std::vector<std::string> p = {"--pct-params", params.string()};
    ASSERT_EQ(run_mirhit({"targetscan", families_file, utrs, "t.txt"}, "", dir).exit_code, 0);
    ASSERT_EQ(run_mirhit({"targetscan-bl-bins", utrs, "bins.txt", p[0], p[1]}, "", dir).exit_code, 0);
    ASSERT_EQ(run_mirhit({"targetscan-bl-pct", families_file, "t.txt", "bins.txt", "pct.txt", p[0], p[1]}, "", dir).exit_code, 0);
    // By gene, family, species, MSA start and site type: "BL PCT conserved".
    std::map<std::string, std::string> expected;
    for (const auto& line : mirhit::test::data_lines(read_file(dir / "pct.txt"))) {
        std::vector<std::string> f;
        std::stringstream in(line);
        for (std::string field; std::getline(in, field, '\t');) f.push_back(field);
        if (f[0] == "Gene_ID") continue;
        f.resize(14);
        expected[f[0] + " " + f[1] + " " + f[2] + " " + f[3] + " " + f[8]] = f[11] + " " + f[12] + " " + f[13];
    }
    const auto families = mirhit::io::read_targetscan_families(families_file);
    const auto model = mirhit::io::load_pct_model({params.string(), false, 0});
    std::map<std::string, std::string> actual;
    std::map<std::string, mirhit::targetscan70::gene_set> genes;  // later blocks of a gene are new sets: skip them
    std::vector<std::string> order;
    for (const auto& line : mirhit::test::data_lines(read_file(utrs))) {
        const auto tab = line.find('\t'), tab2 = line.find('\t', tab + 1);
        const std::string gene = line.substr(0, tab);
        if (!genes.contains(gene)) order.push_back(gene);
        genes[gene].gene = gene;
        if (line.substr(tab + 1, tab2 - tab - 1) != "0") genes[gene].set_utr(line.substr(tab + 1, tab2 - tab - 1), line.substr(tab2 + 1));
    }
    std::size_t sites = 0;
    for (const auto& name : order) {
        if (name == "GENE00") continue;  // given in two blocks
        const auto result = mirhit::targetscan70::process_gene(families, genes[name]);
        const auto c = tp::conserve_gene(model, families, genes[name], result);
        for (std::size_t i = 0; i < result.rows.size(); ++i) {
            const auto& r = result.rows[i];
            const std::string key = name + " " + std::string(r.family) + " " + std::string(r.species) + " " +
                                    std::to_string(r.msa_start) + " " + std::string(mirhit::targetscan70::site_type_name(r.type));
            EXPECT_EQ(c.sites[i].branch_length + " " + c.sites[i].pct + " " + (c.sites[i].conserved ? "x" : ""), expected[key]) << key;
            ++sites;
        }
    }
    EXPECT_GT(sites, 300u);
}

namespace {

// The generated alignments without their last block (GENE00 again): scan needs a gene's rows together.
std::string one_block_utrs(const std::filesystem::path& dir) {
    auto lines = mirhit::test::data_lines(read_file(generated / "utrs.txt"));
    lines.resize(lines.size() - 2);
    std::string text;
    for (const auto& line : lines) text += line + "\n";
    write_file(dir / "utrs.txt", text);
    return (dir / "utrs.txt").string();
}

}  // namespace

// The table `scan --pct` reads from a BL_PCT file, computed in-process from the alignments.
TEST(TargetscanPctFiles, ConservationFromAlignmentsEqualsReadingTheDropInsOutput) {
    const auto params = mirhit::test::shared_data("data/targetscan7/PCT_parameters");
    if (params.empty()) GTEST_SKIP() << "TargetScan 7 PCT_parameters not found (set MIRHIT_SHARED to the shared folder)";
    const auto dir = mirhit::test::temp_dir();
    const std::string families_file = (generated / "families.txt").string(), utrs = one_block_utrs(dir);
    const std::vector<std::string> p = {"--pct-params", params.string()};
    ASSERT_EQ(run_mirhit({"targetscan", families_file, utrs, "t.txt"}, "", dir).exit_code, 0);
    ASSERT_EQ(run_mirhit({"targetscan-bl-bins", utrs, "bins.txt", p[0], p[1]}, "", dir).exit_code, 0);
    ASSERT_EQ(run_mirhit({"targetscan-bl-pct", families_file, "t.txt", "bins.txt", "pct.txt", p[0], p[1]}, "", dir).exit_code, 0);
    const auto model = mirhit::io::load_pct_model({params.string(), false, 0});
    const auto families = mirhit::io::read_targetscan_families(families_file);
    for (const char* species : {"9606", "10090"}) {
        const auto expected = mirhit::io::read_conservation(mirhit::io::byte_source::open((dir / "pct.txt").string()), species);
        const auto actual = mirhit::io::conservation_from_alignments(utrs, families, model, species);
        EXPECT_EQ(actual.sites, expected) << species;
        EXPECT_GT(mirhit::io::pct_values(expected).size(), 5u);  // genes with PCT sites
        EXPECT_EQ(actual.genes, 21u);
    }
    const auto human = mirhit::io::conservation_from_alignments(utrs, families, model, "9606");
    EXPECT_EQ(human.without_species, (std::vector<std::string>{"ONE_MOUSE", "NO_HUMAN", "ALL_GAPS"}));
    ASSERT_EQ(human.utrs.size(), 18u);
    EXPECT_EQ(human.utrs[0].gene, "GENE00");
    EXPECT_EQ(human.utrs[0].line, 1u);
    EXPECT_EQ(human.utrs[0].sequence.find('-'), std::string::npos);
}

// ---- scan --alignments: conservation in-process equals the drop-ins then scan --pct ----

namespace {

// The UTRs of an aligned file as FASTA: per gene, its last row of the species without gaps
// (genes without letters of it left out), as targetscan_70.pl numbers positions.
std::string reference_fasta(const std::string& aligned, const std::string& species = "9606") {
    std::vector<std::string> order;
    std::map<std::string, std::string> utr;
    for (const auto& line : mirhit::test::data_lines(aligned)) {
        const auto tab = line.find('\t'), tab2 = line.find('\t', tab + 1);
        const std::string gene = line.substr(0, tab);
        if (std::find(order.begin(), order.end(), gene) == order.end()) order.push_back(gene);
        if (line.substr(tab + 1, tab2 - tab - 1) != species) continue;
        std::string letters;
        for (char c : line.substr(tab2 + 1))
            if (c != '-') letters += c;
        utr[gene] = letters;
    }
    std::string fasta;
    for (const auto& gene : order)
        if (!utr[gene].empty()) fasta += ">" + gene + "\n" + utr[gene] + "\n";
    return fasta;
}

// Runs scan in dir; its rows without the '##' lines.
std::vector<std::string> scan_rows(const std::filesystem::path& dir, std::vector<std::string> args) {
    args.insert(args.begin(), "scan");
    args.insert(args.end(), {"-o", "out.tsv", "-q"});
    const auto r = run_mirhit(args, "", dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return mirhit::test::data_lines(read_file(dir / "out.tsv"));
}

// The three drop-ins on an aligned UTR file and a family file: their BL_PCT output.
void run_dropins(const std::filesystem::path& dir, const std::string& families, const std::string& utrs,
                 const std::vector<std::string>& params) {
    auto with = [&](std::vector<std::string> args, bool reads_params) {
        if (reads_params) args.insert(args.end(), params.begin(), params.end());
        const auto r = run_mirhit(args, "", dir);
        ASSERT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
    };
    with({"targetscan", families, utrs, "targets.txt"}, false);
    with({"targetscan-bl-bins", utrs, "bins.txt"}, true);
    with({"targetscan-bl-pct", families, "targets.txt", "bins.txt", "bl_pct.txt"}, true);
}

// Rows with a PCT (last column not NA).
std::size_t with_pct(const std::vector<std::string>& rows) {
    return static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [](const std::string& r) { return !r.ends_with("\tNA"); }));
}

}  // namespace

TEST(ScanAlignments, GeneratedAlignmentsEqualTheDropInsThenPct) {
    const auto params = mirhit::test::shared_data("data/targetscan7/PCT_parameters");
    if (params.empty()) GTEST_SKIP() << "TargetScan 7 PCT_parameters not found (set MIRHIT_SHARED to the shared folder)";
    const auto dir = mirhit::test::temp_dir();
    const std::string utrs = one_block_utrs(dir), families = (generated / "families.txt").string();
    const std::vector<std::string> p = {"--pct-params", params.string()};
    write_file(dir / "utrs.fa", reference_fasta(read_file(utrs)));
    // A miRNA per generated family: nt 1, the seed, a tail.
    std::string mirnas;
    for (const char* seed : {"GAGGUAG", "GGAAUGU", "ACCCUGU", "AAGGUGC", "ACAGUAC", "GGUCUAG", "UUUUUUU", "AGCAGCA"})
        mirnas += ">m-" + std::string(seed) + "\nU" + seed + "UAGUUGUAUAGUU\n";
    write_file(dir / "mirnas.fa", mirnas);
    run_dropins(dir, families, utrs, p);
    const std::vector<std::string> common = {"--mirna-file", "mirnas.fa", "--score", "context++"};
    auto scan = [&](std::vector<std::string> args) {
        args.insert(args.end(), common.begin(), common.end());
        return scan_rows(dir, args);
    };
    const auto expected = scan({"utrs.fa", "--pct", "bl_pct.txt"});
    EXPECT_GT(with_pct(expected), 20u);
    // The generated families are annotated in every species of the alignments: the default.
    for (const char* threads : {"1", "2"}) {
        EXPECT_EQ(scan({"--alignments", utrs, p[0], p[1], "-t", threads}), expected) << threads;
        EXPECT_EQ(scan({"utrs.fa", "--alignments", utrs, p[0], p[1], "-t", threads}), expected) << threads;
        EXPECT_EQ(scan({"--alignments", utrs, p[0], p[1], "--mirna-families", families, "-t", threads}), expected) << threads;
    }
    // Another reference species.
    write_file(dir / "mouse.fa", reference_fasta(read_file(utrs), "10090"));
    const auto mouse = scan({"mouse.fa", "--pct", "bl_pct.txt", "--pct-species", "10090"});
    EXPECT_GT(with_pct(mouse), 5u);
    EXPECT_EQ(scan({"--alignments", utrs, p[0], p[1], "--pct-species", "10090"}), mouse);
}

TEST(ScanAlignments, SampleAlignmentsEqualTheDropInsThenPct) {
    const auto data = mirhit::test::shared_data("data/targetscan7");
    if (data.empty()) GTEST_SKIP() << "TargetScan 7 sample data not found (set MIRHIT_SHARED to the shared folder)";
    const auto dir = mirhit::test::temp_dir();
    std::filesystem::create_directory_symlink(data / "PCT_parameters", dir / "PCT_parameters");
    const std::string utrs = (data / "sample-input" / "UTR_Sequences_sample.txt").string();
    const std::string families = (data / "sample-input" / "miR_Family_info_sample.txt").string();
    write_file(dir / "utrs.fa", reference_fasta(read_file(utrs)));
    run_dropins(dir, families, utrs, {});
    EXPECT_EQ(read_file(dir / "bl_pct.txt"), read_file(data / "sample-output" / "targetscan_70_output.BL_PCT.txt"));
    const std::vector<std::string> mirnas = {"--mirnas", "let-7a,miR-1,miR-10a,miR-18a,miR-101,miR-601,miR-603,miR-608"};
    auto scan = [&](std::vector<std::string> args) {
        args.insert(args.end(), mirnas.begin(), mirnas.end());
        args.insert(args.end(), {"--score", "context++"});
        return scan_rows(dir, args);
    };
    const auto expected = scan({"utrs.fa", "--pct", "bl_pct.txt"});
    EXPECT_GT(with_pct(expected), 10u);
    for (const char* threads : {"1", "2"}) {
        EXPECT_EQ(scan({"--alignments", utrs, "--mirna-families", families, "-t", threads}), expected) << threads;
        EXPECT_EQ(scan({"utrs.fa", "--alignments", utrs, "--mirna-families", families, "-t", threads}), expected) << threads;
    }
}

TEST(ScanAlignments, HandBuiltGeneMissingAndBadInput) {
    dropin_dir d;
    // G1: a let-7 8mer (CUACCUCA) at 21-28 in human, mouse and rat; G2 only in the FASTA.
    const std::string utr = "ACGUACGUACGUACGUACGUCUACCUCAGGG";
    d.write("aligned.txt", "G1\t9606\t" + utr + "\nG1\t10090\t" + utr + "\nG1\t10116\t--" + utr.substr(2) + "\n");
    d.write("mirnas.fa", ">let-7a\nUGAGGUAGUAGGUUGUAUAGUU\n");
    d.write("utrs.fa", ">G1\n" + utr + "\n>G2\n" + utr + "\n");
    auto r = d.run({"scan", "utrs.fa", "--alignments", "aligned.txt", "--mirna-file", "mirnas.fa"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto rows = mirhit::test::data_lines(r.out);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_TRUE(rows[0].ends_with("\tclaim_citation\tbl\tpct")) << rows[0];
    // BL on the small tree: 0.1 + 0.2 + 0.3 + 0.4 + 0.6 = 1.6; PCT = 0.1 + 0.8 / (1 + e^(-2 * 1.6 + 3)) = 0.5399.
    EXPECT_TRUE(rows[1].starts_with("G1\tG1\tlet-7a\tGAGGUAG\t8mer\t21\t28\t")) << rows[1];
    EXPECT_TRUE(rows[1].ends_with("\t1.6000\t0.5399")) << rows[1];
    EXPECT_TRUE(rows[2].starts_with("G2\t") && rows[2].ends_with("\tNA\tNA")) << rows[2];  // not in the alignments, as --pct
    EXPECT_NE(r.out.find("\n## conservation: bl, pct: branch length and PCT (Friedman et al. 2008) of species 9606 sites, computed "
                         "from aligned.txt"),
              std::string::npos);

    // Alone: the human rows are the UTRs.
    r = d.run({"scan", "--alignments", "aligned.txt", "--mirna-file", "mirnas.fa", "--format", "jsonl"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("\"start\":21,\"end\":28,\"site_seq\":\"CUACCUCA\",\"near_stop\":false,\"claim_ids\":null,"
                         "\"claim_effect\":null,\"claim_citation\":null,\"bl\":1.6000,\"pct\":0.5399}"),
              std::string::npos)
        << r.out;

    auto expect_error = [&](const std::vector<std::string>& args, int code, const std::string& message) {
        const auto e = d.run(args);
        EXPECT_EQ(e.exit_code, code) << message;
        EXPECT_EQ(e.err, code == 2 ? message + "Run 'mirhit scan --help' for usage.\n" : message) << message;
    };
    d.write("bad.txt", "G1\t9606\t" + utr + "\nG1\t10090\n");
    expect_error({"scan", "--alignments", "bad.txt"}, 1,
                 "mirhit: error: bad.txt:2: expected 3 tab-separated fields (gene, species id, aligned UTR), found 2\n");
    d.write("split.txt", "G1\t9606\tACGU\nG2\t9606\tACGU\nG1\t10090\tACGU\n");
    expect_error({"scan", "--alignments", "split.txt"}, 1,
                 "mirhit: error: split.txt:3: gene 'G1' again, after other genes (first at line 1): mirhit scan needs each "
                 "gene's rows together\n");
    d.write("index.mhx", "");
    expect_error({"scan", "--index", "index.mhx", "--alignments", "aligned.txt"}, 2,
                 "mirhit: error: --alignments: does not apply to --index: give the UTR files, or the alignments alone as the "
                 "input\n");
    expect_error({"scan", "--alignments", "aligned.txt", "--pct-params", "none"}, 2,
                 "mirhit: error: --pct-params: 'none' is not a directory: --alignments needs TargetScan 7's PCT_parameters "
                 "(trees and PCT coefficients), in the working directory or given with --pct-params DIR\n");
    expect_error({"scan", "utrs.fa", "--mirna-families", "aligned.txt"}, 2, "mirhit: error: --mirna-families: needs --alignments\n");
    expect_error({"scan", "utrs.fa", "--alignments", "aligned.txt", "--pct", "aligned.txt"}, 2,
                 "mirhit: error: --alignments: computes what --pct reads: give one or the other\n");
}

TEST(ScanAlignments, GenesWithoutTheSpeciesAreSaidOnce) {
    dropin_dir d;
    d.write("aligned.txt", "G1\t9606\tACGUCUACCUCAGG\nG2\t10090\tACGU\nG3\t9606\t----\nG3\t10090\tACGU\n");
    const auto r = d.run({"scan", "--alignments", "aligned.txt", "--mirnas", "let-7a", "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "mirhit: warning: aligned.txt: 2 of 3 genes have no letters of species 9606 (G2, G3): no UTR and no BL "
                     "or PCT from them\n");
    EXPECT_NE(r.out.find("\n## utrs: aligned.txt (the species 9606 rows, gaps removed)\n"), std::string::npos) << r.out;
}
