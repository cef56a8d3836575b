#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "io/byte_source.hpp"
#include "io/line_reader.hpp"
#include "io/targetscan_context_files.hpp"
#include "scoring/context_features.hpp"
#include "scoring/context_model.hpp"
#include "scoring/targetscan_context.hpp"
#include "mirhit/version.hpp"
#include "tests/test_support.hpp"

namespace sc = mirhit::scoring;
namespace tc = mirhit::targetscan_context;
using mirhit::site_type;

namespace {

// let-7a: nt 1 U, seed (nt 2-8) GAGGUAG, nt 9-22 UAGGUUGUAUAGUU; nt 13-16 are U, U, G, U.
const std::string let7a = "UGAGGUAGUAGGUUGUAUAGUU";
// Reading the UTR 5' to 3', "ACAA" pairs with nt 16-13; N pairs with nothing.
const std::string eight_mer = "CUACCUCA";

// The drop-in reads two optional files from the working directory; tests run it from their own.
class working_directory {
public:
    explicit working_directory(const std::filesystem::path& dir) : previous_(std::filesystem::current_path()) {
        std::filesystem::current_path(dir);
    }
    working_directory(const working_directory&) = delete;
    working_directory& operator=(const working_directory&) = delete;
    ~working_directory() { std::filesystem::current_path(previous_); }

private:
    std::filesystem::path previous_;
};

// A tab-separated line written with ';' between fields (the pairing columns hold '|').
std::string line(std::string_view fields) {
    std::string r(fields);
    std::replace(r.begin(), r.end(), ';', '\t');
    return r + "\n";
}

std::vector<std::string> split_tabs(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string field;
    while (std::getline(in, field, '\t')) out.push_back(field);
    if (!text.empty() && text.back() == '\t') out.emplace_back();
    return out;
}

// A number as written in TargetScan's parameter file.
std::string number_text(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.15g", v);
    return text;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string l;
    while (std::getline(in, l)) out.push_back(l);
    return out;
}

// A small constructed data set: let-7 sites in two genes, G1 in human and mouse (mouse in DNA
// letters, the miRNA in lower case), G2 in human only and without AIRs; no ORF length for G1 in
// mouse. TA and SPS are made-up values for the one seed.
struct sample_files {
    std::filesystem::path dir;
    mirhit::io::targetscan_context_files files;
};

sample_files write_sample(const std::filesystem::path& dir) {
    namespace t = mirhit::test;
    t::write_file(dir / "mirnas.txt",
                  "let-7\t9606\thsa-let-7a\tUGAGGUAGUAGGUUGUAUAGUU\n"
                  "let-7\t9606\thsa-let-7d\tAGAGGUAGUAGGUUGCAUAGUU\n"
                  "let-7\t10090\tmmu-let-7a\tugagguaguagguuguauaguu\n"
                  "miR-1\t9606\thsa-miR-1\tUGGAAUGUAAAGAAGUAUGUAU\n");
    t::write_file(dir / "utrs.txt",
                  "G1\t9606\tAAUUUACCUCAGGCAUUAGC--AAGUUCACCUACCUCAAUAUUUGCAGUCAA-UGGACCAUUCCAAGUACCUC\n"
                  "G1\t10090\tAATTTACCTCAGGCATTAGCAAGCTACCTCGATATTTGCAGTCAATGGACCATTCCAAGGTACCTC\n"
                  "G1\t7227\tAAUUUACCUCAGGCAUUAGCAAGUUCACCUACCUCAAUAUUUGCAGUCAAUGGACCAUUCCAAGUACCUC\n"
                  "G2\t9606\tGCUACCUUGCGGCCGCAUUGGACUACCUCUGCCAAUCAUUACCUCAGUUGG\n");
    t::write_file(dir / "targets.txt",
                  line("Gene_ID;miRNA_family_ID;species_ID;MSA_start;MSA_end;UTR_start;UTR_end;Group_num;Site_type;"
                       "miRNA in this species;Group_type;Branch length score;Pct;Conserved") +
                      line("G1;let-7;9606;5;11;5;11;1;7mer-1a;x;7mer-1a;0.5;0.12;") +
                      line("G1;let-7;9606;31;38;29;36;2;8mer-1a;x;7mer-m8+8mer-1a;1.2;0.65;x") +
                      line("G1;let-7;10090;5;11;5;11;1;7mer-1a;x;7mer-1a;0.5;0.12;") +
                      line("G1;let-7;10090;31;37;24;30;2;7mer-m8;x;7mer-m8+8mer-1a;1.2;0.65;x") +
                      line("G1;let-7;7227;31;38;29;36;2;8mer-1a;x;8mer-1a;1.2;0.65;x") +
                      line("G1;miR-1;10090;40;46;36;42;3;7mer-m8;x;7mer-m8;0.2;0.01;") +
                      line("G1;let-7;9606;68;73;65;70;4;6mer;x;6mer;0.1;NA;") +
                      line("G1;let-7;10090;68;73;61;66;4;6mer;x;6mer;0.1;NA;") +
                      line("G2;let-7;9606;23;29;23;29;5;7mer-m8;x;7mer-m8;0.3;0.0;") +
                      line("G2;let-7;9606;40;46;40;46;6;7mer-1a;x;7mer-1a;0.3"));
    t::write_file(dir / "orf_lengths.txt", "G1\t9606\t1500\nG2\t9606\t900\n");
    t::write_file(dir / "orf_8mers.txt", "G1\t9606\tGAGGUAG\t2\nG1\t10090\tGAGGUAG\t1\nG2\t9606\tGAGGUAG\t0\n");
    t::write_file(dir / "airs.txt", "G1\t1\t40\t100\nG1\t41\t60\t35.5\nG1\t61\t70\t12.25\n");
    t::write_file(dir / "TA_SPS_by_seed_region.txt",
                  "Seed region\tSPS (8mer and 7mer-m8)\tSPS (7mer-1a and 6mer)\tTA\nGAGGUAG\t-9.000\t-6.500\t3.500\n");
    sample_files s{dir, {}};
    auto path = [&](const char* name) { return (dir / name).string(); };
    s.files = {path("mirnas.txt"), path("utrs.txt"), path("targets.txt"), path("orf_lengths.txt"),
               path("orf_8mers.txt"), path("airs.txt"), path("out.txt")};
    return s;
}

std::string run(const sample_files& s, bool fixed = false, unsigned threads = 1) {
    working_directory cwd(s.dir);
    mirhit::io::run_targetscan_context(s.files, fixed, threads, "mirhit targetscan-context (test)");
    return mirhit::test::read_file(s.files.output);
}

std::string error_of(const sample_files& s) {
    try {
        run(s);
    } catch (const mirhit::input_error& e) {
        return e.what();
    }
    return "no error";
}

// The expected output for the sample: checked against targetscan_70_context_scores.pl (without
// RNAplfold) on the same files, except SA (column 21) and the scores that depend on it, which are
// mirhit's in-process RNAplfold values (checked against RNAplfold and TargetScan's sample in the
// Accessibility tests and SampleMatchesReferenceInEveryColumn).
const std::vector<std::string> sample_rows = {
    "G1;9606;hsa-let-7a;7mer-1a;5;11;-0.195;too_close;too_close;-0.022;0;0;0;-0.000;0.000;-0.017;0;0;0;-0.079;0;0.027;-0.116;-0.020;NA;NA;-0.013;too_close;NA;1;0.0000;0;   NNNNNNNNNNNNAAUUUACCUCAG;                   ||||||  ;    UUGAUAUGUUGGAUGAUGGAGU ;let-7;1",
    "G1;9606;hsa-let-7d;7mer-1a;5;11;-0.195;too_close;too_close;-0.022;-0.025;-0.000;0.000;-0.000;0.000;-0.017;0;0;0;-0.079;0;0.027;-0.116;-0.020;NA;NA;-0.013;too_close;NA;1;0.0000;0;   NNNNNNNNNNNNAAUUUACCUCAG;                   ||||||  ;    UUGAUACGUUGGAUGAUGGAGA ;let-7;1",
    "G1;9606;hsa-let-7a;8mer-1a;29;36;-0.589;-0.032;-0.147;-0.026;0;0;0;0.000;0.000;0.015;0;0;0;-0.179;-0.085;0.082;-0.236;-0.020;0.114;0.080;-0.082;-1.105;75;1;-1.1050;; CAUUAGCAAGUUCACCUACCUCA;       |||      ||||||| ;UUGAUAUGUUGGAU--GAUGGAGU;let-7;2",
    "G1;9606;hsa-let-7d;8mer-1a;29;36;-0.589;-0.048;-0.147;-0.026;-0.018;-0.000;0.000;0.000;0.000;0.015;0;0;0;-0.179;-0.085;0.082;-0.236;-0.020;0.114;0.080;-0.082;-1.139;75;1;-1.1390;; CAUUAGCAAGUUCACCUACCUCA;      ||||      ||||||| ;UUGAUACGUUGGAU--GAUGGAGA;let-7;2",
    "G1;10090;mmu-let-7a;7mer-1a;5;11;-0.195;too_close;too_close;-0.022;0;0;0;-0.000;0.000;-0.017;0;0;0;-0.081;0;-0.183;-0.058;-0.020;too_close;too_close;-0.013;too_close;NA;1;0.0000;0;   NNNNNNNNNNNNAAUUUACCUCAG;                   ||||||  ;    UUGAUAUGUUGGAUGAUGGAGU ;let-7;1",
    "G1;10090;mmu-let-7a;7mer-m8;24;30;-0.224;-0.033;-0.087;-0.013;0;0;0;0.000;-0.000;-0.008;0;0;0;-0.097;-0.095;-0.290;-0.044;-0.011;0.073;0.051;-0.086;-0.864;50;1;-0.8640;;   UCAGGCAUUAGCAAGCUACCUCG;                  ||||||| ;    UUGAUAUGUUGGAUGAUGGAGU;let-7;2",
    "G1;9606;hsa-let-7a;6mer;65;70;-0.079;-0.010;-0.019;-0.033;0;0;0;-0.000;0.000;0.006;-0.000;0.015;0.000;-0.021;0;0.012;-0.120;-0.010;0.029;0.014;0;-0.216;0;0.1225;-0.0248;25;NAUGGACCAUUCCAAGUACCUCN;                |||||| ; UUGAUAUGUUGGAUGAUGGAGU;let-7;4",
    "G1;9606;hsa-let-7d;6mer;65;70;-0.079;-0.010;-0.019;-0.033;-0.002;0.000;0.000;-0.000;0.000;0.006;-0.000;0.015;0.000;-0.021;0;0.012;-0.120;-0.010;0.029;0.014;0;-0.218;0;0.1225;-0.0250;25;NAUGGACCAUUCCAAGUACCUCN;                |||||| ; UUGAUACGUUGGAUGAUGGAGA;let-7;4",
    "G1;10090;mmu-let-7a;6mer;61;66;-0.079;-0.014;-0.013;-0.033;0;0;0;-0.000;0.000;0.006;-0.002;0.000;0.000;-0.022;0;-0.084;-0.060;-0.010;0.029;0.014;0;-0.268;0;0.1225;-0.0303;50;   NUGGACCAUUCCAAGGUACCUCN;                   |||||| ;    UUGAUAUGUUGGAUGAUGGAGU;let-7;4",
    "G2;9606;hsa-let-7a;7mer-m8;23;29;-0.224;-0.022;-0.091;-0.052;0;0;0;0.000;-0.000;-0.008;0;0;0;-0.308;-0.096;0.019;-0.000;-0.000;0.073;0.051;-0.000;-0.658;50;1;-0.6580;75;UGCGGCCGCAUUGGACUACCUCU;               ||||||| ; UUGAUAUGUUGGAUGAUGGAGU;let-7;5",
    "G2;9606;hsa-let-7d;7mer-m8;23;29;-0.224;-0.044;-0.091;-0.052;0.010;0.000;0.000;0.000;-0.000;-0.008;0;0;0;-0.308;-0.096;0.019;-0.000;-0.000;0.073;0.051;-0.000;-0.670;50;1;-0.6700;75;UGCGGCCGCAUUGGACUACCUCU;       |||     ||||||| ; UUGAUACGUUGGAUGAUGGAGA;let-7;5",
    "G2;9606;hsa-let-7a;7mer-1a;40;46;-0.195;-0.048;-0.032;-0.038;0;0;0;-0.000;0.000;-0.017;0;0;0;-0.256;-0.065;0.012;-0.000;-0.000;0.056;0.036;0;-0.547;25;0.355;-0.1714;50;ACCUCUGCCAAUCAU-UACCUCAG;        |||     ||||||  ; UUGAUAUGUUGGAUGAUGGAGU ;let-7;6",
    "G2;9606;hsa-let-7d;7mer-1a;40;46;-0.195;-0.048;-0.032;-0.038;-0.025;-0.000;0.000;-0.000;0.000;-0.017;0;0;0;-0.256;-0.065;0.012;-0.000;-0.000;0.056;0.036;0;-0.572;25;0.355;-0.1782;50;ACCUCUGCCAAUCAU-UACCUCAG;        |||     ||||||  ; UUGAUACGUUGGAUGAUGGAGA ;let-7;6",
};

}  // namespace

// Features.

TEST(ContextFeatures, ThreePrimePairingAtOffsetZero) {
    // ACAA pairs with nt 16-13 at offset 0: four pairs at nt 13-16, +1 each.
    const auto p = sc::three_prime_pairing_of("NNNNNNNACAANNNN" + eight_mer + "GG", 15, 23, site_type::eight_mer, let7a);
    EXPECT_EQ(p.score, 4.0);
    EXPECT_EQ(p.utr, "NNNNNNNACAANNNNCUACCUCA");
    EXPECT_EQ(p.pairing, "       ||||    ||||||| ");
    EXPECT_EQ(p.mirna, " UUGAUAUGUUGGAUGAUGGAGU");
    // DNA letters and lower case read the same.
    std::string utr = "nnnnnnnacaannnnctacctcagg", mirna = "tgaggtagtaggttgtatagtt";
    const auto q = sc::three_prime_pairing_of(utr, 15, 23, site_type::eight_mer, mirna);
    EXPECT_EQ(q.score, 4.0);
    EXPECT_EQ(q.utr, p.utr);
    EXPECT_EQ(q.pairing, p.pairing);
    EXPECT_EQ(q.mirna, p.mirna);
}

TEST(ContextFeatures, ThreePrimePairingAtOtherOffsets) {
    // Three nt further upstream: the UTR gets a 3-nt gap, 4 - (3 - 2) / 2 = 3.5.
    const auto top = sc::three_prime_pairing_of("NNNNNNNNNNACAAN" + eight_mer + "GG", 15, 23, site_type::eight_mer, let7a);
    EXPECT_EQ(top.score, 3.5);
    EXPECT_EQ(top.utr, "NNNNNNNNNNACAAN---CUACCUCA");
    EXPECT_EQ(top.pairing, "          ||||    ||||||| ");
    EXPECT_EQ(top.mirna, "    UUGAUAUGUUGGAUGAUGGAGU");
    // Two nt closer: the miRNA gets a 2-nt gap, which costs nothing: 4.
    const auto bottom = sc::three_prime_pairing_of("NNNNNACAANNNNNN" + eight_mer + "GG", 15, 23, site_type::eight_mer, let7a);
    EXPECT_EQ(bottom.score, 4.0);
    EXPECT_EQ(bottom.utr, " NNNNNACAANNNNNNCUACCUCA");
    EXPECT_EQ(bottom.pairing, "      ||||      ||||||| ");
    EXPECT_EQ(bottom.mirna, "UUGAUAUGUUGGAU--GAUGGAGU");
}

TEST(ContextFeatures, WeakThreePrimePairingIsHiddenFromTheDiagram) {
    // CC pairs with nt 12-11: 0.5 + 0.5 = 1 < 3, so the diagram keeps only the seed.
    const auto p = sc::three_prime_pairing_of("NNNNNNNNNNNCCNN" + eight_mer + "GG", 15, 23, site_type::eight_mer, let7a);
    EXPECT_EQ(p.score, 1.0);
    EXPECT_EQ(p.pairing, "               ||||||| ");
    EXPECT_EQ(p.utr, "NNNNNNNNNNNCCNNCUACCUCA");
    // A weak run next to the seed forms one group with it and stays.
    const auto q = sc::three_prime_pairing_of("NNNNNNNNNNNNNUA" + eight_mer + "GG", 15, 23, site_type::eight_mer, let7a);
    EXPECT_EQ(q.score, 1.0);
    EXPECT_EQ(q.pairing, "             ||||||||| ");
}

TEST(ContextFeatures, ThreePrimePairingOfSevenMerA1AndSixMer) {
    // 7mer-A1: aligned from nt 8, one nt further out; the same ACAA pairs nt 13-16.
    const auto a1 = sc::three_prime_pairing_of("NNNNNNACAANNNNNUACCUCAGG", 15, 22, site_type::seven_mer_a1, let7a);
    EXPECT_EQ(a1.score, 4.0);
    EXPECT_EQ(a1.utr, "NNNNNNACAANNNNNUACCUCAG");
    EXPECT_EQ(a1.pairing, "      ||||     ||||||  ");
    EXPECT_EQ(a1.mirna, "UUGAUAUGUUGGAUGAUGGAGU ");
    // 6mer: the UTR nt opposite nt 8 is skipped, and the 3' bars are drawn one column right of
    // the ACAA they stand for.
    const auto six = sc::three_prime_pairing_of("NNNNNNACAAGNCAUUACCUCGG", 15, 21, site_type::six_mer, let7a);
    EXPECT_EQ(six.score, 4.0);
    EXPECT_EQ(six.utr, "NNNNNNNNACAAGNCAUUACCUCG");
    EXPECT_EQ(six.pairing, "         ||||    |||||| ");
    EXPECT_EQ(six.mirna, "  UUGAUAUGUUGGAUGAUGGAGU");
    // Contributions: coefficient × (score - 1) / 2.5.
    EXPECT_NEAR(sc::contribution(sc::feature::three_prime_pairing, 2, 4.0), -0.072, 1e-12);
    EXPECT_NEAR(sc::contribution(sc::feature::three_prime_pairing, 3, 4.0), -0.0288, 1e-12);
}

TEST(ContextFeatures, ThreePrimePairingRejectsWhatItCannotScore) {
    EXPECT_THROW(sc::three_prime_pairing_of("AAAACUACCUCAAAA", 4, 10, site_type::offset_six_mer, let7a),
                 std::invalid_argument);
    EXPECT_THROW(sc::three_prime_pairing_of("AAAACUACCUCA", 4, 13, site_type::eight_mer, let7a), std::invalid_argument);
    EXPECT_THROW(sc::three_prime_pairing_of("AAAACUACCUCA", 4, 12, site_type::eight_mer, "UGAGGUA"), std::invalid_argument);
}

TEST(ContextFeatures, LocalAuWeightsPerSiteType) {
    // 30 A's upstream and 30 G's downstream. Weights 1/d sum to 3.99499 over 30 nt, 1/(d + 1) to
    // 3.02725; a type leaves the position next to it unpaired upstream (7mer-A1, 6mer) or
    // downstream (8mer, 7mer-A1), and those positions get 1/(d + 1).
    const std::string a(30, 'A'), g(30, 'G');
    EXPECT_DOUBLE_EQ(sc::local_au(a + "CUACCUCA" + g, 30, 38, site_type::eight_mer), 0.569);  // 3.99499 / 7.02223
    EXPECT_DOUBLE_EQ(sc::local_au(a + "CUACCUC" + g, 30, 37, site_type::seven_mer_m8), 0.5);
    EXPECT_DOUBLE_EQ(sc::local_au(a + "UACCUCA" + g, 30, 37, site_type::seven_mer_a1), 0.5);
    EXPECT_DOUBLE_EQ(sc::local_au(a + "UACCUC" + g, 30, 36, site_type::six_mer), 0.431);  // 3.02725 / 7.02223
    EXPECT_DOUBLE_EQ(sc::local_au(g + "CUACCUCA" + a, 30, 38, site_type::eight_mer), 0.431);
    EXPECT_DOUBLE_EQ(sc::local_au(g + "UACCUC" + a, 30, 36, site_type::six_mer), 0.569);
    // Only 30 nt count on each side.
    EXPECT_DOUBLE_EQ(sc::local_au("GGGG" + a + "UACCUC" + g + "AAAA", 34, 40, site_type::six_mer), 0.431);
}

TEST(ContextFeatures, LocalAuNearUtrEnds) {
    // Nothing upstream; downstream A (1/2) and G (1/3): 0.5 / 0.8333.
    EXPECT_DOUBLE_EQ(sc::local_au("CUACCUCAAG", 0, 8, site_type::eight_mer), 0.6);
    // U, T and lower case count: (1 + 1/2 + 1/3) / (1 + 1/2 + 1/3 + 1/4).
    EXPECT_DOUBLE_EQ(sc::local_au("CUACCUCtAuC", 0, 7, site_type::seven_mer_m8), 0.88);
    // Two nt upstream of a 7mer-m8, A next to the site (1) and G (1/2), none downstream.
    EXPECT_DOUBLE_EQ(sc::local_au("GACUACCUC", 2, 9, site_type::seven_mer_m8), 0.667);
    // A site that is the whole UTR has no flank.
    EXPECT_EQ(sc::local_au("CUACCUCA", 0, 8, site_type::eight_mer), 0.0);
}

TEST(ContextFeatures, MinDistance) {
    EXPECT_EQ(sc::min_distance(10, 18, 100), 10u);
    EXPECT_EQ(sc::min_distance(80, 88, 100), 12u);
    EXPECT_EQ(sc::min_distance(6, 12, 18), 6u);  // a tie takes the 5' side: the same number
    EXPECT_EQ(sc::min_distance(0, 8, 8), 0u);
}

TEST(ContextFeatures, NucleotideIdentities) {
    const auto u1 = sc::mirna_identity(let7a, 1);
    EXPECT_FALSE(u1.scored);
    const auto g8 = sc::mirna_identity(let7a, 8);
    EXPECT_TRUE(g8.scored && g8.g && !g8.a && !g8.c);
    const auto a1 = sc::mirna_identity("agagguaguagguugcauaguu", 1);
    EXPECT_TRUE(a1.scored && a1.a);
    // The reference does not read a miRNA's T as U: three zero indicators.
    const auto t1 = sc::mirna_identity("TGAGGTAGTAGGTTGTATAGTT", 1);
    EXPECT_TRUE(t1.scored && !t1.a && !t1.c && !t1.g);
    EXPECT_THROW(sc::mirna_identity(let7a, 2), std::invalid_argument);

    // 7mer-A1: the nucleotide just 5' of the site.
    const auto g = sc::site8_identity("NNNNNNNNNNNNNNGUACCUCAGG", 15, 22, site_type::seven_mer_a1);
    EXPECT_TRUE(g.scored && g.g);
    const auto t = sc::site8_identity("NNNNNNNNNNNNNNtUACCUCAGG", 15, 22, site_type::seven_mer_a1);
    EXPECT_FALSE(t.scored);
    // 6mer: the third nucleotide 5' of the site (C), not the adjacent U.
    const auto c = sc::site8_identity("NNNNNNACAAGNCAUUACCUCGG", 15, 21, site_type::six_mer);
    EXPECT_TRUE(c.scored && c.c);
}

TEST(ContextFeatures, WeightedContextScore) {
    // log2(1 + AIR (2^score - 1)): with half the isoforms carrying the site, -0.3 becomes -0.1422.
    EXPECT_NEAR(sc::weighted_context_score(-0.3, 0.5), -0.1422161033279691, 1e-15);
    EXPECT_NEAR(sc::weighted_context_score(-0.3, 1.0), -0.3, 1e-15);
    EXPECT_EQ(sc::weighted_context_score(-0.3, 0.0), 0.0);
    EXPECT_EQ(sc::round_like_printf(sc::weighted_context_score(-0.3, 0.5), 4), -0.1422);
}

TEST(ContextFeatures, RoundAndCap) {
    // Rounded first, then capped from above: 8mer -0.03, 7mer-m8 -0.02, 7mer-A1 -0.01, 6mer 0.
    auto c = sc::round_and_cap(-0.0251, site_type::eight_mer);
    EXPECT_TRUE(c.capped);
    EXPECT_EQ(c.value, -0.03);
    c = sc::round_and_cap(-0.0304, site_type::eight_mer);
    EXPECT_FALSE(c.capped);
    EXPECT_EQ(c.value, -0.03);
    c = sc::round_and_cap(0.0006, site_type::six_mer);
    EXPECT_TRUE(c.capped);
    EXPECT_EQ(c.value, 0.0);
    c = sc::round_and_cap(-0.0004, site_type::six_mer);  // "-0.000": not above 0
    EXPECT_FALSE(c.capped);
    EXPECT_TRUE(std::signbit(c.value));
    c = sc::round_and_cap(-0.41249, site_type::seven_mer_m8);
    EXPECT_FALSE(c.capped);
    EXPECT_EQ(c.value, -0.412);
    EXPECT_EQ(sc::round_like_printf(0.0625, 3), 0.062);  // ties of the binary value go to even
}

// The drop-in's logic.

TEST(TargetscanContext, NumbersAsThePerlScriptSeesThem) {
    for (const char* s : {"1", "-0.5", "+3", ".5", "5.", "1e5", "2.5E-3"}) EXPECT_TRUE(tc::perl_value::text(s).number) << s;
    for (const char* s : {"", "NA", "1e", "0x1", " 1", "1 ", "."}) EXPECT_FALSE(tc::perl_value::text(s).number) << s;
    EXPECT_FALSE(tc::perl_value::text("0").truthy);
    EXPECT_TRUE(tc::perl_value::text("0.0").truthy);
    EXPECT_FALSE(tc::perl_value::text("").truthy);
    EXPECT_EQ(tc::perl_value::text("+3").value, 3.0);
    const auto p = tc::parameters::builtin();
    EXPECT_EQ(p.intercept_text(0), "-0.589");
    EXPECT_EQ(p.contribution(sc::feature::orf_8mers, 0, tc::perl_value::text("NA")), "0");
    EXPECT_EQ(p.contribution(sc::feature::orf_8mers, 0, tc::perl_value::text("0")), "-0.000");
    EXPECT_EQ(p.contribution(sc::feature::orf_8mers, 0, 2.0), "-0.236");
}

TEST(TargetscanContext, PercentilesAsThePerlScriptComputesThem) {
    auto text = [] {
        std::string t;
        for (int i = 0; i < 37; ++i) t += (i ? "\t" : "") + std::string(i == 28 || i == 31 ? "NA" : "f" + std::to_string(i));
        return t;
    }();
    using k = tc::score_key;
    tc::percentile_table table;
    // Scores "0" (a capped 6mer), "-0.100", "-0.200", and a too_close site; weighted scores
    // "0.0000", "-0.0500", "-0.1000", "0.0000".
    const std::vector<tc::scored_line> lines = {
        {text, "m", {0, k::cap}, {0, k::plain}},
        {text, "m", {-100, k::plain}, {-500, k::plain}},
        {text, "m", {-200, k::plain}, {-1000, k::plain}},
        {text, "m", {}, {0, k::plain}},
    };
    std::vector<tc::percentile_table::line_keys> keys;
    for (const auto& l : lines) keys.push_back(table.add(l));
    table.compute();
    auto ranks = [&](std::size_t i) {
        const auto f = split_tabs(table.finish(text, keys[i]));
        return f[28] + "/" + f[31];
    };
    // After the Perl-false "0" the next score keeps the rank 0 (not 33); -0.200 is 2 of 3 down:
    // 66. Weighted ranks share that counter, and the weighted list is one longer than the list of
    // scores, so its last (-0.1000) gets no rank.
    EXPECT_EQ(ranks(0), "0/0");
    EXPECT_EQ(ranks(1), "0/66");
    EXPECT_EQ(ranks(2), "66/");
    EXPECT_EQ(ranks(3), "NA/0");
    EXPECT_EQ(split_tabs(table.finish(text, keys[2])).size(), 37u);
}

// The drop-in on files.

TEST(TargetscanContextFiles, SmallDataSet) {
    const auto s = write_sample(mirhit::test::temp_dir());
    std::string expected(tc::output_header);
    for (const auto& r : sample_rows) expected += line(r);
    EXPECT_EQ(run(s), expected);
}

TEST(TargetscanContextFiles, MissingInputsAndOffset6mersWithFixed) {
    const auto s = write_sample(mirhit::test::temp_dir());
    const auto original = lines_of(run(s));
    const auto fixed = lines_of(run(s, true));
    const std::vector<std::string> header = {
        "## mirhit " + std::string(mirhit::version),
        "## command: mirhit targetscan-context (test)",
        "## fixed: Off6m counts the offset 6mers in each 3'UTR isoform (the original counts 1); missing inputs are "
        "NA and left out of the score (the original scores them from 0)",
        "## parameters: built-in (Agarwal et al. 2015, eLife 4:e05005)",
        "## TA and SPS: TA_SPS_by_seed_region.txt (working directory)",
        "## SA: computed in-process as RNAplfold -W 80 -L 40 -u 20 (ViennaRNA < 2.4; base pairs j - i <= 40), "
        "Turner 2004, 37 C; 6mer stretch ends opposite miRNA nt 1",
        "## AIRs: none for 1 UTR (G2 9606): one isoform, the whole UTR, AIR 1",
        "## isoforms: 2 sites reached by no isoform with AIR: scored on the whole UTR",
        "## ORF lengths: none for 1 UTR (G1 10090): ORF length and ORF 8mer contributions NA",
    };
    ASSERT_EQ(fixed.size(), original.size() + header.size());
    EXPECT_EQ(std::vector<std::string>(fixed.begin(), fixed.begin() + static_cast<std::ptrdiff_t>(header.size())), header);

    struct change {
        std::size_t line, column;  // output line (1 = first row), 1-based column
        std::string original, fixed;
    };
    const std::vector<change> changes = {
        // The 7mer-A1 sites at 5-11 have no 14 nt ending at 11 (the original writes 0), and the
        // 6mer stretches run past the UTR end with either shift.
        {1, 21, "0", "NA"}, {2, 21, "0", "NA"}, {5, 21, "0", "NA"}, {7, 21, "0", "NA"}, {8, 21, "0", "NA"},
        {9, 21, "0", "NA"},
        // G1 in mouse has no ORF length: raw 0 (log10) gave -0.183 / -0.290 / -0.084; now NA, and
        // the ORF 8mer count goes with it.
        {5, 22, "-0.183", "NA"}, {5, 23, "-0.058", "NA"},
        {6, 22, "-0.290", "NA"}, {6, 23, "-0.044", "NA"}, {6, 28, "-0.864", "-0.530"}, {6, 31, "-0.8640", "-0.5300"},
        {9, 22, "-0.084", "NA"}, {9, 23, "-0.060", "NA"}, {9, 28, "-0.268", "-0.124"}, {9, 31, "-0.0303", "-0.0146"},
        // G2 has no AIRs: 3'UTR length from log10(51) instead of 0 (7mer-m8: 0.154 × (1.708 -
        // 2.409) / 1.206 = -0.090), Min_dist from 22 nt instead of 0, and two offset 6mers
        // (CUACCU) instead of one, nothing else. Its second site keeps AIR 1 instead of inheriting
        // 35.5% from G1.
        {10, 10, "-0.052", "-0.005"}, {10, 20, "-0.308", "-0.090"}, {10, 24, "-0.000", "-0.022"},
        {10, 28, "-0.658", "-0.415"}, {10, 31, "-0.6580", "-0.4150"},
        {11, 10, "-0.052", "-0.005"}, {11, 20, "-0.308", "-0.090"}, {11, 24, "-0.000", "-0.022"},
        {11, 28, "-0.670", "-0.427"}, {11, 31, "-0.6700", "-0.4270"},
        {12, 10, "-0.038", "-0.020"}, {12, 20, "-0.256", "-0.075"}, {12, 24, "-0.000", "-0.040"},
        {12, 28, "-0.547", "-0.388"}, {12, 30, "0.355", "1"}, {12, 31, "-0.1714", "-0.3880"},
        {13, 10, "-0.038", "-0.020"}, {13, 20, "-0.256", "-0.075"}, {13, 24, "-0.000", "-0.040"},
        {13, 28, "-0.572", "-0.413"}, {13, 30, "0.355", "1"}, {13, 31, "-0.1782", "-0.4130"},
    };
    std::size_t checked = 0;
    for (std::size_t l = 0; l < original.size(); ++l) {
        auto a = split_tabs(original[l]), b = split_tabs(fixed[l + header.size()]);
        ASSERT_EQ(a.size(), b.size()) << "line " << l;
        for (std::size_t c = 0; c < a.size(); ++c) {
            auto it = std::find_if(changes.begin(), changes.end(),
                                   [&](const change& x) { return x.line == l && x.column == c + 1; });
            if (it == changes.end()) {
                EXPECT_EQ(a[c], b[c]) << "line " << l << " column " << c + 1;
                continue;
            }
            EXPECT_EQ(a[c], it->original) << "line " << l << " column " << c + 1;
            EXPECT_EQ(b[c], it->fixed) << "line " << l << " column " << c + 1;
            ++checked;
        }
    }
    EXPECT_EQ(checked, changes.size());
}

TEST(TargetscanContextFiles, ThreadsDoNotChangeTheOutput) {
    std::mt19937 rng(11);
    auto random_seq = [&](std::size_t n, std::string_view letters) {
        std::string s;
        for (std::size_t i = 0; i < n; ++i) s += letters[rng() % letters.size()];
        return s;
    };
    const auto dir = mirhit::test::temp_dir();
    auto s = write_sample(dir);
    std::string utrs, targets = "header\n", airs;
    const char* types[] = {"8mer-1a", "7mer-m8", "7mer-1a", "6mer"};
    for (int g = 0; g < 200; ++g) {
        const std::string gene = "R" + std::to_string(g);
        const std::string seq = random_seq(60 + rng() % 100, "ACGUACGUN");  // short: SA folds every UTR
        utrs += gene + "\t9606\t" + seq + "\n" + gene + "\t10090\t" + seq.substr(0, seq.size() - rng() % 20) + "\n";
        if (g % 3) airs += gene + "\t1\t" + std::to_string(seq.size() / 2) + "\t100\n" + gene + "\t" +
                           std::to_string(seq.size() / 2 + 1) + "\t" + std::to_string(seq.size()) + "\t" +
                           std::to_string(rng() % 100) + "\n";
        for (int k = 0; k < 10; ++k) {
            const int t = static_cast<int>(rng() % 4);
            const std::uint64_t length = t == 0 ? 8 : t == 3 ? 6 : 7;
            const std::uint64_t start = 1 + rng() % (seq.size() - 30);
            targets += gene + "\tlet-7\t" + (k % 2 ? "9606" : "10090") + "\t1\t1\t" + std::to_string(start) + "\t" +
                       std::to_string(start + length - 1) + "\t" + std::to_string(k) + "\t" + types[t] +
                       "\tx\tx\t1\t0." + std::to_string(rng() % 1000) + "\n";
        }
    }
    mirhit::test::write_file(s.files.utrs, utrs);
    mirhit::test::write_file(s.files.targets, targets);
    mirhit::test::write_file(s.files.airs, airs);
    const std::string one = run(s, false, 1);
    EXPECT_GT(one.size(), 500000u);
    EXPECT_EQ(run(s, false, 4), one);
    EXPECT_EQ(run(s, true, 1), run(s, true, 3));
}

TEST(TargetscanContextFiles, Errors) {
    const auto dir = mirhit::test::temp_dir();
    const auto s = write_sample(dir);
    const auto& f = s.files;
    auto with = [&](const std::string& path, const std::string& content) {
        const std::string saved = mirhit::test::read_file(path);
        mirhit::test::write_file(path, content);
        std::string message = error_of(s);
        mirhit::test::write_file(path, saved);
        return message;
    };
    EXPECT_EQ(with(f.mirnas, "let-7\t9606\thsa-let-7a\n"),
              f.mirnas + ":1: expected 4 tab-separated fields (miRNA family, species id, miRNA id, mature sequence), found 3");
    EXPECT_EQ(with(f.mirnas, "let-7\t9606\thsa-let-7a\tUGAGGUA\n"),
              f.mirnas + ":1: mature sequence 'UGAGGUA' must be at least 8 nt of A, C, G, U/T");
    EXPECT_EQ(with(f.mirnas, "let-7\t9606\ta\tUGAGGUAGU\n\nlet-7\t10090\tb\tUAAAAAAAU\n"),
              f.mirnas + ":3: miRNA family 'let-7' has seed AAAAAAA here but GAGGUAG on line 1; a family has one seed (nt 2-8)");
    EXPECT_EQ(with(f.mirnas, "\n"), f.mirnas + ": no miRNAs found");
    EXPECT_EQ(with(f.utrs, "G1\t9606\n"),
              f.utrs + ":1: expected 3 tab-separated fields (gene, species id, aligned UTR), found 2");
    const std::string header = "Gene_ID\tmiRNA_family_ID\tspecies_ID\n";
    EXPECT_EQ(with(f.targets, header + "G1\tlet-7\t9606\t31\t38\t29\t36\t2\t8mer\n"),
              f.targets + ":2: site type '8mer' is not 8mer-1a, 7mer-m8, 7mer-1a or 6mer");
    EXPECT_EQ(with(f.targets, header + "G1\tlet-7\t9606\t31\t38\t29\t37\t2\t8mer-1a\n"),
              f.targets + ":2: UTR end 37 does not fit a 8mer-1a site starting at 29 (expected 36)");
    EXPECT_EQ(with(f.targets, header + "G1\tlet-7\t9606\t31\t38\tx\t36\t2\t8mer-1a\n"),
              f.targets + ":2: UTR start 'x' is not a whole number from 1");
    EXPECT_EQ(with(f.targets, header + "G1\tlet-7\t9606\t31\t38\t29\n"),
              f.targets + ":2: expected at least 9 tab-separated fields (gene, miRNA family, species id, MSA start, "
                          "MSA end, UTR start, UTR end, group, site type, ...), found 6");
    EXPECT_EQ(with(f.targets, header + "G9\tlet-7\t9606\t31\t38\t29\t36\t2\t8mer-1a\n"),
              f.targets + ":2: no UTR for gene 'G9' in species 9606 in " + f.utrs);
    EXPECT_EQ(with(f.targets, header + "G1\tlet-7\t9606\t1\t1\t65\t72\t2\t8mer-1a\n"),
              f.targets + ":2: site 65-72 runs past the end of the 70-nt UTR of gene 'G1' in species 9606");
    EXPECT_EQ(with(f.airs, "G1\t1\t40\t100\nG1\t41\t60\t120\n"), f.airs + ":2: AIR '120' is not a number from 0 to 100");
    EXPECT_EQ(with(f.airs, "G1\t41\t40\t10\n"), f.airs + ":1: end 40 is before start 41");
    EXPECT_EQ(with(f.airs, "G1\t0\t40\t10\n"), f.airs + ":1: start '0' is not a whole number from 1");
    EXPECT_EQ(with(f.airs, "G1\t1\t40\n"), f.airs + ":1: expected 4 tab-separated fields (gene, start, end, AIR), found 3");
    EXPECT_EQ(with(f.orf_lengths, "G1\t9606\tlong\n"), f.orf_lengths + ":1: ORF length 'long' is not a whole number");
    EXPECT_EQ(with(f.orf_8mers, "G1\t9606\tGAGGUAG\n"),
              f.orf_8mers + ":1: expected 4 tab-separated fields (gene, species id, seed, ORF 8mer count), found 3");
    // AIRs are given on the human UTR; without one they cannot be scaled (the original divides by 0).
    EXPECT_EQ(with(f.utrs, mirhit::test::read_file(f.utrs) + "G3\t10090\tACGUACGU\n"), "no error");
    EXPECT_EQ(with(f.airs, "G3\t1\t8\t100\n"), "no error");
    mirhit::test::write_file(f.utrs, mirhit::test::read_file(f.utrs) + "G3\t10090\tACGUACGU\n");
    EXPECT_EQ(with(f.airs, "G3\t1\t8\t100\n"),
              f.airs + ":1: gene 'G3' has no 9606 UTR to scale its AIRs to species 10090 by");
    mirhit::test::write_file(dir / "Agarwal_2015_parameters.txt", "header\nIntercept\t-0.589\tx\t-0.195\t-0.079\n");
    EXPECT_EQ(error_of(s), "Agarwal_2015_parameters.txt:2: intercept 'x' is not a number");
    mirhit::test::write_file(dir / "Agarwal_2015_parameters.txt", "header\nIntercept\t-0.589\t-0.224\t-0.195\t-0.079\n");
    EXPECT_EQ(error_of(s), "Agarwal_2015_parameters.txt: no line for feature 3P_score");
    std::filesystem::remove(dir / "Agarwal_2015_parameters.txt");

    std::filesystem::remove(f.output);
    auto missing = s;
    missing.files.orf_8mers = (dir / "nothing.txt").string();
    EXPECT_EQ(error_of(missing), missing.files.orf_8mers + ": cannot open: No such file or directory");
    // A failed run leaves no output behind, not even a temporary file.
    EXPECT_FALSE(std::filesystem::exists(f.output));
    for (const auto& e : std::filesystem::directory_iterator(dir))
        EXPECT_FALSE(e.path().filename().string().starts_with(".out.txt")) << e.path();
}

TEST(TargetscanContextFiles, ParametersFromTheWorkingDirectory) {
    const auto s = write_sample(mirhit::test::temp_dir());
    const std::string builtin = run(s);
    // TargetScan's file layout; here with the 8mer intercept changed to -0.5.
    std::string params = "Feature\t8mer coeff\t7mer-m8 coeff\t7mer-A1 coeff\t6mer coeff\n";
    params += "Intercept\t-0.5\t-0.224\t-0.195\t-0.079\n";
    for (const auto& p : sc::parameters) {
        params += std::string(p.name);
        for (auto v : p.coefficient) params += "\t" + number_text(v);
        for (auto v : p.min) params += "\t" + number_text(v);
        for (auto v : p.max) params += "\t" + number_text(v);
        params += "\n";
    }
    mirhit::test::write_file(s.dir / "Agarwal_2015_parameters.txt", params);
    const auto a = lines_of(builtin), b = lines_of(run(s));
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t l = 1; l < a.size(); ++l) {
        const auto x = split_tabs(a[l]), y = split_tabs(b[l]);
        if (x[3] != "8mer-1a") {
            EXPECT_EQ(a[l], b[l]);
            continue;
        }
        EXPECT_EQ(y[6], "-0.5");
        EXPECT_NEAR(std::stod(y[27]) - std::stod(x[27]), 0.089, 1e-9);
    }
    // Without TA_SPS_by_seed_region.txt: the built-in TA and computed SPS (Xia et al. 1998 stacks:
    // -9.25 for GAGGUAG as a 7-bp duplex).
    std::filesystem::remove(s.dir / "TA_SPS_by_seed_region.txt");
    std::filesystem::remove(s.dir / "Agarwal_2015_parameters.txt");
    const auto c = lines_of(run(s));
    const auto row = split_tabs(c[3]);  // the 8mer
    EXPECT_EQ(row[25], tc::parameters::builtin().contribution(sc::feature::sps, 0, -9.25));
}

TEST(TargetscanContextFiles, SampleMatchesReferenceInEveryColumn) {
    const auto data = mirhit::test::shared_data("data/targetscan7");
    if (data.empty()) GTEST_SKIP() << "TargetScan 7 sample data not found (set MIRHIT_SHARED to the shared folder)";
    const auto out = mirhit::test::temp_dir() / "context_scores.txt";
    {
        // The reference's run read its parameter and TA/SPS files from its working directory.
        working_directory cwd(data);
        mirhit::io::run_targetscan_context(
            {(data / "sample-input/miR_for_context_scores.sample.txt").string(),
             (data / "sample-input/UTR_Sequences_sample.txt").string(),
             (data / "sample-output/targetscan_70_output.BL_PCT.txt").string(),
             (data / "sample-output/ORF_Sequences_sample.lengths.txt").string(),
             (data / "sample-output/ORF_8mer_counts_sample.txt").string(),
             (data / "sample-input/All_cell_lines.AIRs.txt").string(), out.string()},
            false, 2, "");
    }
    const auto expected = lines_of(mirhit::test::read_file(data / "sample-output/Targets.BL_PCT.context_scores.txt"));
    const auto got = lines_of(mirhit::test::read_file(out));
    ASSERT_EQ(got.size(), expected.size());
    // Every column, SA (21, computed in-process as RNAplfold would) and the scores depending on it
    // included.
    std::size_t sa_equal = 0;
    std::size_t identical_rows = 0, compared = 0;
    for (std::size_t l = 0; l < expected.size(); ++l) {
        const auto e = split_tabs(expected[l]), g = split_tabs(got[l]);
        ASSERT_EQ(e.size(), g.size()) << "line " << l + 1;
        bool same = true;
        for (std::size_t c = 0; c < e.size(); ++c) {
            if (c + 1 == 21) sa_equal += e[c] == g[c];
            ++compared;
            if (e[c] != g[c]) {
                same = false;
                ADD_FAILURE() << "line " << l + 1 << " column " << c + 1 << ": expected '" << e[c] << "', got '" << g[c] << "'";
            }
        }
        identical_rows += same;
    }
    EXPECT_EQ(identical_rows, expected.size());
    EXPECT_EQ(compared, expected.size() * 37);
    EXPECT_EQ(sa_equal, expected.size());
    std::printf("SA equal in %zu of %zu lines (header included)\n", sa_equal, expected.size());
}

TEST(TargetscanContextFiles, ConstantsMatchAgarwalParameters) {
    const auto data = mirhit::test::shared_data("data/targetscan7");
    if (data.empty()) GTEST_SKIP() << "TargetScan 7 sample data not found (set MIRHIT_SHARED to the shared folder)";
    mirhit::io::line_reader lines(mirhit::io::byte_source::open((data / "Agarwal_2015_parameters.txt").string()));
    std::string text;
    std::vector<std::string_view> f;
    std::size_t features = 0;
    auto value = [](std::string_view v) { return v.empty() ? 0.0 : std::stod(std::string(v)); };
    while (lines.next(text)) {
        if (lines.line_number() == 1 || mirhit::io::is_blank(text)) continue;
        mirhit::io::split_fields(text, f);
        f.resize(13);
        if (lines.line_number() == 2) {
            for (std::size_t t = 0; t < 4; ++t) EXPECT_EQ(sc::intercept[t], value(f[1 + t])) << "intercept " << t;
            continue;
        }
        auto p = std::find_if(sc::parameters.begin(), sc::parameters.end(), [&](const auto& x) { return x.name == f[0]; });
        ASSERT_NE(p, sc::parameters.end()) << f[0];
        ++features;
        for (std::size_t t = 0; t < 4; ++t) {
            EXPECT_EQ(p->coefficient[t], value(f[1 + t])) << f[0] << " coefficient " << t;
            if (!p->scaled) continue;
            EXPECT_EQ(p->min[t], value(f[5 + t])) << f[0] << " min " << t;
            EXPECT_EQ(p->max[t], value(f[9 + t])) << f[0] << " max " << t;
        }
    }
    EXPECT_EQ(features, sc::feature_count);
    // The features the reference scales, by name.
    for (const auto& p : sc::parameters) {
        const bool scaled = p.name == "TA_3UTR" || p.name == "SPS" || p.name == "Local_AU" || p.name == "3P_score" ||
                            p.name == "SA" || p.name == "Len_ORF" || p.name == "Len_3UTR" || p.name == "Min_dist" ||
                            p.name == "PCT";
        EXPECT_EQ(p.scaled, scaled) << p.name;
    }
}

TEST(TargetscanContextCli, RunsFromTheCommandLine) {
    const auto s = write_sample(mirhit::test::temp_dir());
    const auto r = mirhit::test::run_mirhit({"targetscan-context", "mirnas.txt", "utrs.txt", "targets.txt", "orf_lengths.txt",
                                             "orf_8mers.txt", "airs.txt", "cli.txt", "--threads", "2"},
                                            "", s.dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err,
              "mirhit: warning: airs.txt: no AIRs for 1 UTR (G2 9606); scored as the original does (3'UTR length and "
              "Min_dist from 0; --fixed uses the UTR)\n"
              "mirhit: warning: orf_lengths.txt: no ORF length for 1 UTR (G1 10090); scored as the original does (from "
              "0; --fixed leaves the ORF terms out)\n");
    EXPECT_EQ(mirhit::test::read_file(s.dir / "cli.txt"), run(s));

    const auto fixed = mirhit::test::run_mirhit({"targetscan-context", "--fixed", "mirnas.txt", "utrs.txt", "targets.txt",
                                                 "orf_lengths.txt", "orf_8mers.txt", "airs.txt", "cli.txt"},
                                                "", s.dir);
    EXPECT_EQ(fixed.exit_code, 0) << fixed.err;
    EXPECT_EQ(fixed.err, "");
    const auto head = lines_of(mirhit::test::read_file(s.dir / "cli.txt"));
    EXPECT_EQ(head.at(1), "## command: mirhit targetscan-context --fixed mirnas.txt utrs.txt targets.txt orf_lengths.txt "
                          "orf_8mers.txt airs.txt cli.txt");

    const auto help = mirhit::test::run_mirhit({"targetscan-context", "--help"});
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("Synopsis:"), std::string::npos);
    EXPECT_NE(help.out.find("Example:"), std::string::npos);
    EXPECT_NE(help.out.find("--fixed"), std::string::npos);

    const auto usage = mirhit::test::run_mirhit({"targetscan-context", "mirnas.txt"}, "", s.dir);
    EXPECT_EQ(usage.exit_code, 2);
    const auto bad = mirhit::test::run_mirhit({"targetscan-context", "mirnas.txt", "utrs.txt", "targets.txt", "orf_lengths.txt",
                                               "orf_8mers.txt", "missing.txt", "cli2.txt"},
                                              "", s.dir);
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_EQ(bad.err, "mirhit: error: missing.txt: cannot open: No such file or directory\n");
    EXPECT_FALSE(std::filesystem::exists(s.dir / "cli2.txt"));
}
