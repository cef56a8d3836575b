// scan --genome-coords: UTR header genome blocks, BED12 mapping, and utrs | scan end to end.
#include <gtest/gtest.h>

#include <filesystem>

#include "io/genome_coords.hpp"
#include "tests/test_support.hpp"

namespace mirhit::test {
namespace {

io::genome_blocks blocks(const std::string& header) {
    io::genome_blocks out;
    std::string error;
    EXPECT_TRUE(io::parse_genome_blocks(header, out, error)) << header << ": " << error;
    return out;
}

std::string bed12(const io::genome_blocks& where, std::uint64_t start, std::uint64_t length, bool reverse = false) {
    std::string out;
    io::append_genome_bed12(out, where, start, length, reverse, "n", 1000);
    return out;
}

TEST(genome_coords, headers_of_mirhit_utrs_give_the_exon_blocks) {
    auto plus = blocks("T1 gene=ONE chrom=chr1 strand=+ exons=18-20,31-45");
    EXPECT_EQ(plus.chrom, "chr1");
    EXPECT_EQ(plus.strand, '+');
    EXPECT_EQ(plus.exons, (std::vector<std::pair<std::uint64_t, std::uint64_t>>{{18, 20}, {31, 45}}));
    EXPECT_EQ(plus.length(), 18u);
    EXPECT_EQ(blocks("T3 gene=G2 chrom=chr2 strand=- exons=20-21,2-10").length(), 11u);

    auto error_of = [](const std::string& header) {
        io::genome_blocks out;
        std::string error;
        EXPECT_FALSE(io::parse_genome_blocks(header, out, error)) << header;
        return error;
    };
    EXPECT_EQ(error_of("NM_1 gene=X cds_end=9 utr_length=5"),
              "no genome coordinates in the header (chrom=, strand= and exons=, as `mirhit utrs --genome --gtf` writes them)");
    EXPECT_EQ(error_of("T chrom=c strand=+"), error_of("NM_1"));
    EXPECT_EQ(error_of("T chrom=c strand=. exons=1-5"), "strand=. is not + or -");
    EXPECT_EQ(error_of("T chrom=c strand=+ exons=1-5,"), "exons=1-5,: '' is not START-END (1-based, START <= END)");
    EXPECT_EQ(error_of("T chrom=c strand=+ exons=0-5"), "exons=0-5: '0-5' is not START-END (1-based, START <= END)");
    EXPECT_EQ(error_of("T chrom=c strand=+ exons=9-5"), "exons=9-5: '9-5' is not START-END (1-based, START <= END)");
    EXPECT_EQ(error_of("T chrom=c strand=+ exons=10-20,15-30"),
              "exons=10-20,15-30: 15-30 overlaps or comes before the exon before it on strand +");
    EXPECT_EQ(error_of("T chrom=c strand=- exons=1-5,10-20"),
              "exons=1-5,10-20: 10-20 overlaps or comes before the exon before it on strand -");
}

TEST(genome_coords, sites_map_to_one_block_per_exon_they_touch) {
    // Plus strand: UTR 0-2 = chr1:18-20, 3-17 = chr1:31-45 (1-based).
    auto plus = blocks("T1 chrom=chr1 strand=+ exons=18-20,31-45");
    EXPECT_EQ(bed12(plus, 3, 8), "chr1\t30\t38\tn\t1000\t+\t30\t38\t0\t1\t8,\t0,\n");
    EXPECT_EQ(bed12(plus, 1, 8), "chr1\t18\t36\tn\t1000\t+\t18\t36\t0\t2\t2,6,\t0,12,\n");
    // A site on the UTR's other strand is on the other genome strand, same footprint.
    EXPECT_EQ(bed12(plus, 1, 8, true), "chr1\t18\t36\tn\t1000\t-\t18\t36\t0\t2\t2,6,\t0,12,\n");
    // Minus strand, three exons in transcript order: UTR 0-4 = chr2:50-46, 5-6 = 30-29, 7-16 = 20-11.
    auto minus = blocks("T2 chrom=chr2 strand=- exons=46-50,29-30,11-20");
    EXPECT_EQ(bed12(minus, 0, 5), "chr2\t45\t50\tn\t1000\t-\t45\t50\t0\t1\t5,\t0,\n");
    EXPECT_EQ(bed12(minus, 3, 8), "chr2\t16\t47\tn\t1000\t-\t16\t47\t0\t3\t4,2,2,\t0,12,29,\n");
    EXPECT_EQ(bed12(minus, 9, 8), "chr2\t10\t18\tn\t1000\t-\t10\t18\t0\t1\t8,\t0,\n");
    // Abutting exons (a 3'UTR feature split at the stop codon's end) give one block.
    EXPECT_EQ(bed12(blocks("T chrom=c strand=+ exons=1-4,5-9"), 2, 6), "c\t2\t8\tn\t1000\t+\t2\t8\t0\t1\t6,\t0,\n");
}

std::string gtf_line(const std::string& chrom, const std::string& feature, int start, int end, char strand, const std::string& attributes) {
    return chrom + "\tTEST\t" + feature + "\t" + std::to_string(start) + "\t" + std::to_string(end) + "\t.\t" + strand + "\t.\t" +
           attributes + "\n";
}

// 200 bp chromosomes of C (no hsa-miR-21-5p site on either strand) with letters planted at
// 1-based positions.
std::string chromosome(const std::vector<std::pair<int, std::string>>& planted) {
    std::string seq(200, 'C');
    for (const auto& [pos, letters] : planted) seq.replace(static_cast<std::size_t>(pos - 1), letters.size(), letters);
    return seq;
}

// hsa-miR-21-5p 8mer: ATAAGCTA on the UTR; TAGCTTAT on the genome under a minus-strand UTR.
// TP (+, chr1): 3'UTR exons 43-60, 101-130; an 8mer across the junction (58-60 + 101-105) and
// one in the second exon (120-127). TM (-, chr2): 3'UTR exons 120-146, 60-79, 20-29 (UTR order
// 146..120, 79..60, 29..20); an 8mer in the first exon (genome 134-141) and one across the
// junction of the second and third (UTR 43-50 = genome 63..60 and 29..26).
std::string test_genome() {
    return ">chr1\n" + chromosome({{58, "ATA"}, {101, "AGCTA"}, {120, "ATAAGCTA"}}) + "\n>chr2\n" +
           chromosome({{26, "TAGC"}, {60, "TTAT"}, {134, "TAGCTTAT"}}) + "\n";
}

std::string test_gtf() {
    const std::string tp = "gene_id \"GP\"; transcript_id \"TP\"; gene_name \"PLUS\";";
    const std::string tm = "gene_id \"GM\"; transcript_id \"TM\"; gene_name \"MINUS\";";
    return gtf_line("chr1", "CDS", 10, 39, '+', tp) + gtf_line("chr1", "stop_codon", 40, 42, '+', tp) +
           gtf_line("chr1", "three_prime_utr", 43, 60, '+', tp) + gtf_line("chr1", "three_prime_utr", 101, 130, '+', tp) +
           gtf_line("chr2", "CDS", 150, 179, '-', tm) + gtf_line("chr2", "stop_codon", 147, 149, '-', tm) +
           gtf_line("chr2", "UTR", 120, 149, '-', tm) + gtf_line("chr2", "UTR", 60, 79, '-', tm) +
           gtf_line("chr2", "UTR", 20, 29, '-', tm);
}

std::string without_comments(const std::string& text) {
    std::string out;
    for (const auto& line : data_lines(text)) out += line + "\n";
    return out;
}

TEST(genome_coords, utrs_then_scan_writes_bed12_on_the_genome) {
    auto dir = temp_dir();
    write_file(dir / "genome.fa", test_genome());
    write_file(dir / "a.gtf", test_gtf());
    auto utrs = run_mirhit({"utrs", "--genome", "genome.fa", "--gtf", "a.gtf"}, "", dir);
    ASSERT_EQ(utrs.exit_code, 0) << utrs.err;
    EXPECT_EQ(utrs.out.substr(0, utrs.out.find('\n')), ">TP gene=PLUS chrom=chr1 strand=+ exons=43-60,101-130");
    EXPECT_NE(utrs.out.find(">TM gene=MINUS chrom=chr2 strand=- exons=120-146,60-79,20-29\n"), std::string::npos);

    auto scan = run_mirhit({"scan", "-", "--mirnas", "hsa-miR-21-5p", "--format", "bed", "--genome-coords", "--threads", "1"},
                           utrs.out, dir);
    ASSERT_EQ(scan.exit_code, 0) << scan.err;
    EXPECT_NE(scan.out.find("\n## coordinates: genome, from the UTR headers' chrom=, strand= and exons=; BED12, one block per exon "
                            "a site touches\n"),
              std::string::npos);
    EXPECT_EQ(without_comments(scan.out),
              "track name=mirhit_sites description=\"mirhit miRNA sites (mirna:site_type:gene:transcript)\" useScore=1\n"
              "chr1\t57\t105\thsa-miR-21-5p:8mer:PLUS:TP\t1000\t+\t57\t105\t0\t2\t3,5,\t0,43,\n"
              "chr1\t119\t127\thsa-miR-21-5p:8mer:PLUS:TP\t1000\t+\t119\t127\t0\t1\t8,\t0,\n"
              "chr2\t133\t141\thsa-miR-21-5p:8mer:MINUS:TM\t1000\t-\t133\t141\t0\t1\t8,\t0,\n"
              "chr2\t25\t63\thsa-miR-21-5p:8mer:MINUS:TM\t1000\t-\t25\t63\t0\t2\t4,4,\t0,34,\n");

    // Any number of threads and pieces gives the same sites.
    auto small = run_mirhit({"scan", "-", "--mirnas", "hsa-miR-21-5p", "--format", "bed", "--genome-coords", "--chunk-size", "16"},
                            utrs.out, dir);
    EXPECT_EQ(without_comments(small.out), without_comments(scan.out));
}

TEST(genome_coords, records_without_genome_blocks_are_errors_with_their_line) {
    auto dir = temp_dir();
    write_file(dir / "u.fa", ">T1 chrom=c strand=+ exons=1-8\nATAAGCTA\n>NM_1 gene=X\nACGT\n");
    auto r = run_mirhit({"scan", "u.fa", "--format", "bed", "--genome-coords", "-o", "out.bed"}, "", dir);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: u.fa:3: record 'NM_1': no genome coordinates in the header (chrom=, strand= and exons=, as "
                     "`mirhit utrs --genome --gtf` writes them)\n");
    EXPECT_FALSE(std::filesystem::exists(dir / "out.bed"));

    write_file(dir / "u.fa", ">T1 chrom=c strand=+ exons=1-5,9-12\nATAAGCTA\n");
    r = run_mirhit({"scan", "u.fa", "--format", "bed", "--genome-coords"}, "", dir);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: u.fa:1: record 'T1' is 8 nt long but its exons= cover 9 nt\n");

    // Found on the piece that goes past the exons, before any site is mapped.
    write_file(dir / "u.fa", ">T1 chrom=c strand=+ exons=1-5,9-12\n" + std::string(200, 'A') + "ATAAGCTA\n");
    r = run_mirhit({"scan", "u.fa", "--format", "bed", "--genome-coords", "--chunk-size", "16"}, "", dir);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: u.fa:1: record 'T1' is longer than the 9 nt its exons= cover\n");

    r = run_mirhit({"scan", "u.fa", "--genome-coords"}, "", dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "mirhit: error: --genome-coords: needs --format bed\nRun 'mirhit scan --help' for usage.\n");
}

// The example the README walks through (examples/make_genome_example.py lists the planted sites).
TEST(genome_coords, the_constructed_example_gives_the_readme_sites) {
    auto utrs = run_mirhit({"utrs", "--genome", "examples/genome.fa", "--gtf", "examples/genome.gtf"});
    ASSERT_EQ(utrs.exit_code, 0) << utrs.err;
    auto scan = run_mirhit({"scan", "-", "--mirnas", "hsa-miR-21-5p,hsa-let-7a-5p", "--format", "bed", "--genome-coords"}, utrs.out);
    ASSERT_EQ(scan.exit_code, 0) << scan.err;
    auto lines = data_lines(scan.out);
    ASSERT_EQ(lines.size(), 6u);
    EXPECT_EQ(lines[1], "chr1\t597\t1005\thsa-miR-21-5p:8mer:GENEA:TXA1\t1000\t+\t597\t1005\t0\t2\t3,5,\t0,403,");
    EXPECT_EQ(lines[2], "chr1\t1100\t1108\thsa-let-7a-5p:8mer:GENEA:TXA1\t1000\t+\t1100\t1108\t0\t1\t8,\t0,");
    EXPECT_EQ(lines[4], "chr2\t2449\t2457\thsa-miR-21-5p:8mer:GENEB:TXB1\t1000\t-\t2449\t2457\t0\t1\t8,\t0,");
    EXPECT_EQ(lines[5], "chr2\t496\t1504\thsa-let-7a-5p:8mer:GENEB:TXB1\t1000\t-\t496\t1504\t0\t2\t4,4,\t0,1004,");
}

}  // namespace
}  // namespace mirhit::test
