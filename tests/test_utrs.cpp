// mirhit utrs: GenBank locations and records, GTF transcripts, and the subcommand run as a user would.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

#include "core/text.hpp"
#include "io/genbank_reader.hpp"
#include "tests/test_support.hpp"

namespace mirhit::test {
namespace {

io::genbank_location location(const std::string& text) {
    std::string error;
    auto loc = io::parse_genbank_location(text, error);
    EXPECT_TRUE(loc) << text << ": " << error;
    return loc.value_or(io::genbank_location{});
}

std::string location_error(const std::string& text) {
    std::string error;
    EXPECT_FALSE(io::parse_genbank_location(text, error)) << text;
    return error;
}

using ranges = std::vector<std::pair<std::uint64_t, std::uint64_t>>;

TEST(genbank_location, ranges_joins_and_complements) {
    auto simple = location("104..2446");
    EXPECT_EQ(simple.ranges, (ranges{{104, 2446}}));
    EXPECT_FALSE(simple.minus || simple.partial5 || simple.partial3 || simple.remote);

    auto joined = location("join(10..20, 30..40,\n50)");
    EXPECT_EQ(joined.ranges, (ranges{{10, 20}, {30, 40}, {50, 50}}));

    auto minus = location("complement(join(<5..20,30..40))");
    EXPECT_TRUE(minus.minus);
    EXPECT_EQ(minus.ranges, (ranges{{30, 40}, {5, 20}}));
    EXPECT_TRUE(minus.partial3);
    EXPECT_FALSE(minus.partial5);

    auto minus_parts = location("join(complement(30..40),complement(5..20))");
    EXPECT_TRUE(minus_parts.minus);
    EXPECT_EQ(minus_parts.ranges, (ranges{{30, 40}, {5, 20}}));

    auto partial = location("<1..>90");
    EXPECT_TRUE(partial.partial5 && partial.partial3);
    EXPECT_TRUE(location("join(387..500,X03488.1:50..196)").remote);
    EXPECT_EQ(location("order(1..3,7..9)").ranges, (ranges{{1, 3}, {7, 9}}));
}

TEST(genbank_location, malformed_locations_are_refused) {
    EXPECT_EQ(location_error("20..10"), "descending range '20..10'");
    EXPECT_EQ(location_error("join(1..5,x)"), "'x' is not a range");
    EXPECT_EQ(location_error("join(1..5"), "'join(1..5' is not a range");
    EXPECT_EQ(location_error("0..5"), "positions start at 1");
    EXPECT_EQ(location_error("join(1..5,complement(8..9))"), "mixed strands");
    EXPECT_EQ(location_error("5^6"), "'5^6' is not a range");
    EXPECT_EQ(location_error(""), "'' is not a range");
}

// A GenBank record with these feature lines and sequence, laid out as GenBank does.
std::string genbank(const std::string& name, const std::string& molecule, const std::string& features, const std::string& seq) {
    std::string text = "LOCUS       " + name + "    " + std::to_string(seq.size()) + " bp    " + molecule +
                       "    linear   PRI 01-JAN-2020\nDEFINITION  test record\n            " + name +
                       ".\nACCESSION   " + name + "\nVERSION     " + name + ".2\nFEATURES             Location/Qualifiers\n" +
                       features + "ORIGIN      \n";
    for (std::size_t i = 0; i < seq.size(); i += 60) {
        std::string number = std::to_string(i + 1);
        text += std::string(9 - number.size(), ' ') + number;
        for (std::size_t j = i; j < std::min(seq.size(), i + 60); j += 10) text += " " + seq.substr(j, 10);
        text += "\n";
    }
    return text + "//\n";
}

std::string feature(const std::string& key, const std::string& location, const std::string& qualifiers = "") {
    return "     " + key + std::string(16 - key.size(), ' ') + location + "\n" + qualifiers;
}

std::string qualifier(const std::string& text) { return std::string(21, ' ') + text + "\n"; }

const std::string seq70 = "atggcttaagcaaacccgggtttaaattttccccggggaaaaccccgggg" "ttttaaaaccccggggtaca";

std::string test_records() {
    return genbank("NM_1", "mRNA",
                   feature("source", "1..70", qualifier("/organism=\"Homo sapiens\"")) +
                       feature("gene", "1..70", qualifier("/gene=\"ABC1\"")) +
                       feature("CDS", "join(1..6,\n" + std::string(21, ' ') + "10..12)",
                               qualifier("/note=\"a note that goes on") + qualifier("/and on\"") + qualifier("/translation=\"M")),
                   seq70) +
           genbank("NM_2", "mRNA", feature("CDS", "complement(5..20)", qualifier("/gene=\"MINUS\"")), seq70) +
           genbank("NM_3", "mRNA", feature("CDS", "3..>70"), seq70) +
           genbank("NR_4", "mRNA", feature("misc_RNA", "1..70"), seq70) +
           genbank("NC_5", "DNA", feature("CDS", "1..3"), seq70) +
           genbank("NM_6", "mRNA", feature("CDS", "1..70"), seq70) +
           genbank("NM_7", "mRNA", feature("CDS", "<1..60", qualifier("/gene=\"CDS7\"")) + feature("gene", "1..70", qualifier("/gene=\"GENE7\"")), seq70) +
           genbank("NM_8", "mRNA", feature("CDS", "1..9") + feature("CDS", "20..29"), seq70);
}

TEST(utrs, genbank_records_give_the_utrs_after_the_cds_and_note_every_skip) {
    auto dir = temp_dir();
    write_file(dir / "rna.gbff", test_records());
    auto r = run_mirhit({"utrs", "--genbank", (dir / "rna.gbff").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, ">NM_1.2 gene=ABC1 cds_end=12 utr_length=58\n"
                     "AACCCGGGTTTAAATTTTCCCCGGGGAAAACCCCGGGGTTTTAAAACCCCGGGGTACA\n"
                     ">NM_7.2 gene=CDS7 cds_end=60 utr_length=10\n"
                     "CCGGGGTACA\n");
    EXPECT_EQ(r.err, "mirhit: note: " + (dir / "rna.gbff").string() +
                         ": 2 3'UTRs from 8 records; skipped 1 not mRNA, 1 without a CDS, 1 with several CDSs, 1 with the CDS "
                         "on the minus strand, 1 with a partial 3' end of the CDS, 1 with an empty 3'UTR\n");
}

TEST(utrs, gzip_input_and_output_file) {
    auto dir = temp_dir();
    write_gzip(dir / "rna.gbff.gz", genbank("NM_9", "mRNA", feature("CDS", "1..9"), "ACGTACGTACGTAC"));
    auto r = run_mirhit({"utrs", "--genbank", "rna.gbff.gz", "-o", "utrs.fa"}, "", dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "mirhit: note: rna.gbff.gz: 1 3'UTRs from 1 records; skipped none\n");
    EXPECT_EQ(read_file(dir / "utrs.fa"), ">NM_9.2 gene=NM_9.2 cds_end=9 utr_length=5\nCGTAC\n");
}

TEST(utrs, malformed_genbank_is_an_error_with_its_line) {
    auto dir = temp_dir();
    auto error_of = [&](const std::string& text) {
        write_file(dir / "bad.gbff", text);
        auto r = run_mirhit({"utrs", "--genbank", "bad.gbff", "-o", "out.fa"}, "", dir);
        EXPECT_EQ(r.exit_code, 1);
        EXPECT_EQ(r.out, "");
        EXPECT_FALSE(std::filesystem::exists(dir / "out.fa"));
        return r.err;
    };
    const std::string good = genbank("NM_1", "mRNA", feature("CDS", "1..9"), "ACGTACGTACGTAC");
    auto no_origin = good.substr(0, good.find("ORIGIN")) + "//\n";
    EXPECT_EQ(error_of(good + no_origin), "mirhit: error: bad.gbff:18: record NM_1 has no ORIGIN (sequence)\n");
    EXPECT_EQ(error_of(genbank("NM_1", "mRNA", feature("CDS", "join(1..9,"), "ACGTACGTACGTAC")),
              "mirhit: error: bad.gbff:7: CDS location 'join(1..9,': 'join(1..9,' is not a range\n");
    EXPECT_EQ(error_of(genbank("NM_1", "mRNA", feature("CDS", "1..9"), "ACGTAC-TACGTAC")),
              "mirhit: error: bad.gbff:9: '-' in the sequence of NM_1 is not a letter\n");
    EXPECT_EQ(error_of(genbank("NM_1", "mRNA", feature("CDS", "1..90"), "ACGTACGTACGTAC")),
              "mirhit: error: bad.gbff:7: CDS 1..90 ends after the 14 bp record\n");
    EXPECT_EQ(error_of(good.substr(0, good.size() - 3)), "mirhit: error: bad.gbff:9: record NM_1 does not end with '//'\n");
    EXPECT_EQ(error_of("ID   X; SV 1\n"), "mirhit: error: bad.gbff:1: expected a LOCUS line to start a record\n");
    EXPECT_EQ(error_of("LOCUS       NM_1\n"), "mirhit: error: bad.gbff:1: LOCUS line without 'NAME LENGTH bp MOLECULE'\n");
    // SeqAn3 reads the records; the line check before it keeps it from running past the layout.
    EXPECT_EQ(error_of(genbank("NM_1", "mRNA", feature("CDS", "1..9"), "ACGTAC/TACGTAC")),
              "mirhit: error: bad.gbff:9: '/' in the sequence of NM_1 is not a letter\n");
    auto keyword_in = [&](const std::string& after) {
        auto text = good;
        return text.insert(text.find(after) + after.size(), "OTHER x\n");
    };
    EXPECT_EQ(error_of(keyword_in("PRI 01-JAN-2020\n")), "mirhit: error: bad.gbff:2: 'OTHER' before ORIGIN is not a GenBank keyword\n");
    EXPECT_EQ(error_of(keyword_in("ORIGIN      \n")),
              "mirhit: error: bad.gbff:9: 'OTHER' in the sequence of NM_1 (after ORIGIN, before '//')\n");
    write_file(dir / "blank.gbff", "\n \n" + good);
    auto r = run_mirhit({"utrs", "--genbank", "blank.gbff"}, "", dir);
    EXPECT_EQ(r.err, "mirhit: note: blank.gbff: 1 3'UTRs from 1 records; skipped none\n");
}

// chr1 in two lines, partly lower case (soft-masked).
const std::string genome_fa =
    ">chr1 test chromosome\nACGTAGCTAGGCTTAACCGGTTAACCGGTATT\nggccaattggccttaaggccttaagcca\n"
    ">chrM\nACGT\n"
    ">chr2\nTTGACCATGGAACTGCAGTTCCGATAGGCATTACGAAACG\n";

std::string gtf_line(const std::string& chrom, const std::string& feature, int start, int end, char strand, const std::string& attributes) {
    return chrom + "\tTEST\t" + feature + "\t" + std::to_string(start) + "\t" + std::to_string(end) + "\t.\t" + strand + "\t.\t" +
           attributes + "\n";
}

// Ensembl style (three_prime_utr) on the plus strand, GENCODE style (UTR, stop codon inside a
// UTR feature) on the minus strand, a second shorter 3'UTR of gene G1 and a non-coding transcript.
std::string test_gtf() {
    const std::string t1 = "gene_id \"G1\"; transcript_id \"T1\"; gene_name \"ONE\";";
    const std::string t2 = "gene_id \"G1\"; transcript_id \"T2\"; gene_name \"ONE\";";
    const std::string t3 = "gene_id \"G2\"; transcript_id \"T3\";";
    return "#!genome-build test\n" + gtf_line("chr1", "gene", 1, 50, '+', "gene_id \"G1\"; gene_name \"ONE\";") +
           gtf_line("chr1", "exon", 1, 20, '+', t1) + gtf_line("chr1", "CDS", 3, 14, '+', t1) +
           gtf_line("chr1", "stop_codon", 15, 17, '+', t1) + gtf_line("chr1", "three_prime_utr", 31, 45, '+', t1) +
           gtf_line("chr1", "three_prime_utr", 18, 20, '+', t1) + gtf_line("chr1", "three_prime_utr", 41, 45, '+', t2) +
           gtf_line("chr2", "UTR", 34, 35, '-', t3) + gtf_line("chr2", "CDS", 25, 33, '-', t3) +
           gtf_line("chr2", "stop_codon", 22, 24, '-', t3) + gtf_line("chr2", "UTR", 20, 24, '-', t3) +
           gtf_line("chr2", "UTR", 2, 10, '-', t3) + gtf_line("chrM", "exon", 1, 4, '+', "gene_id \"G4\"; transcript_id \"T4\";");
}

TEST(utrs, gtf_utrs_are_spliced_in_transcript_order_on_both_strands) {
    auto dir = temp_dir();
    write_gzip(dir / "genome.fa.gz", genome_fa);
    write_gzip(dir / "annotation.gtf.gz", test_gtf());
    auto r = run_mirhit({"utrs", "--genome", "genome.fa.gz", "--gtf", "annotation.gtf.gz"}, "", dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, ">T1 gene=ONE chrom=chr1 strand=+ exons=18-20,31-45\nCGGTTGGCCAATTGGCCT\n"
                     ">T2 gene=ONE chrom=chr1 strand=+ exons=41-45\nGGCCT\n"
                     ">T3 gene=G2 chrom=chr2 strand=- exons=20-21,2-10\nGACCATGGTCA\n");
    EXPECT_EQ(r.err, "mirhit: note: annotation.gtf.gz: 3 3'UTRs from 4 transcripts; skipped 1 without a 3'UTR\n");

    auto one = run_mirhit({"utrs", "--genome", "genome.fa.gz", "--gtf", "annotation.gtf.gz", "--one-per-gene", "-o", "utrs.fa"}, "", dir);
    EXPECT_EQ(one.exit_code, 0) << one.err;
    EXPECT_EQ(read_file(dir / "utrs.fa"), ">T1 gene=ONE chrom=chr1 strand=+ exons=18-20,31-45\nCGGTTGGCCAATTGGCCT\n"
                                          ">T3 gene=G2 chrom=chr2 strand=- exons=20-21,2-10\nGACCATGGTCA\n");
    EXPECT_EQ(one.err, "mirhit: note: annotation.gtf.gz: 2 3'UTRs from 4 transcripts; skipped 1 without a 3'UTR, 1 not the "
                       "longest 3'UTR of their gene\n");
}

TEST(utrs, gtf_orfs_are_the_cds_and_stop_codon_spliced_with_the_utr_ids) {
    auto dir = temp_dir();
    write_gzip(dir / "genome.fa.gz", genome_fa);
    write_gzip(dir / "annotation.gtf.gz", test_gtf());
    auto r = run_mirhit({"utrs", "--genome", "genome.fa.gz", "--gtf", "annotation.gtf.gz", "-o", "utrs.fa", "--orfs", "orfs.fa"}, "", dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    // T2 has a 3'UTR but no CDS feature: no ORF.
    EXPECT_EQ(read_file(dir / "orfs.fa"), ">T1 gene=ONE chrom=chr1 strand=+ cds=3-14,15-17 orf_length=15\nGTAGCTAGGCTTAAC\n"
                                          ">T3 gene=G2 chrom=chr2 strand=- cds=25-33,22-24 orf_length=12\nTAATGCCTATCG\n");
    auto same = run_mirhit({"utrs", "--genome", "genome.fa.gz", "--gtf", "annotation.gtf.gz", "-o", "x.fa", "--orfs", "x.fa"}, "", dir);
    EXPECT_EQ(same.exit_code, 2);
    EXPECT_NE(same.err.find("--orfs: 'x.fa' is also the 3'UTR output"), std::string::npos) << same.err;
}

TEST(utrs, one_per_gene_keeps_the_first_of_equally_long_utrs) {
    auto dir = temp_dir();
    write_file(dir / "genome.fa", genome_fa);
    write_file(dir / "a.gtf", gtf_line("chr1", "three_prime_utr", 1, 5, '+', "gene_id \"G\"; transcript_id \"A\";") +
                                  gtf_line("chr1", "three_prime_utr", 11, 15, '+', "gene_id \"G\"; transcript_id \"B\";"));
    auto r = run_mirhit({"utrs", "--genome", "genome.fa", "--gtf", "a.gtf", "--one-per-gene"}, "", dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, ">A gene=G chrom=chr1 strand=+ exons=1-5\nACGTA\n");
}

TEST(utrs, gtf_and_genome_errors_name_the_line) {
    auto dir = temp_dir();
    write_file(dir / "genome.fa", genome_fa);
    auto error_of = [&](const std::string& gtf) {
        write_file(dir / "a.gtf", gtf);
        auto r = run_mirhit({"utrs", "--genome", "genome.fa", "--gtf", "a.gtf", "-o", "out.fa"}, "", dir);
        EXPECT_EQ(r.exit_code, 1);
        EXPECT_FALSE(std::filesystem::exists(dir / "out.fa"));
        return r.err;
    };
    const std::string a = "gene_id \"G\"; transcript_id \"A\";";
    EXPECT_EQ(error_of("# comment\n" + gtf_line("chr9", "three_prime_utr", 1, 5, '+', a)),
              "mirhit: error: a.gtf:2: chromosome chr9 of transcript A is not in genome.fa\n");
    EXPECT_EQ(error_of(gtf_line("chrM", "exon", 1, 4, '+', a) + gtf_line("chrM", "three_prime_utr", 3, 9, '+', a)),
              "mirhit: error: a.gtf:1: 3'UTR of A ends at 9, after the end of chrM (4 bp in genome.fa)\n");
    EXPECT_EQ(error_of(gtf_line("chr1", "exon", 1, 4, '+', a) + gtf_line("chr2", "exon", 1, 4, '+', a)),
              "mirhit: error: a.gtf:2: transcript A is on chr2 + here, on chr1 + at line 1\n");
    EXPECT_EQ(error_of("chr1\tTEST\texon\t1\t4\n"), "mirhit: error: a.gtf:1: expected 9 tab-separated GTF columns, found 5\n");
    EXPECT_EQ(error_of(gtf_line("chr1", "exon", 0, 4, '+', a)),
              "mirhit: error: a.gtf:1: '0' is not a position (a whole number from 1)\n");
    EXPECT_EQ(error_of(gtf_line("chr1", "exon", 5, 4, '+', a)), "mirhit: error: a.gtf:1: end 4 is before start 5\n");
    EXPECT_EQ(error_of(gtf_line("chr1", "exon", 1, 4, '?', a)), "mirhit: error: a.gtf:1: strand '?' is not +, - or .\n");
    EXPECT_EQ(error_of(gtf_line("chr1", "three_prime_utr", 1, 4, '.', a)),
              "mirhit: error: a.gtf:1: transcript A has a 3'UTR but no strand\n");
    // The genome is read by SeqAn3 after a line check that names the line of what SeqAn3 would
    // pass over (a carriage return it drops, an empty record it accepts).
    const auto utr = gtf_line("chr2", "three_prime_utr", 1, 4, '+', a);
    write_file(dir / "genome.fa", ">chr1\nACGT\n>chr2\nAC\rGT\n");
    EXPECT_EQ(error_of(utr), "mirhit: error: genome.fa:4: illegal character 0x0D in the sequence of 'chr2' (allowed: A, C, G, T, U and "
                             "IUPAC codes such as N)\n");
    write_file(dir / "genome.fa", ">chr1\n\n>chr2\nACGT\n");
    EXPECT_EQ(error_of(utr), "mirhit: error: genome.fa:1: record 'chr1' has no sequence\n");
}

TEST(utrs, inputs_are_genbank_or_genome_and_gtf) {
    auto usage = [](const std::vector<std::string>& args) {
        auto r = run_mirhit(args);
        EXPECT_EQ(r.exit_code, 2);
        return r.err;
    };
    EXPECT_EQ(usage({"utrs"}), "mirhit: error: utrs: needs --genbank, or --genome and --gtf\nRun 'mirhit utrs --help' for usage.\n");
    EXPECT_EQ(usage({"utrs", "--genbank", "a.gb", "--gtf", "a.gtf", "--genome", "g.fa"}), "mirhit: error: --genbank excludes --genome\nRun 'mirhit utrs --help' for usage.\n");
    EXPECT_EQ(usage({"utrs", "--gtf", "a.gtf"}), "mirhit: error: --gtf requires --genome\nRun 'mirhit utrs --help' for usage.\n");
    EXPECT_EQ(usage({"utrs", "--genbank", "a.gb", "--one-per-gene"}), "mirhit: error: --one-per-gene requires --gtf\nRun 'mirhit utrs --help' for usage.\n");
}

std::map<std::string, std::string> sequences_by_accession(const std::string& fasta) {
    std::map<std::string, std::string> out;
    std::string id;
    std::size_t pos = 0;
    while (pos < fasta.size()) {
        auto end = fasta.find('\n', pos);
        auto line = fasta.substr(pos, end - pos);
        pos = end + 1;
        if (line.starts_with('>')) {
            id = line.substr(1, line.find_first_of(" .") - 1);
            out[id];
        } else {
            out[id] += line;
        }
    }
    return out;
}

TEST(utrs, emboss_test_records_give_the_example_utrs) {
    const std::filesystem::path gbpri1 = "/usr/share/EMBOSS/test/genbank/gbpri1.seq";
    if (!std::filesystem::exists(gbpri1)) GTEST_SKIP() << gbpri1 << " is not installed (Debian package emboss-test)";
    auto r = run_mirhit({"utrs", "--genbank", gbpri1.string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "mirhit: note: " + gbpri1.string() + ": 5 3'UTRs from 18 records; skipped 13 not mRNA\n");
    auto got = sequences_by_accession(r.out);
    EXPECT_EQ(got.size(), 5u);
    EXPECT_EQ(got, sequences_by_accession(read_file(std::filesystem::path(MIRHIT_SOURCE_DIR) / "examples" / "utrs.fa")));
}

TEST(utrs, emboss_test_records_give_the_example_orfs) {
    const std::filesystem::path gbpri1 = "/usr/share/EMBOSS/test/genbank/gbpri1.seq";
    if (!std::filesystem::exists(gbpri1)) GTEST_SKIP() << gbpri1 << " is not installed (Debian package emboss-test)";
    const auto dir = temp_dir();
    auto r = run_mirhit({"utrs", "--genbank", gbpri1.string(), "-o", (dir / "utrs.fa").string(), "--orfs", (dir / "orfs.fa").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto orfs = read_file(dir / "orfs.fa");
    EXPECT_EQ(sequences_by_accession(orfs),
              sequences_by_accession(read_file(std::filesystem::path(MIRHIT_SOURCE_DIR) / "examples" / "orfs.fa")));
    EXPECT_TRUE(orfs.starts_with(">X59796.1 gene=X59796.1 cds=104..2446 orf_length=2343\nATGATGCTCCTCGCC")) << orfs.substr(0, 100);
    // Every term of context++ from the one annotation: the scores of the examples with their ORFs
    // (ids, genes and claims aside: the examples name the genes).
    const auto scores = [](const std::string& utrs, const std::string& orf_file) {
        const auto r = run_mirhit({"scan", utrs, "--mirnas", "hsa-miR-103a-3p", "--score", "context++", "--orf", orf_file});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        std::vector<std::string> rows;
        for (const auto& line : data_lines(r.out)) {
            std::vector<std::string> fields;
            std::istringstream in(line);
            for (std::string f; std::getline(in, f, '\t');) fields.push_back(f);
            fields.erase(fields.begin() + 9, fields.begin() + 12);  // claim columns
            fields.erase(fields.begin(), fields.begin() + 2);        // utr_id, gene
            rows.push_back(join(fields, "\t"));
        }
        return rows;
    };
    const std::filesystem::path examples = std::filesystem::path(MIRHIT_SOURCE_DIR) / "examples";
    const auto mine = scores((dir / "utrs.fa").string(), (dir / "orfs.fa").string());
    EXPECT_EQ(mine, scores((examples / "utrs.fa").string(), (examples / "orfs.fa").string()));
    EXPECT_NE(std::find(mine.begin(), mine.end(),
                        "hsa-miR-103a-3p\tGCAGCAU\t7mer-A1\t348\t354\tUGCUGCA\t0\t-0.127\tNA\t-0.195\t3.000\t-0.048\t0.487\t-0.024\t2.540\t"
                        "0.030\t2.860\t0.047\t3.370\t0.039\t0.000\t0.000\t1.000\t-0.020\t-2.763\t-0.031\t3.549\t0.064\t-8.600\t0.000\tNA\t"
                        "NA\tA\t-0.025\tU\t0.000\tC\t0.036"),
              mine.end());
}

}  // namespace
}  // namespace mirhit::test
