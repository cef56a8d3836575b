// The mirhit binary run as a subprocess: outputs, golden files, messages and exit codes.
// Set MIRHIT_UPDATE_GOLDEN=1 to rewrite the golden files from the current binary.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <random>

#include "scoring/accessibility.hpp"
#include "tests/test_support.hpp"

namespace mirhit::test {
namespace {

const std::filesystem::path golden_dir = std::filesystem::path(MIRHIT_SOURCE_DIR) / "tests" / "golden";
const std::string metastasis_mirnas =
    "hsa-miR-21-5p,hsa-miR-221-3p,hsa-miR-222-3p,hsa-miR-103a-3p,hsa-miR-105-5p,hsa-let-7a-5p,hsa-miR-335-5p,hsa-miR-29a-3p";

void expect_golden(const std::string& name, const std::string& actual) {
    auto path = golden_dir / name;
    if (std::getenv("MIRHIT_UPDATE_GOLDEN")) {
        write_file(path, actual);
        return;
    }
    EXPECT_EQ(actual, read_file(path)) << "golden file " << path << " differs; MIRHIT_UPDATE_GOLDEN=1 rewrites it";
}

std::string rows_only(const std::string& text) {
    std::string out;
    for (const auto& line : data_lines(text)) out += line + "\n";
    return out;
}

TEST(cli, scan_examples_matches_golden_files) {
    auto r = run_mirhit({"scan", "examples/utrs.fa", "--mirnas", metastasis_mirnas});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    expect_golden("examples_sites.tsv", r.out);
    auto dir = temp_dir();
    auto summary = (dir / "genes.tsv").string();
    r = run_mirhit({"scan", "examples/utrs.fa", "--mirnas", metastasis_mirnas, "--gene-summary", summary});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto summary_text = read_file(summary);
    // the command line names a temporary path: compare from the line after it
    expect_golden("examples_genes.tsv", summary_text.substr(summary_text.find("\n## utrs")));
}

TEST(cli, scored_scan_matches_golden_files) {
    auto dir = temp_dir();
    write_file(dir / "airs.txt", "X59796\t1\t300\t100\nX59796\t301\t724\t35.5\n");
    auto summary = (dir / "genes.tsv").string();
    auto r = run_mirhit({"scan", "examples/utrs.fa", "--mirnas", metastasis_mirnas, "--score", "context++", "--orf",
                         "examples/orfs.fa", "--isoforms", (dir / "airs.txt").string(), "--gene-summary", summary});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    // the command line and the isoform file name a temporary path: compare the rows
    expect_golden("examples_scored_sites.tsv", rows_only(r.out));
    expect_golden("examples_scored_genes.tsv", rows_only(read_file(summary)));
    EXPECT_NE(r.out.find("\n## score: context++ (Agarwal et al. 2015, eLife 4:e05005); terms: "), std::string::npos);
    auto jsonl = run_mirhit({"scan", "examples/utrs.fa", "--mirnas", "hsa-miR-29a-3p", "--score", "context++", "--format", "jsonl"});
    ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
    EXPECT_NE(jsonl.out.find(",\"context++\":-0.341,\"intercept\":null,\"intercept_contrib\":-0.589,"), std::string::npos);
}

TEST(cli, pct_from_a_bl_pct_file_scores_matching_sites) {
    auto dir = temp_dir();
    const std::string header =
        "Gene_ID\tmiRNA_family_ID\tspecies_ID\tMSA_start\tMSA_end\tUTR_start\tUTR_end\tGroup_num\tSite_type\t"
        "miRNA in this species\tGroup_type\tBranch length score\tPct\tConserved\n";
    // The 7mer-A1 of miR-103 in CDH5 at 348-354; a mouse row at the same place is ignored.
    write_file(dir / "pct.txt", header + "X59796\tmiR-103\t10090\t1\t7\t348\t354\t1\t7mer-1a\tx\t7mer-1a\t1.2\t0.9\t\n" +
                                    "X59796\tmiR-103\t9606\t1\t7\t348\t354\t1\t7mer-1a\tx\t7mer-1a\t1.2\t0.3\tx\n");
    auto r = run_mirhit({"scan", "examples/utrs.fa", "--mirnas", "hsa-miR-103a-3p", "--score", "context++", "--pct",
                         (dir / "pct.txt").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = data_lines(r.out);
    ASSERT_EQ(rows.size(), 5u);
    // PCT 0.3 for a 7mer-A1: -0.048 × 0.3 / 0.449 = -0.032.
    EXPECT_NE(rows[2].find("\t0.300\t-0.032\t"), std::string::npos) << rows[2];
    EXPECT_TRUE(rows[2].ends_with("\t1.2\t0.3")) << rows[2];  // bl and pct, as the file writes them
    EXPECT_TRUE(rows[0].ends_with("\tbl\tpct")) << rows[0];
    EXPECT_NE(r.out.find("PCT (sites in " + (dir / "pct.txt").string() + ", species 9606)"), std::string::npos);

    write_file(dir / "bad.txt", header + "X59796\tmiR-103\t9606\t1\t7\t348\t354\t1\t9mer\tx\t7mer-1a\t1.2\t0.5\tx\n");
    auto bad = run_mirhit({"scan", "examples/utrs.fa", "--score", "context++", "--pct", (dir / "bad.txt").string()});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_EQ(bad.err, "mirhit: error: " + (dir / "bad.txt").string() + ":2: unknown site type '9mer'\n");
}

TEST(cli, sites_of_curated_claims_are_marked_and_summarised) {
    auto dir = temp_dir();
    auto r = run_mirhit({"scan", "examples/utrs.fa", "--mirnas", "hsa-miR-103a-3p,hsa-miR-221-3p", "--claims",
                         (dir / "claims.tsv").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = data_lines(r.out);
    EXPECT_EQ(rows[2], "X59796\tCDH5\thsa-miR-103a-3p\tGCAGCAU\t7mer-A1\t348\t354\tUGCUGCA\t0\tC031\tpro-metastatic\t"
                       "Fang JH, Hepatology, 2018");
    EXPECT_NE(r.out.find("\n## claim C031 hsa-miR-103a-3p -> CDH5 (pro-metastatic; Fang JH, Hepatology, 2018): "
                         "1 7mer-A1, 1 offset-6mer in X59796\n"),
              std::string::npos);
    EXPECT_NE(r.out.find("\n## claim C006 hsa-miR-221-3p -> SPINT1 (pro-metastatic; Tian F, Cancer Sci, 2021): "
                         "no canonical site in AB000095\n"),
              std::string::npos);
    EXPECT_NE(r.out.find("\n## claim C007 hsa-miR-222-3p -> SPINT1 (pro-metastatic; Tian F, Cancer Sci, 2021): "
                         "miRNA not scanned in AB000095\n"),
              std::string::npos);
    const auto table = data_lines(read_file(dir / "claims.tsv"));
    EXPECT_EQ(table[0], "id\tmirna\tgene\teffect\tcitation\tutrs\t8mer\t7mer-m8\t7mer-A1\t6mer\toffset-6mer\tfound");
    EXPECT_NE(std::find(table.begin(), table.end(),
                        "C031\thsa-miR-103a-3p\tCDH5\tpro-metastatic\tFang JH, Hepatology, 2018\tX59796\t0\t0\t1\t0\t1\tyes"),
              table.end());
    // Without claims tables no site is marked.
    auto none = run_mirhit({"scan", "examples/utrs.fa", "--mirnas", "hsa-miR-103a-3p", "--no-builtin-claims"});
    ASSERT_EQ(none.exit_code, 0) << none.err;
    EXPECT_EQ(none.out.find("C031"), std::string::npos);
    EXPECT_NE(none.out.find("## claims: 0 of 0 curated claims have their gene in the input\n"), std::string::npos);
}

TEST(cli, claims_on_constructed_utrs) {
    auto dir = temp_dir();
    std::string table = "id\tmirna_as_written\tmirna\ttarget_as_written\tgene\teffect\tcancer_type\tcell_source\t"
                        "organ_or_process\tdocument\treference\tcitation\tquote\tnote\n";
    table += "T1\tmiR-21\thsa-miR-21-5p\tPTEN\tPTEN\tpro-metastatic\t\t\t\tdoc\t[1]\tA B, J, 2020\tq\t\n";
    table += "T2\tmiR-21\thsa-miR-21-5p\tPDCD4\tPDCD4\tpro-metastatic\t\t\t\tdoc\t[2]\tC D, J, 2021\tq\t\n";
    table += "T3\tmiR-21\thsa-miR-21-5p\tTJP1\tTJP1\tanti-metastatic\t\t\t\tdoc\t[3]\tE F, J, 2022\tq\t\n";
    write_file(dir / "claims.tsv", table);
    // Three PTEN isoforms, one with an 8mer and a 6mer of miR-21, one named by the alias MMAC1 with
    // an 8mer; PDCD4 without a site; TJP1 absent.
    write_file(dir / "u.fa", ">u1 gene=PTEN\n" + std::string(20, 'C') + "AUAAGCUA" + std::string(10, 'C') + "UAAGCUC\n"
                                 ">u2 gene=pten\nCCCCCCCCCCCCCCCCCCCCCCC\n>u3 gene=PDCD4\nGGGGGGGGGGGGGGGGGG\n" +
                                 ">u4 gene=MMAC1\n" + std::string(20, 'C') + "AUAAGCUA" + std::string(10, 'C') + "\n");
    auto r = run_mirhit({"scan", (dir / "u.fa").string(), "--mirnas", "hsa-miR-21-5p", "--no-builtin-claims", "--curated",
                         (dir / "claims.tsv").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = data_lines(r.out);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_TRUE(rows[1].ends_with("\t8mer\t21\t28\tAUAAGCUA\t0\tT1\tpro-metastatic\tA B, J, 2020")) << rows[1];
    EXPECT_TRUE(rows[2].ends_with("\t6mer\t39\t44\tUAAGCU\t0\tT1\tpro-metastatic\tA B, J, 2020")) << rows[2];
    EXPECT_TRUE(rows[3].starts_with("u4\tMMAC1\t")) << rows[3];
    EXPECT_TRUE(rows[3].ends_with("\t8mer\t21\t28\tAUAAGCUA\t0\tT1\tpro-metastatic\tA B, J, 2020")) << rows[3];
    EXPECT_NE(r.out.find("\n## claim T1 hsa-miR-21-5p -> PTEN (pro-metastatic; A B, J, 2020): 2 8mer, 1 6mer in u1,u2,u4\n"),
              std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\n## claim T2 hsa-miR-21-5p -> PDCD4 (pro-metastatic; C D, J, 2021): no canonical site in u3\n"),
              std::string::npos);
    EXPECT_EQ(r.out.find("## claim T3"), std::string::npos);
    EXPECT_NE(r.out.find("\n## claims: 2 of 3 curated claims have their gene in the input\n"), std::string::npos);
}

TEST(cli, both_strands_reports_reverse_sites_in_forward_coordinates) {
    auto dir = temp_dir();
    // TAGCTTAT at 26-33 is an 8mer of miR-21 on the reverse strand; ATAAGCTA at 59-66 on the forward.
    write_file(dir / "g.fa", ">chr gene=G\n" + std::string(25, 'C') + "TAGCTTAT" + std::string(25, 'C') + "ATAAGCTA" +
                                 std::string(5, 'C') + "\n");
    auto r = run_mirhit({"scan", (dir / "g.fa").string(), "--mirnas", "hsa-miR-21-5p", "--both-strands"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(data_lines(r.out),
              (std::vector<std::string>{
                  "utr_id\tgene\tmirna\tfamily\tsite_type\tstart\tend\tstrand\tsite_seq\tnear_stop\tclaim_ids\tclaim_effect\tclaim_citation",
                  "chr\tG\thsa-miR-21-5p\tAGCUUAU\t8mer\t26\t33\t-\tAUAAGCUA\t0\tNA\tNA\tNA",
                  "chr\tG\thsa-miR-21-5p\tAGCUUAU\t8mer\t59\t66\t+\tAUAAGCUA\t0\tNA\tNA\tNA"}));
    auto bed = run_mirhit({"scan", (dir / "g.fa").string(), "--mirnas", "hsa-miR-21-5p", "--both-strands", "--format", "bed"});
    EXPECT_EQ(data_lines(bed.out), (std::vector<std::string>{"chr\t25\t33\thsa-miR-21-5p:8mer\t1000\t-",
                                                              "chr\t58\t66\thsa-miR-21-5p:8mer\t1000\t+"}));
    // Pieces of 16 bases give the same sites on both strands as one piece (a reverse site is
    // reported by the piece that holds its window, so at piece borders sites of neighbouring
    // positions may come in another order), and the same output for any thread count.
    std::mt19937 rng(5);
    std::string genome = ">g\n";
    for (int i = 0; i < 20000; ++i) genome += "ACGT"[rng() % 4];
    write_file(dir / "big.fa", genome + "\n");
    auto whole = run_mirhit({"scan", (dir / "big.fa").string(), "--both-strands", "--threads", "1"});
    auto pieces = run_mirhit({"scan", (dir / "big.fa").string(), "--both-strands", "--threads", "1", "--chunk-size", "16"});
    auto threads = run_mirhit({"scan", (dir / "big.fa").string(), "--both-strands", "--threads", "3", "--chunk-size", "16"});
    ASSERT_EQ(whole.exit_code, 0) << whole.err;
    auto sorted_rows = [](const std::string& text) {
        auto rows = data_lines(text);
        std::sort(rows.begin(), rows.end());
        return rows;
    };
    EXPECT_GT(data_lines(whole.out).size(), 10000u);
    EXPECT_TRUE(sorted_rows(whole.out) == sorted_rows(pieces.out));
    EXPECT_TRUE(pieces.out == threads.out);
}

// Scored --both-strands scores a reverse-strand site on the record's reverse complement: its
// '-' row carries the scores of the same site found by scanning the reverse complement itself.
TEST(cli, scored_both_strands_scores_reverse_sites_on_the_reverse_complement) {
    auto dir = temp_dir();
    constexpr std::size_t length = 700;
    std::mt19937 rng(11);
    std::string forward, reverse;
    for (int r = 0; r < 4; ++r) {
        std::string seq;
        for (std::size_t i = 0; i < length; ++i) seq += "ACGT"[rng() % 4];
        // miR-21 8mers on both strands.
        seq.replace(100 + 50 * r, 8, "ATAAGCTA");
        seq.replace(500 - 30 * r, 8, "TAGCTTAT");
        std::string rc(seq.rbegin(), seq.rend());
        for (auto& c : rc) c = c == 'A' ? 'T' : c == 'C' ? 'G' : c == 'G' ? 'C' : 'A';
        const std::string header = ">u" + std::to_string(r) + " gene=G" + std::to_string(r) + "\n";
        forward += header + seq + "\n";
        reverse += header + rc + "\n";
    }
    write_file(dir / "f.fa", forward);
    write_file(dir / "r.fa", reverse);
    auto fields = [](const std::string& row) {
        std::vector<std::string> out(1);
        for (char c : row)
            if (c == '\t') out.emplace_back(); else out.back() += c;
        return out;
    };
    // One strand's rows as id, miRNA, type, start, end (on that strand), site, then every score column.
    auto rows_of = [&](const std::string& text, bool stranded, char strand) {
        std::vector<std::string> rows;
        for (const auto& line : data_lines(text)) {
            auto f = fields(line);
            if (f[0] == "utr_id") continue;
            const std::size_t shift = stranded ? 1 : 0;
            if (stranded && f[7][0] != strand) continue;
            std::string start = f[5], end = f[6];
            if (strand == '-') {
                start = std::to_string(length + 1 - std::stoul(f[6]));
                end = std::to_string(length + 1 - std::stoul(f[5]));
            }
            std::string row = f[0] + ' ' + f[2] + ' ' + f[4] + ' ' + start + ' ' + end + ' ' + f[7 + shift];
            for (std::size_t i = 12 + shift; i < f.size(); ++i) row += ' ' + f[i];
            rows.push_back(row);
        }
        std::sort(rows.begin(), rows.end());
        return rows;
    };
    const std::string mirnas = "hsa-miR-21-5p,hsa-let-7a-5p,hsa-miR-155-5p";
    for (const char* score : {"context++", "duplex"}) {
        SCOPED_TRACE(score);
        auto both = run_mirhit({"scan", (dir / "f.fa").string(), "--both-strands", "--score", score, "--mirnas", mirnas,
                                "--threads", "1"});
        ASSERT_EQ(both.exit_code, 0) << both.err;
        auto own = run_mirhit({"scan", (dir / "f.fa").string(), "--score", score, "--mirnas", mirnas});
        auto mirror = run_mirhit({"scan", (dir / "r.fa").string(), "--score", score, "--mirnas", mirnas});
        const auto minus = rows_of(both.out, true, '-');
        EXPECT_GE(minus.size(), 4u);
        EXPECT_EQ(minus, rows_of(mirror.out, false, '+'));
        EXPECT_EQ(rows_of(both.out, true, '+'), rows_of(own.out, false, '+'));
        auto threads = run_mirhit({"scan", (dir / "f.fa").string(), "--both-strands", "--score", score, "--mirnas", mirnas,
                                   "--threads", "3"});
        EXPECT_TRUE(threads.out == both.out);
    }
}

TEST(cli, score_inputs_are_checked) {
    auto dir = temp_dir();
    write_file(dir / "airs.txt", "X59796\t1\t300\t100\nX59796\t301\t200\t35\n");
    write_file(dir / "ta.txt", "seed\tsites\tta\nAAAAAAA\t1\t2\n");
    struct expectation {
        std::vector<std::string> args;
        int code;
        std::string err;
    };
    const std::vector<expectation> cases = {
        {{"scan", "examples/utrs.fa", "--orf", "orfs.fa"}, 2,
         "mirhit: error: --orf: needs --score context++\nRun 'mirhit scan --help' for usage.\n"},
        {{"scan", "examples/utrs.fa", "--score", "tarbase"}, 2,
         "mirhit: error: --score: tarbase not in {context++,duplex,access}\nRun 'mirhit scan --help' for usage.\n"},
        {{"scan", "examples/utrs.fa", "--access-window", "50"}, 2,
         "mirhit: error: --access-window: needs --score context++ or access\nRun 'mirhit scan --help' for usage.\n"},
        {{"scan", "examples/utrs.fa", "--score", "access", "--access-span", "2"}, 2,
         "mirhit: error: --access-span: Value 2 not in range 4 to 399\nRun 'mirhit scan --help' for usage.\n"},
        {{"scan", "examples/utrs.fa", "--score", "access", "--access-window", "30"}, 2,
         "mirhit: error: --access-window/--access-span/--access-unpaired: base pairs spanning 40 nt (j - i) do not fit in a "
         "window 30 nt\nRun 'mirhit scan --help' for usage.\n"},
        {{"scan", "examples/utrs.fa", "--score", "access", "--access-window", "50", "--access-unpaired", "60"}, 2,
         "mirhit: error: --access-window/--access-span/--access-unpaired: stretches of 60 unpaired nt do not fit in a window "
         "50 nt\nRun 'mirhit scan --help' for usage.\n"},
        {{"scan", "examples/utrs.fa", "--score", "context++", "--isoforms", (dir / "airs.txt").string()}, 1,
         "mirhit: error: " + (dir / "airs.txt").string() + ":2: region '301-200' is not a 1-based start and end with start <= end\n"},
        {{"scan", "examples/utrs.fa", "--score", "context++", "--ta", (dir / "ta.txt").string()}, 1,
         "mirhit: error: " + (dir / "ta.txt").string() + ": 1 seeds, expected all 16384\n"},
        {{"scan", "examples/utrs.fa", "--score", "context++", "--orf", (dir / "none.fa").string()}, 1,
         "mirhit: error: " + (dir / "none.fa").string() + ": cannot open: No such file or directory\n"},
    };
    for (const auto& c : cases) {
        auto r = run_mirhit(c.args);
        EXPECT_EQ(r.exit_code, c.code) << c.err;
        EXPECT_EQ(r.err, c.err);
        EXPECT_EQ(r.out, "");
    }
}

TEST(cli, bed_and_jsonl_formats) {
    auto bed = run_mirhit({"scan", "examples/utrs.fa", "--mirnas", metastasis_mirnas, "--format", "bed"});
    ASSERT_EQ(bed.exit_code, 0) << bed.err;
    expect_golden("examples_sites.bed", bed.out);
    auto jsonl = run_mirhit({"scan", "examples/utrs.fa", "--mirnas", metastasis_mirnas, "--format", "jsonl"});
    ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
    expect_golden("examples_sites.jsonl", jsonl.out);
}

TEST(cli, gzip_plain_and_stdin_give_the_same_sites) {
    auto plain = run_mirhit({"scan", "examples/utrs.fa"});
    auto gz = run_mirhit({"scan", "examples/utrs.fa.gz"});
    auto piped = run_mirhit({"scan", "-"}, read_file(std::filesystem::path(MIRHIT_SOURCE_DIR) / "examples/utrs.fa.gz"));
    ASSERT_EQ(plain.exit_code, 0);
    ASSERT_EQ(gz.exit_code, 0);
    ASSERT_EQ(piped.exit_code, 0) << piped.err;
    EXPECT_GT(data_lines(plain.out).size(), 1000u);
    EXPECT_EQ(rows_only(plain.out), rows_only(gz.out));
    EXPECT_EQ(rows_only(plain.out), rows_only(piped.out));
}

TEST(cli, output_is_identical_for_any_thread_count) {
    auto dir = temp_dir();
    std::mt19937 rng(3);
    std::string fasta, scored_fasta;
    for (int r = 0; r < 300; ++r) {
        fasta += ">u" + std::to_string(r) + " gene=G" + std::to_string(r % 40) + "\n";
        std::size_t len = 50 + rng() % 3000;
        for (std::size_t i = 0; i < len; ++i) fasta += (i % 70 == 69) ? '\n' : "ACGTACGTN"[rng() % 9];
        fasta += "\n";
        // Scoring folds every UTR (SA): the first 20 keep the test quick.
        if (r == 19) scored_fasta = fasta;
    }
    write_file(dir / "utrs.fa", fasta);
    write_file(dir / "utrs_scored.fa", scored_fasta);
    write_file(dir / "airs.txt", "u1\t1\t100\t100\nu1\t101\t3000\t20\nu7\t1\t3000\t50\n");
    for (const bool scored : {false, true}) {
        std::string reference;
        for (const char* threads : {"1", "2", "3", "8"}) {
            auto out = (dir / "out.tsv").string();
            std::vector<std::string> args = {"scan", (dir / (scored ? "utrs_scored.fa" : "utrs.fa")).string(), "--threads",
                                             threads, "--chunk-size", "700",
                                             "-o", out, "--gene-summary", (dir / "genes.tsv").string()};
            if (scored) args.insert(args.end(), {"--score", "context++", "--isoforms", (dir / "airs.txt").string()});
            auto r = run_mirhit(args);
            ASSERT_EQ(r.exit_code, 0) << r.err;
            auto text = read_file(out) + read_file(dir / "genes.tsv");
            if (reference.empty())
                reference = text;
            else
                EXPECT_TRUE(text == reference) << "--threads " << threads << " changed the output (scored " << scored << ")";
        }
    }
}

TEST(cli, gene_summary_merges_genes_whose_records_are_apart) {
    auto dir = temp_dir();
    // miR-21-5p sites: 8mer AUAAGCUA, 6mer UAAGCU
    write_file(dir / "u.fa", ">t1 gene=A\nCCCCCCCCCCCCCCCCCCCCAUAAGCUAGG\n>t2 gene=B\nCCCCCCCCCCCCCCCCCCCCGUAAGCUGG\n"
                             ">t3 gene=A\nCCCCCCCCCCCCCCCCCCCCGUAAGCUGG\n>t4 gene=A\nAUAAGCUAGG\n");
    auto r = run_mirhit({"scan", (dir / "u.fa").string(), "--mirnas", "hsa-miR-21-5p", "-o", (dir / "s.tsv").string(),
                         "--gene-summary", (dir / "g.tsv").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(rows_only(read_file(dir / "g.tsv")),
              "gene\tmirna\tfamily\t8mer\t7mer-m8\t7mer-A1\t6mer\toffset-6mer\ttotal\tnear_stop\n"
              "A\thsa-miR-21-5p\tAGCUUAU\t1\t0\t0\t1\t0\t2\t1\n"
              "B\thsa-miR-21-5p\tAGCUUAU\t0\t0\t0\t1\t0\t1\t0\n");
    auto sites = data_lines(read_file(dir / "s.tsv"));
    ASSERT_EQ(sites.size(), 5u);
    EXPECT_EQ(sites[4], "t4\tA\thsa-miR-21-5p\tAGCUUAU\t8mer\t1\t8\tAUAAGCUA\t1\tNA\tNA\tNA");
}

TEST(cli, several_files_and_duplicate_ids) {
    auto dir = temp_dir();
    write_file(dir / "a.fa", ">x\nAUAAGCUA\n");
    write_file(dir / "b.fa", ">y\nAUAAGCUA\n>x\nAUAAGCUA\n");
    auto a = (dir / "a.fa").string(), b = (dir / "b.fa").string();
    auto ok = run_mirhit({"scan", a, a + "", "--mirnas", "hsa-miR-21-5p"});
    EXPECT_EQ(ok.exit_code, 1);
    EXPECT_EQ(ok.err, "mirhit: error: " + a + ":1: duplicate record id 'x' (first at " + a + ":1)\n");
    auto r = run_mirhit({"scan", a, b, "--mirnas", "hsa-miR-21-5p"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: " + b + ":3: duplicate record id 'x' (first at " + a + ":1)\n");
}

TEST(cli, failed_run_leaves_no_output_behind) {
    auto dir = temp_dir();
    std::string fasta;
    for (int i = 0; i < 5000; ++i) fasta += ">r" + std::to_string(i) + "\nACGUAUAAGCUAGGCAUAAGCUAGGCAUAAGCUAGGC\n";
    fasta += ">bad\nACGU*\n";
    write_file(dir / "u.fa", fasta);
    auto out = dir / "sites.tsv";
    auto r = run_mirhit({"scan", (dir / "u.fa").string(), "-o", out.string(), "--gene-summary", (dir / "g.tsv").string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: " + (dir / "u.fa").string() +
                         ":10002: illegal character '*' in the sequence of 'bad' (allowed: A, C, G, T, U and IUPAC codes such as N)\n");
    std::vector<std::string> left;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) left.push_back(entry.path().filename().string());
    EXPECT_EQ(left, std::vector<std::string>{"u.fa"});
}

TEST(cli, outputs_to_links_devices_and_standard_output) {
    auto dir = temp_dir();
    write_file(dir / "u.fa", ">a gene=A\nAUAAGCUA\n>b gene=B\nGAUAAGCUAG\n>c gene=A\nUAAGCUA\n");
    const std::vector<std::string> base = {"scan", (dir / "u.fa").string(), "--mirnas", "hsa-miR-21-5p"};
    auto with = [&](std::vector<std::string> extra) {
        auto args = base;
        args.insert(args.end(), extra.begin(), extra.end());
        return run_mirhit(args);
    };
    const auto expected_sites = with({}).out;

    // A link keeps pointing at the file it names; only the file is replaced.
    write_file(dir / "real.tsv", "old\n");
    std::filesystem::create_symlink("real.tsv", dir / "link.tsv");
    EXPECT_EQ(with({"-o", (dir / "link.tsv").string()}).exit_code, 0);
    EXPECT_TRUE(std::filesystem::is_symlink(dir / "link.tsv"));
    EXPECT_EQ(data_lines(read_file(dir / "real.tsv")), data_lines(expected_sites));

    // A device is written in place, never replaced by a rename.
    auto to_null = with({"-o", "/dev/null", "--gene-summary", "/dev/null"});
    EXPECT_EQ(to_null.exit_code, 0) << to_null.err;
    EXPECT_EQ(to_null.out, "");
    EXPECT_TRUE(std::filesystem::is_character_file("/dev/null"));

    // The gene summary on standard output, merged across the records of gene A.
    auto summary = with({"-o", (dir / "s.tsv").string(), "--gene-summary", "-"});
    EXPECT_EQ(summary.exit_code, 0) << summary.err;
    EXPECT_EQ(data_lines(summary.out),
              (std::vector<std::string>{"gene\tmirna\tfamily\t8mer\t7mer-m8\t7mer-A1\t6mer\toffset-6mer\ttotal\tnear_stop",
                                        "A\thsa-miR-21-5p\tAGCUUAU\t0\t0\t0\t0\t0\t0\t2",
                                        "B\thsa-miR-21-5p\tAGCUUAU\t0\t0\t0\t0\t0\t0\t1"}));
    EXPECT_EQ(data_lines(read_file(dir / "s.tsv")), data_lines(expected_sites));

    for (const auto& [o, g] : std::vector<std::pair<std::string, std::string>>{
             {"-", "-"}, {(dir / "x.tsv").string(), (dir / "." / "x.tsv").string()}}) {
        auto same = with({"-o", o, "--gene-summary", g});
        EXPECT_EQ(same.exit_code, 2);
        EXPECT_EQ(same.err, "mirhit: error: --gene-summary: '" + g + "' is also the site output\nRun 'mirhit scan --help' for usage.\n");
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "x.tsv"));
}

TEST(cli, bad_input_messages_and_exit_codes) {
    auto dir = temp_dir();
    write_file(dir / "short.fa", ">hsa-miR-x\nUAGCUUA\n");
    write_file(dir / "u.fa", ">u\nAUAAGCUA\n");
    write_file(dir / "empty.fa", "");
    auto u = (dir / "u.fa").string();
    struct expectation {
        std::vector<std::string> args;
        int code;
        std::string err;
    };
    const std::vector<expectation> cases = {
        {{"scan", "nope.fa"}, 1, "mirhit: error: nope.fa: cannot open: No such file or directory\n"},
        {{"scan", (dir / "empty.fa").string()}, 1, "mirhit: error: " + (dir / "empty.fa").string() + ": empty file, no FASTA records\n"},
        {{"scan", u, "--mirna", (dir / "short.fa").string()}, 1,
         "mirhit: error: " + (dir / "short.fa").string() + ":1: miRNA 'hsa-miR-x' is 7 nt long; at least 8 are needed for a seed match\n"},
        {{"scan", u, "--species", "mmu"}, 1,
         "mirhit: error: built-in miRNA set: no miRNA name starts with 'mmu-' (--species mmu)\n"},
        {{"scan", u, "--mirnas", "hsa-miR-99999"}, 1,
         "mirhit: error: --mirnas: no miRNA named 'hsa-miR-99999' in built-in: miRBase 22 human mature miRNAs (2656), from Debian optimir 1.2-1\n"},
        {{"scan", u, "--bogus"}, 2, "mirhit: error: The following argument was not expected: --bogus\nRun 'mirhit scan --help' for usage.\n"},
        {{"scan", u, "--threads", "abc"}, 2,
         "mirhit: error: --threads: 'abc' is not a whole number from 1 to 4096\nRun 'mirhit scan --help' for usage.\n"},
        {{"scan", u, "--threads", "0"}, 2,
         "mirhit: error: --threads: '0' is not a whole number from 1 to 4096\nRun 'mirhit scan --help' for usage.\n"},
        {{"scan", u, "--sites", "9mer"}, 2,
         "mirhit: error: --sites: 9mer not in {8mer,7mer-m8,7mer-A1,6mer,offset-6mer,6mer-A1,8mer-GU,7mer-m8-GU,7mer-A1-GU,bulge-7mer,3p-compensatory,centered,canonical,all}\nRun 'mirhit scan --help' for usage.\n"},
        {{"scan"}, 2, "mirhit: error: scan: needs UTR files, --index or --alignments\nRun 'mirhit scan --help' for usage.\n"},
    };
    for (const auto& c : cases) {
        auto r = run_mirhit(c.args);
        EXPECT_EQ(r.exit_code, c.code) << c.err;
        EXPECT_EQ(r.err, c.err);
        EXPECT_EQ(r.out, "");
    }
}

TEST(cli, help_has_synopsis_and_example_and_version_is_one_line) {
    for (const char* command : {"scan", "abundance", "curated", "targetscan", "targetscan-context", "utrs", "index"}) {
        auto r = run_mirhit({command, "--help"});
        EXPECT_EQ(r.exit_code, 0);
        EXPECT_NE(r.out.find("Synopsis:"), std::string::npos) << command;
        EXPECT_NE(r.out.find("Example:"), std::string::npos) << command;
    }
    auto v = run_mirhit({"--version"});
    EXPECT_EQ(v.exit_code, 0);
    EXPECT_TRUE(v.out.starts_with("mirhit ")) << v.out;
}

// The README's targetscan example, run as a user would.
TEST(cli, targetscan_drop_in_writes_the_reference_columns) {
    auto dir = temp_dir();
    write_file(dir / "families.txt", "miR-29-3p\tAGCACCA\t9606;10090;10116\nmiR-103-3p/107\tGCAGCAU\t9606;10090\n");
    write_file(dir / "utrs.txt",
               "SPINT1\t9606\tTTCAAAGCTGCCTGTCCCTACCCCATGGTG-CTAGGAAGAGGAGTGGGGTG\n"
               "SPINT1\t10090\tTTCAAAGCTG---TGTCCCTACCCAATGGTGACTAGGAAGAGCATGCTGTG\n"
               "SPINT1\t10116\tTTCAAAGCTG---TGTCCCTACCCAATGGTG-CTTGGAAGAG-ATGCTGTG\n");
    write_file(dir / "targets.txt", "an older result, overwritten without asking\n");
    auto r = run_mirhit({"targetscan", "families.txt", "utrs.txt", "targets.txt", "--threads", "2"}, "", dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out + r.err, "");
    EXPECT_EQ(read_file(dir / "targets.txt"),
              "a_Gene_ID\tmiRNA_family_ID\tspecies_ID\tMSA_start\tMSA_end\tUTR_start\tUTR_end\tGroup_num\tSite_type\t"
              "miRNA in this species\tGroup_type\tSpecies_in_this_group\tSpecies_in_this_group_with_this_site_type\t"
              "ORF_overlap\n"
              "SPINT1\tmiR-29-3p\t10116\t27\t34\t24\t30\t1\t7mer-m8\tx\t7mer-m8+8mer-1a\t9606 10116\t9606 10116\t0\n"
              "SPINT1\tmiR-29-3p\t9606\t26\t34\t26\t33\t1\t8mer-1a\tx\t7mer-m8+8mer-1a\t9606 10116\t9606\t0\n");

    auto missing = run_mirhit({"targetscan", "families.txt", "utrs.txt"}, "", dir);
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_EQ(missing.err, "mirhit: error: output_file is required\nRun 'mirhit targetscan --help' for usage.\n");

    write_file(dir / "bad.txt", "miR-29-3p\tAGCA\t9606\n");
    auto bad = run_mirhit({"targetscan", "bad.txt", "utrs.txt", "new.txt"}, "", dir);
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_EQ(bad.err, "mirhit: error: bad.txt:1: seed 'AGCA' must be 7 nt of A, C, G, U/T\n");
    EXPECT_FALSE(std::filesystem::exists(dir / "new.txt"));
}

TEST(cli, abundance_counts_sites_of_every_seed) {
    auto r = run_mirhit({"abundance", "-"}, ">a\nAUAAGCUAGG\n");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto rows = data_lines(r.out);
    ASSERT_EQ(rows.size(), 16385u);
    EXPECT_EQ(rows[0], "seed\tsites\tta");
    std::vector<std::string> with_sites;
    for (const auto& row : rows)
        if (row.find("\t0\t") == std::string::npos && row != rows[0]) with_sites.push_back(row);
    // AUAAGCUA is an 8mer of AGCUUAU and, through UAAGCUA, a 7mer-A1 of AGCUUAx; the 7-mers
    // UAAGCUA, AAGCUAG and AGCUAGG are 7mer-m8 sites of UAGCUUA, CUAGCUU and CCUAGCU.
    // log10(2 × 23e6 / 10) = 6.663.
    EXPECT_EQ(with_sites, (std::vector<std::string>{"AGCUUAA\t1\t6.663", "AGCUUAC\t1\t6.663", "AGCUUAG\t1\t6.663",
                                                    "AGCUUAU\t1\t6.663", "CCUAGCU\t1\t6.663", "CUAGCUU\t1\t6.663",
                                                    "UAGCUUA\t1\t6.663"}));
    EXPECT_NE(r.out.find("## nucleotides: 10\n"), std::string::npos);
    auto both = run_mirhit({"abundance", "--both-strands", "-"}, ">a\nAUAAGCUAGG\n");
    EXPECT_NE(both.out.find("## nucleotides: 20\n"), std::string::npos);

    auto empty = run_mirhit({"abundance", "-"}, ">a\nNNNN\n");
    EXPECT_EQ(empty.exit_code, 1);
    EXPECT_EQ(empty.err, "mirhit: error: no A, C, G, T/U nucleotides in the input: nothing to count\n");
}

TEST(cli, biomart_unavailable_records_are_reported) {
    auto dir = temp_dir();
    write_file(dir / "m.fa", ">ENSG00000000001|ENST00000000001|A\nSequence unavailable\n>ENSG00000000002|ENST00000000002|B\nAUAAGCUA\n");
    auto r = run_mirhit({"scan", (dir / "m.fa").string(), "--mirnas", "hsa-miR-21-5p"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.err, "mirhit: warning: " + (dir / "m.fa").string() +
                         ": skipped 1 record(s) whose sequence is 'Sequence unavailable' (Ensembl BioMart), the first at line 1\n");
    EXPECT_EQ(data_lines(r.out).back(), "ENST00000000002\tB\thsa-miR-21-5p\tAGCUUAU\t8mer\t1\t8\tAUAAGCUA\t1\tNA\tNA\tNA");
}

TEST(cli, list_options_take_one_argument_per_use) {
    // "--sites 8mer FILE": FILE is the input, not a second site type; repeated uses add up.
    auto before = run_mirhit({"scan", "--sites", "8mer", "--sites", "6mer", "examples/utrs.fa", "--mirnas",
                              "hsa-miR-29a-3p,hsa-miR-21-5p"});
    auto after = run_mirhit({"scan", "examples/utrs.fa", "--sites", "8mer,6mer", "--mirnas", "hsa-miR-29a-3p",
                             "--mirnas", "hsa-miR-21-5p"});
    ASSERT_EQ(before.exit_code, 0) << before.err;
    ASSERT_EQ(after.exit_code, 0) << after.err;
    EXPECT_EQ(data_lines(before.out), data_lines(after.out));
    EXPECT_EQ(data_lines(before.out).size(), 3u);
}

}  // namespace
}  // namespace mirhit::test

namespace mirhit::test {
namespace {

// The tab-separated fields of a line.
std::vector<std::string> fields_of(const std::string& line) {
    std::vector<std::string> f;
    std::size_t a = 0;
    for (std::size_t b; (b = line.find('\t', a)) != std::string::npos; a = b + 1) f.push_back(line.substr(a, b - a));
    f.push_back(line.substr(a));
    return f;
}

TEST(cli, version_lists_the_built_in_data_and_libraries) {
    auto v = run_mirhit({"--version"});
    EXPECT_EQ(v.exit_code, 0);
    for (const char* line : {"\ndata:\n", "\n  miRNAs: built-in: miRBase 22 human mature miRNAs (2656)",
                             "\n  gene aliases: ", "\n  curated claims: ", "\n  target-site abundance: ",
                             "\n  energy parameters: built-in Turner 2004", "\nlibraries:\n  oneTBB 20"})
        EXPECT_NE(v.out.find(line), std::string::npos) << line << " in\n" << v.out;
}

}  // namespace

// --score access: dG_open = -RT ln P(the 8 nt opposite miR-21 nt 1-8 unpaired), from the same
// unpaired probabilities as the library computes; a site inside a strong hairpin stem costs more
// to open than one in an A-rich stretch; NA when u is too short.
TEST(cli, access_score_is_the_opening_energy_of_the_site) {
    const auto dir = temp_dir();
    // miR-21-5p 8mer site AUAAGCUA twice: in an A-rich stretch, then closing a G-C hairpin.
    const std::string free_site = "AAAACAAAACAAAAUAAGCUAAAACAAAACAAAACAAAACAAAAC";
    const std::string stem = "UAGCUUAUGGCGCG", loop = "GAAA", stem_back = "CGCGCCAUAAGCUA";
    const std::string utr = free_site + "CAAAACAAAAC" + stem + loop + stem_back + "AAAACAAAACAAAAC";
    write_file(dir / "utr.fa", ">NM_ACC gene=ACC\n" + utr + "\n");
    const auto r = run_mirhit({"scan", (dir / "utr.fa").string(), "--mirnas", "hsa-miR-21-5p", "--sites", "8mer",
                               "--score", "access"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("\n## accessibility: RNAplfold's model in-process"), std::string::npos) << r.out;
    const auto rows = data_lines(r.out);
    ASSERT_EQ(rows.size(), 3u) << r.out;  // header and two sites
    EXPECT_EQ(fields_of(rows[0]).back(), "dG_open");

    scoring::plfold fold(scoring::turner2004(), scoring::plfold_options{});
    const auto table = fold.unpaired(utr);
    std::vector<double> dg;
    for (std::size_t k = 1; k < rows.size(); ++k) {
        const auto f = fields_of(rows[k]);
        const std::size_t end = std::stoul(f[6]);  // the 8mer's last nt is opposite miRNA nt 1
        char expected[32];
        std::snprintf(expected, sizeof expected, "%.3f", scoring::opening_energy(table.at(end, 8)));
        EXPECT_EQ(f.back(), expected) << rows[k];
        dg.push_back(std::stod(f.back()));
    }
    EXPECT_LT(dg[0], 1.0);
    EXPECT_GT(dg[1], dg[0] + 3.0);

    const auto short_u = run_mirhit({"scan", (dir / "utr.fa").string(), "--mirnas", "hsa-miR-21-5p", "--sites", "8mer",
                                     "--score", "access,context++", "--access-unpaired", "5"});
    ASSERT_EQ(short_u.exit_code, 0) << short_u.err;
    const auto short_rows = data_lines(short_u.out);
    ASSERT_EQ(short_rows.size(), 3u);
    const auto header = fields_of(short_rows[0]);
    EXPECT_EQ(header.back(), "dG_open");
    EXPECT_NE(std::find(header.begin(), header.end(), "SA"), header.end());
    for (std::size_t k = 1; k < short_rows.size(); ++k) {
        const auto f = fields_of(short_rows[k]);
        EXPECT_EQ(f.back(), "NA");
        EXPECT_EQ(f[std::find(header.begin(), header.end(), "SA") - header.begin()], "NA");  // u 5 < 14
    }
}

}  // namespace mirhit::test
