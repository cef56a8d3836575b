// Compressed inputs and outputs, safe failure: CLI tests running the binary.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "io/atomic_output.hpp"
#include "io/byte_source.hpp"
#include "io/line_reader.hpp"
#include "test_support.hpp"

namespace {

using namespace mirhit::test;
namespace fs = std::filesystem;

const char* const compressors[][2] = {{"gz", "gzip -c"}, {"bz2", "bzip2 -c"}, {"xz", "xz -c"}, {"zst", "zstd -q -c"}};

void shell(const std::string& command) { ASSERT_EQ(std::system(command.c_str()), 0) << command; }

std::string examples(const std::string& name) { return std::string(MIRHIT_SOURCE_DIR) + "/examples/" + name; }

bool has_temp_file(const fs::path& dir) {
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().filename().string().find(".tmp.") != std::string::npos) return true;
    return false;
}

TEST(io_streams, compressed_inputs_give_the_plain_output) {
    auto dir = temp_dir();
    const auto plain = run_mirhit({"scan", examples("utrs.fa")});
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    // Two members of each format: the records split in two files, concatenated.
    shell("cd " + dir.string() + " && awk 'NR<=40' " + examples("utrs.fa") + " > a.fa && awk 'NR>40' " + examples("utrs.fa") + " > b.fa");
    for (const auto& [suffix, command] : compressors) {
        const std::string name = "u.fa." + std::string(suffix);
        shell("cd " + dir.string() + " && " + command + " a.fa > " + name + " && " + command + " b.fa >> " + name);
        const auto r = run_mirhit({"scan", name}, "", dir);
        EXPECT_EQ(r.exit_code, 0) << suffix << ": " << r.err;
        EXPECT_EQ(data_lines(r.out), data_lines(plain.out)) << suffix;
    }
}

TEST(io_streams, compressed_outputs_decompress_to_the_plain_output_for_any_threads) {
    auto dir = temp_dir();
    for (const char* threads : {"1", "3"}) {
        const auto plain = run_mirhit({"scan", examples("utrs.fa"), "-t", threads, "-o", "plain.tsv"}, "", dir);
        ASSERT_EQ(plain.exit_code, 0) << plain.err;
        for (const auto& [suffix, command] : compressors) {
            const std::string name = std::string("sites.tsv.") + suffix;
            const auto r = run_mirhit({"scan", examples("utrs.fa"), "-t", threads, "-o", name, "--gene-summary", std::string("genes.tsv.") + suffix}, "", dir);
            ASSERT_EQ(r.exit_code, 0) << r.err;
            const std::string decompress = std::string(command).replace(std::string(command).find(" -c"), 3, " -dc");
            shell("cd " + dir.string() + " && " + decompress + " " + name + " > back.tsv");
            EXPECT_EQ(data_lines(read_file(dir / "back.tsv")), data_lines(read_file(dir / "plain.tsv"))) << suffix;
            // The compressed bytes too are the same for any number of threads.
            if (std::string(threads) == "1") fs::copy_file(dir / name, dir / (name + ".t1"));
            else EXPECT_EQ(read_file(dir / name), read_file(dir / (name + ".t1"))) << suffix;
        }
    }
}

TEST(io_streams, gzip_members_make_one_stream_that_gunzip_reads) {
    auto dir = temp_dir();
    {
        mirhit::io::atomic_output out((dir / "m.txt.gz").string());
        out.write("one\n");
        out.write_gzip_member(mirhit::io::gzip_member("two\n"));
        out.write("three\n");
        out.commit();
    }
    shell("cd " + dir.string() + " && gzip -dc m.txt.gz > m.txt");
    EXPECT_EQ(read_file(dir / "m.txt"), "one\ntwo\nthree\n");
    EXPECT_EQ(mirhit::io::gzip_member("x"), mirhit::io::gzip_member("x"));
}

// Scan rows go out in members of several MB, compressed on worker threads.
TEST(io_streams, a_large_gzip_member_made_on_another_thread_round_trips) {
    std::string rows;
    for (int i = 0; rows.size() < (6u << 20); ++i)
        rows += "NM_" + std::to_string(100000 + i % 7919) + "\thsa-miR-" + std::to_string(i % 2656) + "-5p\t8mer\t" +
                std::to_string(i * 37 % 4000) + "\n";
    std::string member;
    std::thread([&] { member = mirhit::io::gzip_member(rows); }).join();
    EXPECT_LT(member.size(), rows.size() / 3);
    auto dir = temp_dir();
    write_file(dir / "rows.gz", member);
    shell("cd " + dir.string() + " && gzip -dc rows.gz > rows.txt");
    EXPECT_EQ(read_file(dir / "rows.txt"), rows);
}

TEST(io_streams, bad_compressed_input_messages) {
    auto dir = temp_dir();
    write_gzip(dir / "a.fa.gz", ">a\nACGUACGUAC\n");
    write_file(dir / "b.fa", ">b\nGGCCGGCCGG\n");
    const std::string gz = read_file(dir / "a.fa.gz");
    write_file(dir / "c.fa.gz", gz + read_file(dir / "b.fa"));
    auto r = run_mirhit({"scan", "c.fa.gz"}, "", dir);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: c.fa.gz: byte offset " + std::to_string(gz.size()) +
                         ": data after the last gzip member is not gzip data\n");
    std::string bad = gz + gz;
    bad[gz.size() + gz.size() - 6] ^= 0x5A;  // the second member's CRC
    write_file(dir / "bad.fa.gz", bad);
    r = run_mirhit({"scan", "bad.fa.gz"}, "", dir);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: bad.fa.gz: corrupt gzip data (in the member starting at byte offset " +
                         std::to_string(gz.size()) + ")\n");
    EXPECT_EQ(r.err.find("<fd"), std::string::npos);
    // The other formats too are read member by member: a cut-off last member and data after the
    // last are caught.
    for (const auto& [suffix, command] : {std::pair{"bz2", "bzip2 -c"}, {"xz", "xz -c"}, {"zst", "zstd -q -c"}}) {
        const std::string kind = std::string(suffix) == "bz2" ? "bzip2" : std::string(suffix) == "xz" ? "xz" : "zstd";
        const std::string z = "b.fa." + std::string(suffix), cut = "cut.fa." + std::string(suffix), junk = "junk.fa." + std::string(suffix);
        shell("cd " + dir.string() + " && " + command + " b.fa > " + z + " && head -c -3 " + z + " > " + cut + " && cat " + z + " b.fa > " + junk);
        r = run_mirhit({"scan", cut}, "", dir);
        EXPECT_EQ(r.exit_code, 1);
        EXPECT_EQ(r.err, "mirhit: error: " + cut + ": truncated " + kind + " data (unexpected end of file)\n");
        r = run_mirhit({"scan", junk}, "", dir);
        EXPECT_EQ(r.exit_code, 1);
        EXPECT_EQ(r.err, "mirhit: error: " + junk + ": byte offset " + std::to_string(fs::file_size(dir / z)) + ": data after the last " +
                             kind + " member is not " + kind + " data\n");
    }
}

TEST(io_streams, output_naming_an_input_is_refused_before_reading) {
    auto dir = temp_dir();
    write_file(dir / "u.fa", read_file(examples("utrs.fa")));
    fs::create_symlink("u.fa", dir / "link.fa");
    fs::create_hard_link(dir / "u.fa", dir / "hard.fa");
    const std::string original = read_file(dir / "u.fa");
    auto expect_refused = [&](const std::vector<std::string>& args, const std::string& message) {
        const auto r = run_mirhit(args, "", dir);
        EXPECT_EQ(r.exit_code, 2);
        EXPECT_EQ(r.err, "mirhit: error: " + message + "\n");
        EXPECT_EQ(read_file(dir / "u.fa"), original);
    };
    expect_refused({"scan", "u.fa", "-o", "u.fa"}, "--output 'u.fa' is the input file UTR 'u.fa'; refusing to overwrite an input");
    expect_refused({"scan", "u.fa", "-o", "link.fa"}, "--output 'link.fa' is the input file UTR 'u.fa'; refusing to overwrite an input");
    expect_refused({"scan", "hard.fa", "-o", "u.fa"}, "--output 'u.fa' is the input file UTR 'hard.fa'; refusing to overwrite an input");
    expect_refused({"scan", "u.fa", "-o", "s.tsv", "--gene-summary", "link.fa"},
                   "--gene-summary 'link.fa' is the input file UTR 'u.fa'; refusing to overwrite an input");
    expect_refused({"abundance", "u.fa", "-o", "hard.fa"}, "--output 'hard.fa' is the input file UTR 'u.fa'; refusing to overwrite an input");
    expect_refused({"utrs", "--genbank", "u.fa", "-o", "u.fa"},
                   "--output 'u.fa' is the input file --genbank 'u.fa'; refusing to overwrite an input");
}

TEST(io_streams, read_only_output_is_refused_and_a_replaced_file_keeps_its_mode) {
    auto dir = temp_dir();
    write_file(dir / "ro.tsv", "keep\n");
    ::chmod((dir / "ro.tsv").c_str(), 0444);
    auto r = run_mirhit({"scan", examples("utrs.fa"), "-o", "ro.tsv"}, "", dir);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: ro.tsv: cannot write output: the file is read-only\n");
    EXPECT_EQ(read_file(dir / "ro.tsv"), "keep\n");
    write_file(dir / "m.tsv", "old\n");
    ::chmod((dir / "m.tsv").c_str(), 0640);
    r = run_mirhit({"scan", examples("utrs.fa"), "-o", "m.tsv"}, "", dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    struct stat st {};
    ASSERT_EQ(::stat((dir / "m.tsv").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0640u);
}

TEST(io_streams, sigterm_removes_the_temp_files_and_exits_143) {
    auto dir = temp_dir();
    shell("python3 " + std::string(MIRHIT_SOURCE_DIR) + "/bench/generate_utrs.py 10 -o " + (dir / "big.fa").string() + " 2>/dev/null");
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        ::chdir(dir.c_str());
        ::freopen("/dev/null", "w", stderr);
        ::execl(MIRHIT_BINARY, "mirhit", "scan", "big.fa", "-t", "1", "-o", "sites.tsv.gz", "--gene-summary", "genes.tsv",
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    // Wait for the temporary output to appear, then interrupt the scan.
    for (int i = 0; i < 300 && !has_temp_file(dir); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    EXPECT_TRUE(has_temp_file(dir));
    ::kill(pid, SIGTERM);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 143);
    EXPECT_FALSE(has_temp_file(dir));
    EXPECT_FALSE(fs::exists(dir / "sites.tsv.gz"));
}

TEST(io_streams, gtf_overlaps_duplicates_and_bad_attributes) {
    auto dir = temp_dir();
    write_file(dir / "g.fa", ">chr1\n" + std::string(200, 'A') + "\n");
    auto gtf = [&](const std::string& extra) {
        write_file(dir / "g.gtf",
                   "chr1\tt\tCDS\t1\t30\t.\t+\t.\tgene_id \"G\"; transcript_id \"T\";\n"
                   "chr1\tt\tthree_prime_utr\t34\t60\t.\t+\t.\tgene_id \"G\"; transcript_id \"T\";\n" + extra);
        return run_mirhit({"utrs", "--genome", "g.fa", "--gtf", "g.gtf"}, "", dir);
    };
    auto r = gtf("chr1\tt\tthree_prime_utr\t50\t80\t.\t+\t.\tgene_id \"G\"; transcript_id \"T\";\n");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: g.gtf:3: three_prime_utr 50-80 of transcript T overlaps 34-60 at line 2\n");
    r = gtf("chr1\tt\tthree_prime_utr\t34\t60\t.\t+\t.\tgene_id \"G\"; transcript_id \"T\";\n"
            "chr1\tt\tthree_prime_utr\t90\t99\t.\t+\t.\tgene_id \"G\";\n");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, ">T gene=G chrom=chr1 strand=+ exons=34-60\n" + std::string(27, 'A') + "\n");
    EXPECT_EQ(r.err, "mirhit: note: g.gtf: 1 3'UTRs from 1 transcripts; skipped 0 without a 3'UTR, 1 UTR/CDS features without "
                     "transcript_id; merged 1 repeated 3'UTR features\n");
    r = gtf("chr1\tt\tthree_prime_utr\t90\t99\t.\t+\t.\tgene_id \"G\"; transcript_id \"T;\n");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: g.gtf:3: unterminated quote in the attributes 'gene_id \"G\"; transcript_id \"T;'\n");
}

TEST(io_streams, claim_ids_repeated_across_tables_are_an_error) {
    auto dir = temp_dir();
    const std::string header = "id\tmirna_as_written\tmirna\ttarget_as_written\tgene\teffect\tcancer_type\tcell_source\t"
                               "organ_or_process\tdocument\treference\tcitation\tquote\tnote\n";
    write_file(dir / "a.tsv", header + "C001\tmiR-21\thsa-miR-21-5p\tPTEN\tPTEN\tpro-metastatic\t\t\t\td1\tr1\tcite\tquote\t\n");
    write_file(dir / "b.tsv", header + "C001\tmiR-10b\thsa-miR-10b-5p\tHOXD10\tHOXD10\tpro-metastatic\t\t\t\td2\tr2\tcite\tquote\t\n");
    const auto r = run_mirhit({"curated", "--no-builtin", "--curated", "a.tsv", "--curated", "b.tsv"}, "", dir);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: b.tsv: claim id 'C001' is also in a.tsv; claim ids must differ across claims tables\n");
}

TEST(io_streams, carriage_return_inside_a_line_is_an_error) {
    auto dir = temp_dir();
    write_file(dir / "g.fa", ">chr1\n" + std::string(100, 'A') + "\n");
    write_file(dir / "g.gtf", "chr1\tt\tCDS\t1\t30\t.\t+\t.\tgene_id \"G\r1\"; transcript_id \"T\";\r\n");
    auto r = run_mirhit({"utrs", "--genome", "g.fa", "--gtf", "g.gtf"}, "", dir);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: g.gtf:1: carriage return (\\r) inside a line; only a CRLF line end may have one\n");
    write_file(dir / "m.fa", ">m\nUAGCUUAUCAGAC\rUGAUGUUGA\n");
    r = run_mirhit({"scan", "--mirna", "m.fa", examples("utrs.fa")}, "", dir);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: m.fa:2: illegal character 0x0D in the sequence of 'm' (allowed: A, C, G, T, U and IUPAC codes such as N)\n");
    EXPECT_EQ(mirhit::io::printable("a\tb\x01"), "a\\tb\\x01");
}

TEST(io_streams, embl_records_give_their_utrs) {
    auto dir = temp_dir();
    const std::string record = "ID   NM_9; SV 2; linear; mRNA; STD; HUM; 14 BP.\nXX\nFT   source          1..14\n"
                               "FT   CDS             1..9\nFT                   /gene=\"G9\"\n"
                               "FT                   /translation=\"MSQ\"\nXX\nSQ   Sequence 14 BP;\n"
                               "     acgtacgtac gtac                                                  14\n//\n";
    write_file(dir / "r.embl", record);
    shell("cd " + dir.string() + " && bzip2 -k r.embl");
    auto r = run_mirhit({"utrs", "--embl", "r.embl.bz2"}, "", dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, ">NM_9.2 gene=G9 cds_end=9 utr_length=5\nCGTAC\n");
    EXPECT_EQ(r.err, "mirhit: note: r.embl.bz2: 1 3'UTRs from 1 records; skipped none\n");
    write_file(dir / "bad.embl", std::string(record).replace(record.find("14 BP."), 6, "15 BP."));
    r = run_mirhit({"utrs", "--embl", "bad.embl"}, "", dir);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "mirhit: error: bad.embl:10: SQ of NM_9 holds 14 nt, ID says 15 BP\n");
}

}  // namespace
