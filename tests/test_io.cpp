// FASTA and miRNA readers, UTR header parsing, output formatting.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/error.hpp"
#include "io/fasta_reader.hpp"
#include "io/mirna_reader.hpp"
#include "io/site_writer.hpp"
#include "io/utr_header.hpp"
#include "tests/test_support.hpp"

namespace mirhit::io {
namespace {

struct whole_record {
    std::string id, gene, seq;
    std::uint64_t line;
};

std::vector<whole_record> read_all(std::unique_ptr<byte_source> source, std::size_t target = 1 << 20) {
    fasta_reader reader(std::move(source), 8, parse_utr_header);
    std::vector<sequence_piece> pieces;
    while (reader.read_batch(pieces, target)) {}
    std::vector<whole_record> out;
    std::string seq;
    for (const auto& p : pieces) {
        seq += p.seq.substr(p.overlap);
        if (p.last) {
            out.push_back({p.record->id, p.record->gene, seq, p.record->line});
            seq.clear();
        }
    }
    return out;
}

std::vector<whole_record> read_text(const std::string& text, std::size_t target = 1 << 20) {
    return read_all(byte_source::from_memory("mem.fa", text), target);
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const input_error& e) {
        return e.what();
    }
    return "no error";
}

std::string read_error(const std::string& text) {
    return error_of([&] { read_text(text); });
}

TEST(fasta_reader, single_and_multi_line_records) {
    auto r = read_text(">a\nACGU\n>b desc here\nAC\nGT\n\nNN\n>c\nacgt");
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0].seq, "ACGU");
    EXPECT_EQ(r[1].id, "b");
    EXPECT_EQ(r[1].seq, "ACGTNN");
    EXPECT_EQ(r[1].line, 3u);
    EXPECT_EQ(r[2].seq, "acgt");
}

TEST(fasta_reader, crlf_line_ends) {
    auto r = read_text(">a x\r\nACGU\r\nGG\r\n\r\n>b\r\nCC\r\n");
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].id, "a");
    EXPECT_EQ(r[0].seq, "ACGUGG");
    EXPECT_EQ(r[1].seq, "CC");
}

TEST(fasta_reader, long_record_in_pieces_keeps_every_letter_once) {
    std::string seq;
    for (int i = 0; i < 1000; ++i) seq += "ACGTN"[i * 7 % 5];
    auto r = read_text(">big\n" + seq + "\n>small\nAC\n", 50);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].seq, seq);
    EXPECT_EQ(r[1].seq, "AC");
}

TEST(fasta_reader, pieces_overlap_by_the_site_context) {
    fasta_reader reader(byte_source::from_memory("m", ">r\n" + std::string(100, 'A') + "\n"), 8);
    std::vector<sequence_piece> pieces;
    while (reader.read_batch(pieces, 30)) {}
    ASSERT_GE(pieces.size(), 3u);
    EXPECT_EQ(pieces[0].offset, 0u);
    EXPECT_EQ(pieces[0].overlap, 0u);
    EXPECT_EQ(pieces[1].overlap, 8u);
    EXPECT_EQ(pieces[1].offset, pieces[0].seq.size() - 8);
    EXPECT_TRUE(pieces.back().last);
    EXPECT_EQ(pieces.back().offset + pieces.back().seq.size(), 100u);
}

TEST(fasta_reader, gzip_is_recognised_by_its_bytes) {
    auto dir = test::temp_dir();
    test::write_gzip(dir / "utrs.txt", ">a gene=X\nACGU\n>b\nGG\n");
    auto r = read_all(byte_source::open((dir / "utrs.txt").string()));
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].gene, "X");
    EXPECT_EQ(r[1].seq, "GG");
}

TEST(fasta_reader, concatenated_gzip_members_are_one_stream) {
    auto dir = test::temp_dir();
    test::write_gzip(dir / "a.gz", ">a\nACGU\n");
    test::write_gzip(dir / "b.gz", ">b\nGGCC\n");
    test::write_file(dir / "ab.gz", test::read_file(dir / "a.gz") + test::read_file(dir / "b.gz"));
    auto r = read_all(byte_source::open((dir / "ab.gz").string()));
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[1].seq, "GGCC");
}

TEST(fasta_reader, bad_input_messages) {
    EXPECT_EQ(read_error(""), "mem.fa: empty file, no FASTA records");
    EXPECT_EQ(read_error("\n\n"), "mem.fa: empty file, no FASTA records");
    EXPECT_EQ(read_error("ACGT\n>a\nAC\n"), "mem.fa:1: expected a FASTA header starting with '>', found 'ACGT'");
    EXPECT_EQ(read_error(">a\nACGT\nAC1T\n"),
              "mem.fa:3: illegal character '1' in the sequence of 'a' (allowed: A, C, G, T, U and IUPAC codes such as N)");
    EXPECT_EQ(read_error(">a\nAC GT\n"),
              "mem.fa:2: illegal character ' ' in the sequence of 'a' (allowed: A, C, G, T, U and IUPAC codes such as N)");
    EXPECT_EQ(read_error(">a\nAC\rGT\n"),
              "mem.fa:2: illegal character 0x0D in the sequence of 'a' (allowed: A, C, G, T, U and IUPAC codes such as N)");
    EXPECT_EQ(read_error(">a\n>b\nAC\n"), "mem.fa:1: record 'a' has no sequence");
    EXPECT_EQ(read_error(">a\nAC\n>b\n"), "mem.fa:3: record 'b' has no sequence");
    EXPECT_EQ(read_error(">\nAC\n"), "mem.fa:1: FASTA header has no id after '>'");
    EXPECT_EQ(read_error(std::string("\x89PNG\r\n", 6)), "mem.fa:1: binary data (byte 0x89), not FASTA text");
    EXPECT_EQ(read_error(std::string(">a\nAC\0GT\n", 9)), "mem.fa:2: binary data (byte 0x00) where FASTA text was expected");
    EXPECT_EQ(read_error("BZh91AY&SY"),
              "mem.fa: bzip2-compressed input is not supported; decompress it first (gzip is read directly)");
}

TEST(fasta_reader, missing_and_truncated_files) {
    auto dir = test::temp_dir();
    auto missing = (dir / "nope.fa").string();
    EXPECT_EQ(error_of([&] { read_all(byte_source::open(missing)); }), missing + ": cannot open: No such file or directory");
    std::string text;
    for (int i = 0; i < 2000; ++i) text += ">r" + std::to_string(i) + "\nACGTACGTAGCTAGCTAGCATCGATCGACTAGCATCGACTAGC\n";
    test::write_gzip(dir / "full.fa.gz", text);
    auto gz = test::read_file(dir / "full.fa.gz");
    test::write_file(dir / "cut.fa.gz", gz.substr(0, gz.size() / 2));
    auto cut = (dir / "cut.fa.gz").string();
    auto message = error_of([&] { read_all(byte_source::open(cut)); });
    EXPECT_TRUE(message.starts_with(cut + ":")) << message;
    EXPECT_TRUE(message.ends_with(": truncated gzip data (unexpected end of file)")) << message;
}

TEST(fasta_reader, biomart_sequence_unavailable_is_skipped_and_counted) {
    fasta_reader reader(byte_source::from_memory("m", ">a\nACGU\n>b\nSequence unavailable\n>c\nGG\n"), 8);
    std::vector<sequence_piece> pieces;
    while (reader.read_batch(pieces, 1000)) {}
    ASSERT_EQ(pieces.size(), 2u);
    EXPECT_EQ(pieces[1].record->id, "c");
    EXPECT_EQ(reader.unavailable(), 1u);
    EXPECT_EQ(reader.first_unavailable_line(), 3u);
}

whole_record header(const std::string& text) {
    record_header r;
    r.text = text;
    r.id = text.substr(0, text.find_first_of(" \t"));
    parse_utr_header(r);
    return {r.id, r.gene, "", 0};
}

TEST(utr_header, gene_from_tags_and_fields) {
    EXPECT_EQ(header("NM_000314 gene=PTEN len=3303").gene, "PTEN");
    EXPECT_EQ(header("ENST00000371953.8 cdna chromosome:GRCh38:10:1:2:1 gene_symbol:PTEN description:x").gene, "PTEN");
    EXPECT_EQ(header("x gene_name=\"TJP1\"").gene, "TJP1");
    auto gencode = header("ENST00000456328.2|ENSG00000290825.1|-|-|DDX11L2-202|DDX11L2|1657|lncRNA|");
    EXPECT_EQ(gencode.id, "ENST00000456328.2");
    EXPECT_EQ(gencode.gene, "DDX11L2");
    auto biomart = header("ENSG00000171862|ENST00000371953|PTEN");
    EXPECT_EQ(biomart.id, "ENST00000371953");
    EXPECT_EQ(biomart.gene, "PTEN");
    auto refseq = header("NM_000314|PTEN|entrez=5728|src=refseq|len=3303");
    EXPECT_EQ(refseq.id, "NM_000314");
    EXPECT_EQ(refseq.gene, "PTEN");
    auto plain = header("UTR17 some description");
    EXPECT_EQ(plain.id, "UTR17");
    EXPECT_EQ(plain.gene, "UTR17");
    EXPECT_EQ(header("ENSMUST00000000001|ENSMUSG00000000001|Gnai3").gene, "Gnai3");
}

TEST(mirna_reader, mirbase_fasta_with_dna_or_rna_letters) {
    auto set = read_mirnas(byte_source::from_memory(
        "m.fa", ">hsa-miR-21-5p MIMAT0000076 Homo sapiens miR-21-5p\nTAGCTTATCAGACTGATGTTGA\n"
                ">mmu-miR-21a-5p MIMAT0000530 Mus musculus\nuagcuuaucagacugauguuga\n>hsa-let-7a-5p MIMAT0000062\nUGAGGUAGUAGGUUGUAUAGUU\n"));
    ASSERT_EQ(set.size(), 3u);
    EXPECT_EQ(set.mirnas()[0].sequence, "UAGCUUAUCAGACUGAUGUUGA");
    EXPECT_EQ(set.mirnas()[0].accession, "MIMAT0000076");
    EXPECT_EQ(set.families().size(), 2u);
    EXPECT_EQ(set.families()[0].seed, "AGCUUAU");
    EXPECT_EQ(set.mirnas()[1].family, 0u);
}

TEST(mirna_reader, species_prefix) {
    const std::string text = ">hsa-miR-1 x\nUGGAAUGUAAAGAAGUAUGUAU\n>mmu-miR-1a x\nUGGAAUGUAAAGAAGUAUGUAU\n";
    auto set = read_mirnas(byte_source::from_memory("m.fa", text), "mmu");
    ASSERT_EQ(set.size(), 1u);
    EXPECT_EQ(set.mirnas()[0].name, "mmu-miR-1a");
    EXPECT_EQ(error_of([&] { read_mirnas(byte_source::from_memory("m.fa", text), "rno"); }),
              "m.fa: no miRNA name starts with 'rno-' (--species rno)");
}

TEST(mirna_reader, bad_records) {
    auto error = [](const std::string& text) { return error_of([&] { read_mirnas(byte_source::from_memory("m.fa", text)); }); };
    EXPECT_EQ(error(">a\nUAGCUUA\n"), "m.fa:1: miRNA 'a' is 7 nt long; at least 8 are needed for a seed match");
    EXPECT_EQ(error(">a\nUAGCUUAUC\n>b\nUAGNUUAUC\n"), "m.fa:3: miRNA 'b' contains 'N'; only A, C, G and U/T are allowed");
    EXPECT_EQ(error(">a\nUAGCUUAUC\n>a\nUAGCUUAUC\n"), "m.fa:3: duplicate miRNA name 'a' (first at line 1)");
}

TEST(site_writer, one_row_per_format) {
    mirna_set set;
    set.add("hsa-miR-21-5p", "MIMAT0000076", "UAGCUUAUCAGACUGAUGUUGA");
    record_header r;
    r.id = "NM_1";
    r.gene = "G\"1";
    std::string tsv, bed, jsonl;
    const claim_mark claims{"C1,C2", "pro-metastatic,unclear", "Zhou W, Cancer Cell, 2014; Doe J, \"X\", 2020"};
    auto append = [&](output_format format, std::string& out, std::uint64_t start, const claim_mark* mark) {
        const site_formatter f(format, set);
        f.append(out, f.format_record(r), f.format_site("ATAAGCTa", start, site_type::eight_mer), 0, mark);
    };
    append(output_format::tsv, tsv, 20, nullptr);
    append(output_format::tsv, tsv, 20, &claims);
    append(output_format::bed, bed, 20, &claims);
    append(output_format::jsonl, jsonl, 4, nullptr);
    append(output_format::jsonl, jsonl, 4, &claims);
    EXPECT_EQ(tsv, "NM_1\tG\"1\thsa-miR-21-5p\tAGCUUAU\t8mer\t21\t28\tAUAAGCUA\t0\tNA\tNA\tNA\n"
                   "NM_1\tG\"1\thsa-miR-21-5p\tAGCUUAU\t8mer\t21\t28\tAUAAGCUA\t0\tC1,C2\tpro-metastatic,unclear\t"
                   "Zhou W, Cancer Cell, 2014; Doe J, \"X\", 2020\n");
    EXPECT_EQ(bed, "NM_1\t20\t28\thsa-miR-21-5p:8mer\t1000\t+\n");
    const std::string site = "{\"utr_id\":\"NM_1\",\"gene\":\"G\\\"1\",\"mirna\":\"hsa-miR-21-5p\",\"family\":\"AGCUUAU\","
                             "\"site_type\":\"8mer\",\"start\":5,\"end\":12,\"site_seq\":\"AUAAGCUA\",\"near_stop\":true,";
    EXPECT_EQ(jsonl, site + "\"claim_ids\":null,\"claim_effect\":null,\"claim_citation\":null}\n" + site +
                         "\"claim_ids\":\"C1,C2\",\"claim_effect\":\"pro-metastatic,unclear\",\"claim_citation\":"
                         "\"Zhou W, Cancer Cell, 2014; Doe J, \\\"X\\\", 2020\"}\n");
}

}  // namespace
}  // namespace mirhit::io
