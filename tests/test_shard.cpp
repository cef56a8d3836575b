// scan --shard K/N and mirhit merge: slicing, the fasta reader's record selection, and merged
// shard outputs byte-identical to the single run.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "engine/claim_marks.hpp"
#include "engine/shard.hpp"
#include "core/error.hpp"
#include "io/fasta_reader.hpp"
#include "tests/test_support.hpp"

namespace mirhit::test {
namespace {

using engine::shard_spec;

const std::filesystem::path source_dir = MIRHIT_SOURCE_DIR;
const std::string few_mirnas = "hsa-miR-21-5p,hsa-miR-103a-3p,hsa-miR-29a-3p,hsa-let-7a-5p,hsa-miR-335-5p";

TEST(shard, slices_are_contiguous_cover_every_record_and_differ_by_at_most_one) {
    for (std::uint64_t total : {0u, 1u, 5u, 7u, 100u, 1001u})
        for (std::uint64_t n : {1u, 2u, 3u, 7u, 64u}) {
            std::uint64_t next = 0, smallest = UINT64_MAX, largest = 0;
            for (std::uint64_t k = 1; k <= n; ++k) {
                const auto s = engine::slice_of({k, n}, total);
                EXPECT_EQ(s.first, next) << k << "/" << n << " of " << total;
                EXPECT_LE(s.first, s.end);
                EXPECT_EQ(s.total, total);
                smallest = std::min(smallest, s.end - s.first);
                largest = std::max(largest, s.end - s.first);
                next = s.end;
            }
            EXPECT_EQ(next, total);
            EXPECT_LE(largest - smallest, 1u);
        }
    // No overflow in K·R for the largest counts.
    EXPECT_EQ(engine::slice_of({1'000'000, 1'000'000}, UINT64_MAX).end, UINT64_MAX);
    EXPECT_EQ(engine::slice_of({1, 1'000'000}, UINT64_MAX).end, UINT64_MAX / 1'000'000);
}

TEST(shard, spec_and_header_parse_and_round_trip) {
    EXPECT_EQ(engine::parse_shard_spec("2/8"), (shard_spec{2, 8}));
    EXPECT_EQ(engine::parse_shard_spec("1/1"), (shard_spec{1, 1}));
    for (const char* bad : {"0/3", "4/3", "3", "/3", "1/", "a/b", "1/3x", " 1/3", "-1/3", "1/1000001", ""})
        EXPECT_FALSE(engine::parse_shard_spec(bad)) << bad;
    const engine::shard_header h{{2, 3}, {1, 3, 5}, {"-o 'my out.tsv'", "--gene-summary=g.tsv"}};
    EXPECT_EQ(engine::format_shard_header(h),
              "2/3; records [1, 3) of 5 (0-based); output option: -o 'my out.tsv'; output option: --gene-summary=g.tsv");
    const auto back = engine::parse_shard_header(engine::format_shard_header(h));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->shard, h.shard);
    EXPECT_EQ(back->slice, h.slice);
    EXPECT_EQ(back->output_options, h.output_options);
    const auto no_option = engine::parse_shard_header("7/7; records [5, 5) of 5 (0-based)");
    ASSERT_TRUE(no_option);
    EXPECT_TRUE(no_option->output_options.empty());
    using engine::scan_output;
    EXPECT_EQ(engine::output_of_option("-o x"), scan_output::sites);
    EXPECT_EQ(engine::output_of_option("-ox"), scan_output::sites);
    EXPECT_EQ(engine::output_of_option("--output=x"), scan_output::sites);
    EXPECT_EQ(engine::output_of_option("'--output=a b'"), scan_output::sites);
    EXPECT_EQ(engine::output_of_option("--gene-summary g"), scan_output::gene_summary);
    EXPECT_EQ(engine::output_of_option("--claims=c"), scan_output::claims);
    EXPECT_FALSE(engine::output_of_option("--orf"));
    EXPECT_FALSE(engine::output_of_option("--outputs"));
    EXPECT_FALSE(engine::parse_shard_header("7/7; records [5, 5) of 5"));
}

TEST(shard, claim_tallies_round_trip_and_add_up) {
    engine::claim_tally a{"C031", "hsa-miR-103a-3p", "CDH5", "pro-metastatic", "Fang JH, Hepatology, 2018", true, {"X59796"}, {0, 0, 1, 0, 1}};
    engine::claim_tally back;
    ASSERT_TRUE(engine::claim_tally::parse(std::string_view(a.line()).substr(0, a.line().size() - 1), back));
    EXPECT_EQ(back.line(), a.line());
    engine::claim_tally none{"C004", "hsa-miR-27b-3p", "CDH5", "pro-metastatic", "Dou R", false, {}, {}};
    ASSERT_TRUE(engine::claim_tally::parse("## claim tally: C004\thsa-miR-27b-3p\tCDH5\tpro-metastatic\tDou R\t0\t\t0,0,0,0,0", back));
    EXPECT_TRUE(back.utrs.empty());
    back.add(a);
    EXPECT_EQ(back.utrs, std::vector<std::string>{"X59796"});
    EXPECT_EQ(engine::claims_footer({a, none}),
              "## claim C031 hsa-miR-103a-3p -> CDH5 (pro-metastatic; Fang JH, Hepatology, 2018): 1 7mer-A1, 1 offset-6mer in X59796\n"
              "## claims: 1 of 2 curated claims have their gene in the input\n");
    EXPECT_FALSE(engine::claim_tally::parse("## claim tally: C004\tx\t0,0,0,0,0", back));
    EXPECT_FALSE(engine::claim_tally::parse("## claim C004 ...", back));
}

std::vector<std::string> ids_read(const std::string& text, std::uint64_t first, std::uint64_t end, std::size_t target = 4) {
    io::fasta_reader reader(io::byte_source::from_memory("m.fa", text), 2);
    reader.select_records(first, end);
    std::vector<io::sequence_piece> pieces;
    while (reader.read_batch(pieces, target)) {}
    std::vector<std::string> out;
    for (const auto& p : pieces)
        if (p.last) out.push_back(p.record->id + ":" + std::to_string(p.record->line) + ":" + std::to_string(p.offset + p.seq.size()));
    return out;
}

TEST(shard, fasta_reader_reads_only_the_selected_records_with_true_line_numbers) {
    const std::string text = ">a\nACGU\nAC\n\n>b x\r\nACGUACGUAC\r\n>c\nGG\n>d\nSequence unavailable\n>e\nA\nC\n";
    EXPECT_EQ(ids_read(text, 0, 5), (std::vector<std::string>{"a:1:6", "b:5:10", "c:7:2", "e:11:2"}));
    EXPECT_EQ(ids_read(text, 1, 3), (std::vector<std::string>{"b:5:10", "c:7:2"}));
    EXPECT_EQ(ids_read(text, 4, 5, 1), (std::vector<std::string>{"e:11:2"}));
    EXPECT_EQ(ids_read(text, 2, 2), std::vector<std::string>{});
    EXPECT_EQ(ids_read(text, 5, 5), std::vector<std::string>{});
    // Skipped records are not read (their shard checks them); errors in selected ones name the true line.
    EXPECT_EQ(ids_read(">a\nAC!GU\n>b\nGG\n", 1, 2), std::vector<std::string>{"b:3:2"});
    try {
        ids_read(">a\nACGU\n>b\nGG\nG!\n", 1, 2);
        FAIL() << "no error";
    } catch (const input_error& e) {
        EXPECT_EQ(std::string(e.what()), "m.fa:5: illegal character '!' in the sequence of 'b' (allowed: A, C, G, T, U and IUPAC codes such as N)");
    }
}

TEST(shard, header_pass_counts_records_with_their_lines) {
    std::vector<std::string> seen;
    auto count = [&](const std::string& text) {
        seen.clear();
        auto source = io::byte_source::from_memory("h.fa", text);
        return io::scan_fasta_headers(*source, [&](io::record_header& r) { seen.push_back(r.text + "@" + std::to_string(r.line)); });
    };
    EXPECT_EQ(count(">a gene=X\r\nAC>GT\n\n>b\nGG\n>c"), 3u);
    EXPECT_EQ(seen, (std::vector<std::string>{"a gene=X@1", "b@4", "c@6"}));
    // A header across the 1 MB read blocks.
    EXPECT_EQ(count(std::string(">x\n") + std::string((1 << 20) - 5, 'A') + "\n>long header\nA\n"), 2u);
    EXPECT_EQ(seen[1], "long header@3");
    auto error = [&](const std::string& text) {
        try {
            count(text);
        } catch (const input_error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(error(""), "h.fa: empty file, no FASTA records");
    EXPECT_EQ(error(">a\nAC\n> b\nGG\n"), "h.fa:3: FASTA header has no id after '>'");
    EXPECT_EQ(error("BZh91AY&SY"), "h.fa: bzip2-compressed input is not supported; decompress it first (gzip is read directly)");
}

// Inputs of several files (gzip, plain, a one-record file), as absolute paths.
std::vector<std::string> make_inputs(const std::filesystem::path& dir) {
    std::mt19937 random(7);
    std::string text;
    for (int i = 0; i < 11; ++i) {
        // Genes in runs of two records that come back later: runs split across shards, genes repeated.
        text += ">R" + std::to_string(i) + " gene=G" + std::to_string(i / 2 % 3) + "\n";
        const int length = 40 + static_cast<int>(random() % 900);
        for (int j = 0; j < length; ++j) {
            text += "ACGU"[random() % 4];
            if (j % 60 == 59) text += '\n';
        }
        text += '\n';
    }
    write_file(dir / "b.fa", text);
    write_file(dir / "c.fa", ">ONE gene=CDH5\nACGUACGUGCUAUAAGCUAUGCUGCAUUUACGUGCAGCAUACG\n");
    return {(source_dir / "examples/utrs.fa.gz").string(), (dir / "b.fa").string(), (dir / "c.fa").string()};
}

const std::vector<std::string> side_files = {"out", "genes.tsv", "claims.tsv"};

// The files of `scan` run in dir/NAME (created), to -o out, with side_outputs also
// --gene-summary genes.tsv --claims claims.tsv (relative paths, so that the command lines of runs
// in different directories are equal).
std::vector<std::string> run_in(const std::filesystem::path& dir, const std::string& name, std::vector<std::string> args,
                                bool side_outputs) {
    std::filesystem::create_directories(dir / name);
    args.insert(args.end(), {"-o", "out"});
    if (side_outputs) args.insert(args.end(), {"--gene-summary", "genes.tsv", "--claims", "claims.tsv"});
    auto r = run_mirhit(args, "", dir / name);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < (side_outputs ? 3 : 1); ++i) out.push_back(read_file(dir / name / side_files[i]));
    std::filesystem::remove_all(dir / name);
    return out;
}

// The single run of `scan`, then for each N its N shards merged (shard files given last to
// first): the files of each, in the order of side_files.
std::vector<std::vector<std::string>> single_then_merged(const std::filesystem::path& dir, const std::vector<std::string>& scan,
                                                         const std::vector<std::uint64_t>& shard_counts, bool side_outputs = false) {
    std::vector<std::vector<std::string>> result = {run_in(dir, "single", scan, side_outputs)};
    for (const auto n : shard_counts) {
        std::filesystem::create_directories(dir / "shards");
        std::vector<std::string> merge = {"merge"};
        for (std::uint64_t k = n; k >= 1; --k) {
            auto args = scan;
            const auto part = std::to_string(k);
            args.insert(args.end(), {"--shard", part + "/" + std::to_string(n), "-o", "part" + part});
            if (side_outputs) args.insert(args.end(), {"--gene-summary", "genes" + part, "--claims", "claims" + part});
            auto r = run_mirhit(args, "", dir / "shards");
            EXPECT_EQ(r.exit_code, 0) << r.err;
            for (const auto* kind : {"part", "genes", "claims"})
                if (side_outputs || kind == std::string("part")) merge.push_back((dir / "shards" / (kind + part)).string());
        }
        result.push_back(run_in(dir, "merged", merge, side_outputs));
        std::filesystem::remove_all(dir / "shards");
    }
    return result;
}

TEST(shard, merged_shards_equal_the_single_run_for_every_format_and_shard_count) {
    auto dir = temp_dir();
    const auto inputs = make_inputs(dir);
    const std::vector<std::pair<std::vector<std::string>, std::vector<std::uint64_t>>> cases = {
        {{"--format", "tsv"}, {1, 2, 3, 7, 20}},  // 20: more shards than records, empty shards
        {{"--format", "bed"}, {1, 2, 3, 7}},
        {{"--format", "jsonl", "--both-strands"}, {3}},
        {{"--score", "context++", "--orf", (source_dir / "examples/orfs.fa").string()}, {1, 2, 3, 7}},
        {{"--score", "context++,duplex", "--format", "jsonl"}, {3}},
        {{"--format", "counts", "--both-strands"}, {1, 3, 7}},
    };
    for (const auto& [extra, shard_counts] : cases) {
        std::vector<std::string> scan = {"scan"};
        scan.insert(scan.end(), inputs.begin(), inputs.end());
        scan.insert(scan.end(), {"--mirnas", few_mirnas});
        scan.insert(scan.end(), extra.begin(), extra.end());
        const auto files = single_then_merged(dir, scan, shard_counts);
        const auto& single = files[0][0];
        EXPECT_GT(std::count(single.begin(), single.end(), '\n'), 25);
        for (std::size_t i = 0; i < shard_counts.size(); ++i)
            EXPECT_EQ(files[i + 1][0], single) << extra[0] << " " << extra[1] << ", " << shard_counts[i] << " shards";
    }
}

TEST(shard, gene_summaries_and_claims_tables_merge_into_the_single_runs) {
    auto dir = temp_dir();
    const auto inputs = make_inputs(dir);
    for (bool scored : {false, true}) {
        std::vector<std::string> scan = {"scan"};
        scan.insert(scan.end(), inputs.begin(), inputs.end());
        scan.insert(scan.end(), {"--mirnas", few_mirnas + ",hsa-miR-939-5p"});
        if (scored) scan.insert(scan.end(), {"--score", "context++"});
        const std::vector<std::uint64_t> shard_counts = scored ? std::vector<std::uint64_t>{2, 7, 20} : std::vector<std::uint64_t>{3};
        const auto files = single_then_merged(dir, scan, shard_counts, true);
        const auto& single = files[0];
        ASSERT_EQ(single.size(), 3u);
        for (std::size_t i = 0; i < shard_counts.size(); ++i)
            for (std::size_t f = 0; f < 3; ++f)
                EXPECT_EQ(files[i + 1][f], single[f]) << side_files[f] << (scored ? ", scored, " : ", ") << shard_counts[i] << " shards";
        // Genes whose records are split across shards and repeated are one row per miRNA.
        EXPECT_NE(single[1].find("\nG0\thsa-miR-21-5p\t"), std::string::npos) << single[1];
        if (scored) {
            EXPECT_NE(single[1].find("\trank\tpercentile\n"), std::string::npos);
        }
        EXPECT_NE(single[2].find("\nC014\thsa-miR-939-5p\tCDH5\t"), std::string::npos);
    }
}

TEST(shard, genome_coordinate_bed_merges_with_one_track_line) {
    auto dir = temp_dir();
    auto utrs = run_mirhit({"utrs", "--genome", "examples/genome.fa", "--gtf", "examples/genome.gtf", "-o", (dir / "g.fa").string()});
    ASSERT_EQ(utrs.exit_code, 0) << utrs.err;
    const auto files = single_then_merged(dir, {"scan", (dir / "g.fa").string(), "--format", "bed", "--genome-coords"}, {2, 3, 5});
    const auto& single = files[0][0];
    EXPECT_NE(single.find("\ntrack name=mirhit_sites "), std::string::npos);
    for (std::size_t i = 1; i < files.size(); ++i) EXPECT_EQ(files[i][0], single) << i;
}

TEST(shard, claims_footer_adds_up_over_shards) {
    auto dir = temp_dir();
    // CDH5 (claims C004, C014, C031) in the first and the third shard.
    write_file(dir / "u.fa", ">X1 gene=CDH5\nUGCUGCAAAAAAAAAUGCUGCA\n>X2 gene=SPINT1\nAAAAAAAAAAAA\n>X3 gene=CDH5\nAAAUGCUGCAA\n");
    const auto files = single_then_merged(dir, {"scan", (dir / "u.fa").string(), "--mirnas", "hsa-miR-103a-3p"}, {3});
    const auto& single = files[0][0];
    EXPECT_EQ(files[1][0], single);
    EXPECT_NE(single.find("## claim C031 hsa-miR-103a-3p -> CDH5 (pro-metastatic; Fang JH, Hepatology, 2018): 2 8mer, 1 7mer-A1 in X1,X3\n"),
              std::string::npos) << single;
}

TEST(shard, shard_output_says_which_records_it_holds) {
    auto dir = temp_dir();
    const auto inputs = make_inputs(dir);
    auto r = run_mirhit({"scan", inputs[0], inputs[1], inputs[2], "--mirnas", "hsa-miR-21-5p", "--shard", "2/3", "--threads", "1"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("\n## command: mirhit scan " + inputs[0] + " " + inputs[1] + " " + inputs[2] + " --mirnas hsa-miR-21-5p\n"),
              std::string::npos) << r.out;
    // 5 + 11 + 1 records: shard 2 of 3 holds [5, 11), b.fa's first six.
    EXPECT_NE(r.out.find("\n## shard: 2/3; records [5, 11) of 17 (0-based)\nutr_id\t"), std::string::npos) << r.out;
    for (const auto& row : data_lines(r.out)) {
        if (row.starts_with("utr_id")) continue;
        EXPECT_TRUE(row.size() > 3 && row[0] == 'R' && row[1] >= '0' && row[1] <= '5' && row[2] == '\t') << row;
    }
}

TEST(shard, bad_shard_usage_is_refused_with_exit_2) {
    for (const char* bad : {"0/3", "4/3", "x", "1/0"}) {
        auto r = run_mirhit({"scan", "examples/utrs.fa", "--shard", bad});
        EXPECT_EQ(r.exit_code, 2) << bad;
        EXPECT_EQ(r.err, "mirhit: error: --shard: '" + std::string(bad) +
                             "' is not K/N with 1 <= K <= N <= 1000000 (such as 2/8)\nRun 'mirhit scan --help' for usage.\n");
    }
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"scan", "-", "--shard", "1/2"}, "--shard: cannot read standard input ('-'): every shard reads the input files themselves"},
    };
    for (const auto& [args, message] : cases) {
        auto r = run_mirhit(args, ">a\nACGU\n");
        EXPECT_EQ(r.exit_code, 2) << message;
        EXPECT_EQ(r.err, "mirhit: error: " + message + "\nRun 'mirhit scan --help' for usage.\n");
        EXPECT_EQ(r.out, "");
    }
}

TEST(shard, a_duplicate_id_fails_every_shard_as_it_fails_the_single_run) {
    auto dir = temp_dir();
    write_file(dir / "a.fa", ">A\nACGU\n>B\nACGU\n");
    write_file(dir / "b.fa", ">C\nACGU\n>A\nGG\n");
    for (const char* shard : {"1/2", "2/2"}) {
        auto r = run_mirhit({"scan", "a.fa", "b.fa", "--shard", shard}, "", dir);
        EXPECT_EQ(r.exit_code, 1);
        EXPECT_EQ(r.err, "mirhit: error: b.fa:3: duplicate record id 'A' (first at a.fa:1)\n");
        EXPECT_EQ(r.out, "");
    }
}

TEST(shard, merge_refuses_claims_tables_whose_tallies_do_not_line_up) {
    auto dir = temp_dir();
    write_file(dir / "u.fa", ">A gene=CDH5\nACGUUGCUGCA\n>B\nACGU\n>C gene=CDH5\nAAUGCUGCAA\n");
    for (const char* k : {"1", "2", "3"}) {
        auto r = run_mirhit({"scan", "u.fa", "--mirnas", "hsa-miR-103a-3p", "--shard", std::string(k) + "/3", "-o",
                             std::string("p") + k + ".tsv", "--claims", std::string("c") + k + ".tsv"},
                            "", dir);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    const auto c2 = read_file(dir / "c2.tsv"), c3 = read_file(dir / "c3.tsv");
    auto merge = [&] {
        return run_mirhit({"merge", "-o", "out.tsv", "--claims", "claims.tsv", "p1.tsv", "p2.tsv", "p3.tsv", "c1.tsv",
                           "c2.tsv", "c3.tsv"},
                          "", dir);
    };
    ASSERT_EQ(merge().exit_code, 0);
    std::filesystem::remove(dir / "claims.tsv");
    // The last shard lost its last tally line.
    write_file(dir / "c3.tsv", c3.substr(0, c3.rfind("## claim tally: C100")));
    auto short_table = merge();
    EXPECT_EQ(short_table.exit_code, 1);
    EXPECT_EQ(short_table.err, "mirhit: error: c3.tsv: 99 claim tallies, but c1.tsv has 100\n");
    write_file(dir / "c3.tsv", c3);
    // A tally of another claim where C050's should be (line 61 of the shard's table).
    auto changed = c2;
    changed.replace(changed.find("## claim tally: C050"), 20, "## claim tally: C05X");
    write_file(dir / "c2.tsv", changed);
    auto foreign = merge();
    EXPECT_EQ(foreign.exit_code, 1);
    EXPECT_EQ(foreign.err, "mirhit: error: c2.tsv:61: claim tally of C05X does not match c1.tsv's claims\n");
    EXPECT_FALSE(std::filesystem::exists(dir / "claims.tsv"));
}

TEST(shard, merge_refuses_missing_duplicate_and_foreign_shards) {
    auto dir = temp_dir();
    write_file(dir / "u.fa", ">A\nACGUUGCUGCA\n>B\nACGU\n>C\nAAUGCUGCAA\n");
    auto shard = [&](const std::string& spec, const std::string& out, std::vector<std::string> extra = {}) {
        std::vector<std::string> args = {"scan", "u.fa", "--mirnas", "hsa-miR-103a-3p", "--shard", spec, "-o", out};
        args.insert(args.end(), extra.begin(), extra.end());
        auto r = run_mirhit(args, "", dir);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    };
    shard("1/3", "p1.tsv");
    shard("2/3", "p2.tsv");
    shard("3/3", "p3.tsv");
    shard("3/3", "other_mirna.tsv", {"--mirnas", "hsa-miR-21-5p"});
    shard("3/3", "p3.bed", {"--format", "bed"});
    shard("2/4", "four.tsv");
    for (const char* k : {"1", "2", "3"})
        shard(std::string(k) + "/3", std::string("s") + k + ".tsv", {"--gene-summary", std::string("g") + k + ".tsv"});
    shard("3/3", "t3.tsv", {"--gene-summary", "h3.tsv", "--sites", "8mer"});
    write_file(dir / "plain.tsv", "utr_id\tgene\n");
    auto merge = [&](std::vector<std::string> files) {
        if (!files.front().starts_with("-")) files.insert(files.begin(), {"-o", "out.tsv"});
        files.insert(files.begin(), "merge");
        return run_mirhit(files, "", dir);
    };
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"p1.tsv", "p3.tsv"}, "missing shard 2/3 of the site output of p1.tsv's run (2 of 3 given)"},
        {{"p2.tsv"}, "missing shards 1/3, 3/3 of the site output of p2.tsv's run (1 of 3 given)"},
        {{"p1.tsv", "p2.tsv", "p3.tsv", "p2.tsv"}, "shard 2/3 of the site output is given twice: p2.tsv and p2.tsv"},
        {{"p1.tsv", "p2.tsv", "other_mirna.tsv"}, "other_mirna.tsv and p1.tsv are not from the same run: their '## command' lines differ"},
        {{"p1.tsv", "p2.tsv", "p3.bed"}, "p3.bed and p1.tsv are not from the same run: their '## command' lines differ"},
        {{"p1.tsv", "four.tsv"}, "four.tsv and p1.tsv are not from the same run: they are shards 2/4 and 1/3"},
        {{"p1.tsv", "p2.tsv", "p3.tsv", "g1.tsv", "g2.tsv", "g3.tsv"}, "g1.tsv and p1.tsv are not from the same run: their '## command' lines differ"},
        {{"s1.tsv", "s2.tsv", "s3.tsv", "g1.tsv", "g2.tsv", "g3.tsv"}, "g1.tsv is a shard's gene summary: give --gene-summary FILE for the merged one"},
        {{"--gene-summary", "-", "s1.tsv", "s2.tsv", "s3.tsv", "g1.tsv", "g2.tsv", "g3.tsv"},
         "--gene-summary -: only one merged output can go to standard output; name a file for the others"},
        {{"--gene-summary", "genes.tsv", "s1.tsv", "s2.tsv", "s3.tsv", "g1.tsv", "g2.tsv", "h3.tsv"},
         "h3.tsv and s1.tsv are not from the same run: their '## command' lines differ"},
        {{"--gene-summary", "genes.tsv", "s1.tsv", "s2.tsv", "s3.tsv", "g1.tsv", "g2.tsv"},
         "missing shard 3/3 of the gene summary of g1.tsv's run (2 of 3 given)"},
        {{"--claims", "claims.tsv", "p1.tsv", "p2.tsv", "p3.tsv"}, "--claims claims.tsv: none of the files is a shard's claims table"},
        {{"p1.tsv", "plain.tsv"}, "plain.tsv: not an output of 'mirhit scan --shard K/N' (it does not start with a mirhit header)"},
        {{"u.fa"}, "u.fa: not an output of 'mirhit scan --shard K/N' (it does not start with a mirhit header)"},
    };
    for (const auto& [files, message] : cases) {
        auto r = merge(files);
        EXPECT_EQ(r.exit_code, 1) << message;
        EXPECT_EQ(r.err, "mirhit: error: " + message + "\n");
        EXPECT_FALSE(std::filesystem::exists(dir / "out.tsv")) << message;
    }
    auto ok = merge({"p3.tsv", "p1.tsv", "p2.tsv"});
    ASSERT_EQ(ok.exit_code, 0) << ok.err;
    const auto merged = read_file(dir / "out.tsv");
    EXPECT_NE(merged.find("\n## command: mirhit scan u.fa --mirnas hsa-miR-103a-3p -o out.tsv\n"), std::string::npos) << merged;
    EXPECT_EQ(merged.find("## shard"), std::string::npos);
    EXPECT_EQ(merged.find("claim tally"), std::string::npos);
    // To standard output: the command line as a single run writing to standard output records it.
    auto to_stdout = run_mirhit({"merge", "p1.tsv", "p2.tsv", "p3.tsv"}, "", dir);
    ASSERT_EQ(to_stdout.exit_code, 0) << to_stdout.err;
    auto single = run_mirhit({"scan", "u.fa", "--mirnas", "hsa-miR-103a-3p"}, "", dir);
    EXPECT_EQ(to_stdout.out, single.out);
    auto same = run_mirhit({"merge", "-o", "p1.tsv", "p1.tsv", "p2.tsv", "p3.tsv"}, "", dir);
    EXPECT_EQ(same.exit_code, 2);
    EXPECT_EQ(same.err, "mirhit: error: --output: 'p1.tsv' is also a shard file\nRun 'mirhit merge --help' for usage.\n");
}

TEST(shard, merge_help_has_synopsis_and_example) {
    auto r = run_mirhit({"merge", "--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("Synopsis:\n  mirhit merge [-o OUT] [--gene-summary GENES] [--claims CLAIMS] SHARD_FILE..."), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Example:"), std::string::npos);
    auto scan = run_mirhit({"scan", "--help"});
    EXPECT_NE(scan.out.find("--shard K/N"), std::string::npos);
}

}  // namespace
}  // namespace mirhit::test
