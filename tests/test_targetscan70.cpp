#include <gtest/gtest.h>

#include <filesystem>
#include <iterator>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/targetscan70.hpp"
#include "io/targetscan_files.hpp"
#include "tests/test_support.hpp"

namespace ts = mirhit::targetscan70;

namespace {

// let-7: seed GAGGUAG, so 8mer CUACCUCA, 7mer-m8 CUACCUC, 7mer-1a UACCUCA, 6mer UACCUC.
const std::string let7_seed = "GAGGUAG";
// 14 letters that the mask turns into N and that take part in no let-7 site.
const std::string lead(14, 'G');

ts::gene_set make_gene(std::string name, const std::vector<std::pair<std::string, std::string>>& utrs) {
    ts::gene_set g;
    g.gene = std::move(name);
    for (const auto& [species, alignment] : utrs) g.set_utr(species, alignment);
    return g;
}

std::string rows_of(const ts::family_table& families, const ts::gene_set& gene, std::uint64_t offset = 0) {
    std::string out;
    ts::append_rows(out, gene.gene, ts::process_gene(families, gene), offset);
    return out;
}

ts::family_table let7(std::string_view species = "1;2;3;4") {
    ts::family_table t;
    t.add("let-7", let7_seed, species);
    return t;
}

std::string row(std::string_view fields) {
    std::string r(fields);
    for (char& c : r)
        if (c == '|') c = '\t';
    return r + "\n";
}

// Runs the file layer on these file contents in dir; returns the output file's text.
std::string run_files(const std::filesystem::path& dir, const std::string& families, const std::string& utrs,
                      unsigned threads = 1) {
    mirhit::test::write_file(dir / "families.txt", families);
    mirhit::test::write_file(dir / "utrs.txt", utrs);
    mirhit::io::run_targetscan70((dir / "families.txt").string(), (dir / "utrs.txt").string(),
                                 (dir / "out.txt").string(), threads);
    return mirhit::test::read_file(dir / "out.txt");
}

std::string error_of(const std::filesystem::path& dir, const std::string& families, const std::string& utrs) {
    try {
        run_files(dir, families, utrs);
    } catch (const mirhit::input_error& e) {
        return e.what();
    }
    return "no error";
}

const std::string header(ts::output_header);

}  // namespace

TEST(Targetscan70, EachSiteTypeAndSubsetRemoval) {
    // An 8mer, a 7mer-m8, a 7mer-1a and a 6mer; the 7mers and 6mers inside longer sites are dropped.
    auto g = make_gene("G", {{"1", lead + "CUACCUCA" + "GG" + "CUACCUCG" + "GG" + "GUACCUCA" + "GG" + "GUACCUCG"}});
    EXPECT_EQ(rows_of(let7(), g), row("G|let-7|1|15|22|15|22|1|8mer-1a|x|8mer-1a|1||0") +
                                      row("G|let-7|1|25|31|25|31|2|7mer-m8|x|7mer-m8|1||0") +
                                      row("G|let-7|1|36|42|36|42|3|7mer-1a|x|7mer-1a|1||0") +
                                      row("G|let-7|1|46|51|46|51|4|6mer|x|6mer|1||0"));
}

TEST(Targetscan70, SiteSpanningGaps) {
    // Leading gaps shift MSA columns; gaps inside the site widen MSA_end but not UTR_end, and the
    // gap after the first letter must not stop the 7mer-1a and 6mer from being recognised as subsets.
    auto g = make_gene("G", {{"1", "--" + lead + "C-UAC--CUCA" + "G"}});
    EXPECT_EQ(rows_of(let7(), g), row("G|let-7|1|17|27|15|22|1|8mer-1a|x|8mer-1a|1||0"));
}

TEST(Targetscan70, MaskSkipsGapsAndOtherCharacters) {
    std::string a = "--NNacgt-ACGTxx.UUUUUUUUAAAA";
    ts::normalize_alignment(a);
    EXPECT_EQ(a, "--NNNNNN-NNNNxx.NNNNNNUUAAAA");
    std::string t = "tttt";
    ts::normalize_alignment(t);
    EXPECT_EQ(t, "NNNN");
    std::string long_t = std::string(14, 'A') + "tTa";
    ts::normalize_alignment(long_t);
    EXPECT_EQ(long_t, std::string(14, 'N') + "UUa");
}

TEST(Targetscan70, FirstFourteenNucleotidesAreNotSearched) {
    // The C of the 8mer is the 14th nucleotide (N and gap not counted), so only the 7mer-1a is left;
    // it still counts the masked letters in UTR_start.
    auto g = make_gene("G", {{"1", "N-" + std::string(13, 'G') + "CUACCUCAG"}});
    EXPECT_EQ(rows_of(let7(), g), row("G|let-7|1|17|23|16|22|1|7mer-1a|x|7mer-1a|1||0"));
}

TEST(Targetscan70, OverlappingSitesOfOneFamilyAreKept) {
    // ACACACA pairs with UGUGUGU: GUGUGUGU holds a 6mer at 15-20 and a 7mer-m8 at 16-22 (whose
    // own 6mer at 17-22 is dropped). Sites of one species never group with each other.
    ts::family_table t;
    t.add("m", "ACACACA", "1");
    auto g = make_gene("G", {{"1", std::string(14, 'C') + "GUGUGUGU" + "CC"}});
    EXPECT_EQ(rows_of(t, g), row("G|m|1|15|20|15|20|1|6mer|x|6mer|1||0") +
                                 row("G|m|1|16|22|16|22|2|7mer-m8|x|7mer-m8|1||0"));
}

TEST(Targetscan70, GroupsBySharedStart) {
    auto g = make_gene("G", {{"1", lead + "CUACCUCAG"}, {"2", lead + "CUACCUCGG"}});
    EXPECT_EQ(rows_of(let7(), g), row("G|let-7|1|15|22|15|22|1|8mer-1a|x|7mer-m8+8mer-1a|1 2|1|0") +
                                      row("G|let-7|2|15|21|15|21|1|7mer-m8|x|7mer-m8+8mer-1a|1 2|1 2|0"));
}

TEST(Targetscan70, GroupsBySharedEnd) {
    auto g = make_gene("G", {{"1", lead + "CUACCUCAG"}, {"2", lead + "GUACCUCAG"}});
    EXPECT_EQ(rows_of(let7(), g), row("G|let-7|1|15|22|15|22|1|8mer-1a|x|7mer-1a+8mer-1a|1 2|1|0") +
                                      row("G|let-7|2|16|22|16|22|1|7mer-1a|x|7mer-1a+8mer-1a|1 2|1 2|0"));
}

TEST(Targetscan70, OverlapOfTwoColumnsGroupsOneDoesNot) {
    // 6mers at 15-20 and 19-24 overlap by two columns; at 15-20 and 20-25 by one.
    auto two = make_gene("G", {{"1", lead + "UACCUCGGGG"}, {"2", lead + "GGGGUACCUCG"}});
    EXPECT_EQ(rows_of(let7(), two), row("G|let-7|1|15|20|15|20|1|6mer|x|6mer|1 2||0") +
                                        row("G|let-7|2|19|24|19|24|1|6mer|x|6mer|1 2||0"));
    auto one = make_gene("G", {{"1", lead + "UACCUCGGGG"}, {"2", lead + "GGGGGUACCUCG"}});
    EXPECT_EQ(rows_of(let7(), one), row("G|let-7|1|15|20|15|20|1|6mer|x|6mer|1||0") +
                                        row("G|let-7|2|20|25|20|25|2|6mer|x|6mer|2||0"));
}

TEST(Targetscan70, ContainedSiteGroups) {
    // Species 1's 6mer spans 15-24 through gaps; species 2's lies inside it at 17-22.
    auto g = make_gene("G", {{"1", lead + "U--A--CCUCGG"}, {"2", lead + "GGUACCUCGG"}});
    EXPECT_EQ(rows_of(let7(), g), row("G|let-7|1|15|24|15|20|1|6mer|x|6mer|1 2||0") +
                                      row("G|let-7|2|17|22|17|22|1|6mer|x|6mer|1 2||0"));
}

TEST(Targetscan70, GroupsAreNeverMerged) {
    // Species 1 and 2 share sites A (15-20) and B (40-45), grouped as 1 and 2 in key order. Species
    // 3's long gapped site C (18-42) overlaps both: it joins group 1 and the groups stay apart.
    const std::string twin = lead + "UACCUC" + std::string(19, 'G') + "UACCUCGG";
    const std::string long_site = std::string(17, 'G') + "U" + std::string(19, '-') + "ACCUCGGG";
    auto g = make_gene("G", {{"1", twin}, {"2", twin}, {"3", long_site}});
    EXPECT_EQ(rows_of(let7(), g), row("G|let-7|1|15|20|15|20|1|6mer|x|6mer|1 2 3||0") +
                                      row("G|let-7|2|15|20|15|20|1|6mer|x|6mer|1 2 3||0") +
                                      row("G|let-7|3|18|42|18|23|1|6mer|x|6mer|1 2 3||0") +
                                      row("G|let-7|1|40|45|40|45|2|6mer|x|6mer|1 2||0") +
                                      row("G|let-7|2|40|45|40|45|2|6mer|x|6mer|1 2||0"));
}

TEST(Targetscan70, GroupTypeAndSpeciesWithThisSiteType) {
    // An 8mer counts as 7mer-1a, 7mer-m8 and 6mer; a 7mer counts as 6mer.
    auto g = make_gene("G", {{"1", lead + "CUACCUCAG"},
                             {"2", lead + "CUACCUCGG"},
                             {"3", lead + "GUACCUCGG"},
                             {"4", lead + "GUACCUCAG"}});
    const std::string types = "7mer-1a+7mer-m8+8mer-1a+6mer";
    EXPECT_EQ(rows_of(let7(), g), row("G|let-7|1|15|22|15|22|1|8mer-1a|x|" + types + "|1 2 3 4|1|0") +
                                      row("G|let-7|2|15|21|15|21|1|7mer-m8|x|" + types + "|1 2 3 4|1 2|0") +
                                      row("G|let-7|3|16|21|16|21|1|6mer|x|" + types + "|1 2 3 4|1 2 3 4|0") +
                                      row("G|let-7|4|16|22|16|22|1|7mer-1a|x|" + types + "|1 2 3 4|1 4|0"));
}

TEST(Targetscan70, SpeciesListsSortLikePerl) {
    // Unique, sorted as strings, then stably by number; a non-numeric id counts as 0.
    auto g = make_gene("G", {{"10", lead + "UACCUCG"},
                             {"9", lead + "UACCUCG"},
                             {"abc", lead + "UACCUCG"},
                             {"02", lead + "UACCUCG"},
                             {"2", lead + "UACCUCG"}});
    std::string out = rows_of(let7("10;9;abc;02;2"), g);
    EXPECT_EQ(out.substr(0, out.find('\n') + 1), row("G|let-7|02|15|20|15|20|1|6mer|x|6mer|abc 02 2 9 10||0"));
}

TEST(Targetscan70, OrfOverlapIsTestedOneColumnToTheRight) {
    auto families = let7();
    // Lower case just after the site counts, lower case at its first letter does not.
    EXPECT_EQ(rows_of(families, make_gene("A", {{"1", lead + "CUACCUCAg"}})),
              row("A|let-7|1|15|22|15|22|1|8mer-1a|x|8mer-1a|1||1"));
    EXPECT_EQ(rows_of(families, make_gene("B", {{"1", lead + "cUACCUCAG"}})),
              row("B|let-7|1|15|22|15|22|1|8mer-1a|x|8mer-1a|1||0"));
    EXPECT_EQ(rows_of(families, make_gene("C", {{"1", lead + "CUACcUCAG"}})),
              row("C|let-7|1|15|22|15|22|1|8mer-1a|x|8mer-1a|1||1"));
    // A lower-case t becomes an upper-case U before the test; a lower-case u stays lower case.
    EXPECT_EQ(rows_of(families, make_gene("D", {{"1", lead + "CUACCUCAt"}})),
              row("D|let-7|1|15|22|15|22|1|8mer-1a|x|8mer-1a|1||0"));
    EXPECT_EQ(rows_of(families, make_gene("E", {{"1", lead + "CUACCUCAu"}})),
              row("E|let-7|1|15|22|15|22|1|8mer-1a|x|8mer-1a|1||1"));
    EXPECT_EQ(rows_of(families, make_gene("F", {{"1", lead + "CtACCtCAG"}})),
              row("F|let-7|1|15|22|15|22|1|8mer-1a|x|8mer-1a|1||0"));
    // A site ending in the last column tests the columns that exist.
    EXPECT_EQ(rows_of(families, make_gene("H", {{"1", lead + "CUACCUCA"}})),
              row("H|let-7|1|15|22|15|22|1|8mer-1a|x|8mer-1a|1||0"));
}

TEST(Targetscan70, OnlyAnnotatedSpeciesAreSearched) {
    ts::family_table t;
    t.add("let-7", let7_seed, "1");
    t.add("other", "UGAGGUA", "2");  // pairs with UACCUCA as 7mer-m8 in species 2 only
    auto g = make_gene("G", {{"1", lead + "GUACCUCAG"}, {"2", lead + "GUACCUCAG"}, {"3", lead + "GUACCUCAG"}});
    EXPECT_EQ(rows_of(t, g), row("G|let-7|1|16|22|16|22|1|7mer-1a|x|7mer-1a|1||0") +
                                 row("G|other|2|16|22|16|22|2|7mer-m8|x|7mer-m8|2||0"));
}

TEST(Targetscan70, FamiliesInByteOrderAndGroupNumbersContinue) {
    ts::family_table t;
    t.add("miR-10", let7_seed, "1");
    t.add("miR-1/206", let7_seed, "1");
    t.add("miR-1", let7_seed, "1");
    t.add("Z", let7_seed, "1");
    auto g = make_gene("G", {{"1", lead + "UACCUCG"}});
    std::string tail = "|1|15|20|15|20|";
    EXPECT_EQ(rows_of(t, g, 7), row("G|Z" + tail + "8|6mer|x|6mer|1||0") +
                                    row("G|miR-1" + tail + "9|6mer|x|6mer|1||0") +
                                    row("G|miR-1/206" + tail + "10|6mer|x|6mer|1||0") +
                                    row("G|miR-10" + tail + "11|6mer|x|6mer|1||0"));
}

TEST(Targetscan70, RepeatedFamilyLineReplacesSeedAndAddsSpecies) {
    ts::family_table t;
    t.add("f", "AAAAAAA", "1");
    t.add("f", "gaggtag", "2");
    ASSERT_EQ(t.families().size(), 1u);
    EXPECT_EQ(t.families().begin()->second.seed, let7_seed);
    auto g = make_gene("G", {{"1", lead + "UACCUCG"}, {"2", lead + "UACCUCG"}});
    EXPECT_EQ(rows_of(t, g),
              row("G|f|1|15|20|15|20|1|6mer|x|6mer|1 2||0") + row("G|f|2|15|20|15|20|1|6mer|x|6mer|1 2||0"));
}

TEST(Targetscan70, BadFamilyFields) {
    ts::family_table t;
    EXPECT_THROW(t.add("f", "GAGGUA", "1"), ts::format_error);
    EXPECT_THROW(t.add("f", "GAGGUAGG", "1"), ts::format_error);
    EXPECT_THROW(t.add("f", "GAGNUAG", "1"), ts::format_error);
    EXPECT_THROW(t.add("", "GAGGUAG", "1"), ts::format_error);
    EXPECT_THROW(t.add("f", "GAGGUAG", ";;"), ts::format_error);
    EXPECT_TRUE(t.empty());
}

// File-level behaviour.

TEST(Targetscan70Files, GenesRepeatedLaterAreNewSetsAndGroupsCountOnAcrossGenes) {
    const std::string families = "let-7\tGAGGUAG\t1;2\n";
    const std::string site = lead + "UACCUCG";
    const std::string utrs = "A\t1\t" + site + "\nA\t2\t" + site + "\nB\t1\t" + site + "\nA\t2\t" + site + "\n";
    EXPECT_EQ(run_files(mirhit::test::temp_dir(), families, utrs),
              header + row("A|let-7|1|15|20|15|20|1|6mer|x|6mer|1 2||0") +
                  row("A|let-7|2|15|20|15|20|1|6mer|x|6mer|1 2||0") +
                  row("B|let-7|1|15|20|15|20|2|6mer|x|6mer|1||0") + row("A|let-7|2|15|20|15|20|3|6mer|x|6mer|2||0"));
}

TEST(Targetscan70Files, SkipsConsensusAndBlankLinesAndKeepsLastRowOfASpecies) {
    const std::string families = "\nlet-7\tGAGGUAG\t1;2\n  \n";
    const std::string utrs = "A\t0\t" + lead + "UACCUCG\n \t \nA\t\t" + lead + "UACCUCG\nA\t\t\nA\t1\t" + lead +
                             "UACCUCG\nA\t1\t" + lead + "GGUACCUCG\n";
    EXPECT_EQ(run_files(mirhit::test::temp_dir(), families, utrs),
              header + row("A|let-7|1|17|22|17|22|1|6mer|x|6mer|1||0"));
}

TEST(Targetscan70Files, CrlfInputGivesTheSameOutput) {
    const std::string families = "let-7\tGAGGUAG\t1;2\nmiR-1\tGGAAUGU\t1\n";
    // The last line has no line end.
    const std::string utrs =
        "A\t1\t" + lead + "CUACCUCAGACAUUCCAG\nA\t2\t" + lead + "GUACCUCAG\nB\t1\t" + lead + "UACCUCG";
    auto crlf = [](std::string s) {
        std::string out;
        for (char c : s) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
        return out;
    };
    const auto dir = mirhit::test::temp_dir();
    std::string lf = run_files(dir, families, utrs);
    EXPECT_EQ(lf, header + row("A|let-7|1|15|22|15|22|1|8mer-1a|x|7mer-1a+8mer-1a|1 2|1|0") +
                      row("A|let-7|2|16|22|16|22|1|7mer-1a|x|7mer-1a+8mer-1a|1 2|1 2|0") +
                      row("A|miR-1|1|24|31|24|31|2|8mer-1a|x|8mer-1a|1||0") +
                      row("B|let-7|1|15|20|15|20|3|6mer|x|6mer|1||0"));
    EXPECT_EQ(run_files(dir, crlf(families), crlf(utrs)), lf);
}

TEST(Targetscan70Files, ThreadsDoNotChangeTheOutput) {
    std::mt19937 rng(7);
    const char letters[] = "ACGUACGU-acgu";
    std::string families = "let-7\tGAGGUAG\t1;2;3\nmiR-1\tGGAAUGU\t1;3\nmiR-21\tAGCUUAU\t2;3\n";
    std::string utrs;
    for (int gene = 0; gene < 300; ++gene) {
        std::string base;
        for (int i = 0; i < 300; ++i) {
            base += letters[rng() % (sizeof letters - 1)];
            if (rng() % 40 == 0) base += "CUACCUCA";
        }
        for (const char* species : {"1", "2", "3"}) {
            std::string seq = base;
            for (int i = 0; i < 10; ++i) seq[rng() % seq.size()] = letters[rng() % (sizeof letters - 1)];
            utrs += "g" + std::to_string(gene % 250) + "\t" + species + "\t" + seq + "\n";
        }
    }
    const auto dir = mirhit::test::temp_dir();
    std::string one = run_files(dir, families, utrs, 1);
    EXPECT_GT(one.size(), 20000u);
    EXPECT_EQ(run_files(dir, families, utrs, 4), one);
}

TEST(Targetscan70Files, Errors) {
    const std::string families = "let-7\tGAGGUAG\t1\n";
    const std::string utrs = "A\t1\tACGU\n";
    const auto dir = mirhit::test::temp_dir();
    const std::string fam_path = (dir / "families.txt").string();
    const std::string utr_path = (dir / "utrs.txt").string();
    EXPECT_EQ(error_of(dir, "let-7\tGAGGUAG\t1\n\nmiR-1\tGAGG\t1\n", utrs),
              fam_path + ":3: seed 'GAGG' must be 7 nt of A, C, G, U/T");
    EXPECT_EQ(error_of(dir, "let-7\tGAGGUAG\n", utrs),
              fam_path + ":1: expected 3 tab-separated fields (miRNA family, seed, species ids), found 2");
    EXPECT_EQ(error_of(dir, "let-7\tGAGGUAG\t1\textra\n", utrs),
              fam_path + ":1: expected 3 tab-separated fields (miRNA family, seed, species ids), found 4");
    EXPECT_EQ(error_of(dir, "\tGAGGUAG\t1\n", utrs), fam_path + ":1: empty miRNA family id");
    EXPECT_EQ(error_of(dir, " \n\n", utrs), fam_path + ": no miRNA families found");
    EXPECT_EQ(error_of(dir, families, "A\t1\tACGU\r\nA\t1\r\n"),
              utr_path + ":2: expected 3 tab-separated fields (gene, species id, aligned UTR), found 2");
    EXPECT_EQ(error_of(dir, families, "A\n"),
              utr_path + ":1: expected 3 tab-separated fields (gene, species id, aligned UTR), found 1");
    EXPECT_EQ(error_of(dir, families, "\t1\tACGU\n"), utr_path + ":1: empty gene id");
    EXPECT_EQ(error_of(dir, families, "0\t1\tACGU\n"),
              utr_path + ":1: gene id '0' is not supported (targetscan_70.pl reads it as missing)");
    EXPECT_EQ(error_of(dir, families, "A\t0\tACGU\n\n"), utr_path + ": no aligned UTRs found");

    const std::string missing = (dir / "does_not_exist.txt").string();
    const std::string out = (dir / "missing_out.txt").string();
    try {
        mirhit::io::run_targetscan70(missing, utr_path, out, 1);
        ADD_FAILURE() << "no error for a missing family file";
    } catch (const mirhit::input_error& e) {
        EXPECT_EQ(std::string(e.what()), missing + ": cannot open: No such file or directory");
    }
    EXPECT_THROW(mirhit::io::run_targetscan70(fam_path, missing, out, 1), mirhit::input_error);
    // A failed run leaves nothing behind, not even a temporary file.
    EXPECT_FALSE(std::filesystem::exists(out));
    EXPECT_FALSE(std::filesystem::exists(dir / "out.txt"));
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()), 2);
}

TEST(Targetscan70Files, SampleMatchesReferenceOutput) {
    const auto dir = mirhit::test::shared_data("data/targetscan7");
    if (dir.empty()) GTEST_SKIP() << "TargetScan 7 sample data not found (set MIRHIT_SHARED to the shared folder)";
    const auto out = mirhit::test::temp_dir() / "out.txt";
    mirhit::io::run_targetscan70((dir / "sample-input/miR_Family_info_sample.txt").string(),
                                 (dir / "sample-input/UTR_Sequences_sample.txt").string(), out.string(), 2);
    const std::string expected = mirhit::test::read_file(dir / "sample-output/targetscan_70_output.txt");
    ASSERT_FALSE(expected.empty());
    // Not EXPECT_EQ: a mismatch would print both 17 kB files.
    EXPECT_TRUE(mirhit::test::read_file(out) == expected) << "output differs from the reference's sample output";
}
