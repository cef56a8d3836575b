// The engine's public API: a scan_job run with a consumer that collects what it is handed, and
// validation's evaluation (ranks, verdicts, a whole evaluate()) on hand-built cases, and the
// fold-once rule of scored runs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/index.hpp"
#include "engine/scan_engine.hpp"
#include "engine/validation.hpp"
#include "io/mirna_reader.hpp"
#include "tests/test_support.hpp"

namespace mirhit::test {
namespace {

// hsa-miR-21-5p (UAGCUUAUCAGACUGAUGUUGA): 8mer AUAAGCUA, 7mer-m8 AUAAGCU, 7mer-A1 UAAGCUA.
const std::string two_utrs =
    ">U1 gene=PTEN\n"
    "CCCCCCCCCCCCCCCCCCCCATAAGCTACCCCCCCCCCCCCCCCCCCCCATAAGCTGCCCCCCCCCC\n"
    ">U2 gene=TP53\n"
    "CCCCCCCCCCCCCCCCCCCCGTAAGCTACCCCCCCCCC\n";

struct collector final : engine::scan_consumer {
    int starts = 0, finishes = 0;
    std::string text;
    std::vector<std::string> records;
    std::vector<std::pair<std::string, std::size_t>> summaries;  // gene, events
    void start() override { ++starts; }
    void rows(std::string_view t) override { text += t; }
    void record(const io::record_header& r) override { records.push_back(r.id); }
    void gene_summary(const io::record_header& r, std::span<const std::uint32_t> events, std::span<const io::utr_score>) override {
        summaries.emplace_back(r.gene, events.size());
    }
    void finish() override { ++finishes; }
};

engine::scan_job mir21_job(const std::filesystem::path& utrs) {
    engine::scan_job job;
    job.utr_files = {utrs.string()};
    job.mirnas.add("hsa-miR-21-5p", "MIMAT0000076", "UAGCUUAUCAGACUGAUGUUGA");
    job.builtin_claims = false;
    return job;
}

TEST(engine, scan_job_hands_rows_records_and_summary_events_to_every_consumer_in_order) {
    const auto dir = temp_dir();
    write_file(dir / "utrs.fa", two_utrs);
    auto job = mir21_job(dir / "utrs.fa");
    job.gene_summary = true;
    engine::scan_engine engine(std::move(job));
    collector a, b;
    engine::scan_consumer* consumers[] = {&a, &b};
    engine.run(consumers);
    for (const auto* c : {&a, &b}) {
        EXPECT_EQ(c->starts, 1);
        EXPECT_EQ(c->finishes, 1);
        EXPECT_EQ(c->records, (std::vector<std::string>{"U1", "U2"}));
        EXPECT_EQ(c->summaries, (std::vector<std::pair<std::string, std::size_t>>{{"PTEN", 2}, {"TP53", 1}}));
    }
    EXPECT_EQ(a.text, b.text);
    const auto rows = data_lines(engine.column_header() + a.text);
    ASSERT_EQ(rows.size(), 4u) << a.text;  // header, then the sites in input order
    EXPECT_TRUE(rows[1].starts_with("U1\tPTEN\thsa-miR-21-5p\t")) << rows[1];
    EXPECT_NE(rows[1].find("\t8mer\t"), std::string::npos) << rows[1];
    EXPECT_NE(rows[2].find("\t7mer-m8\t"), std::string::npos) << rows[2];
    EXPECT_TRUE(rows[3].starts_with("U2\tTP53\t")) << rows[3];
    EXPECT_NE(rows[3].find("\t7mer-A1\t"), std::string::npos) << rows[3];
}

TEST(engine, site_types_of_the_job_choose_the_rows_and_counts_replace_them) {
    const auto dir = temp_dir();
    write_file(dir / "utrs.fa", two_utrs);
    auto job = mir21_job(dir / "utrs.fa");
    job.types = site_type_set{};
    job.types.insert(site_type::eight_mer);
    engine::scan_engine eights(job);
    collector only8;
    engine::scan_consumer* c1[] = {&only8};
    eights.run(c1);
    ASSERT_EQ(data_lines(only8.text).size(), 1u) << only8.text;
    EXPECT_NE(only8.text.find("\t8mer\t"), std::string::npos);

    job.types = site_type_set::all();
    job.counts = true;
    engine::scan_engine counting(job);
    collector counts;
    engine::scan_consumer* c2[] = {&counts};
    counting.run(c2);
    EXPECT_EQ(data_lines(counts.text).size(), 2u) << counts.text;  // one row per record with sites
    EXPECT_TRUE(counting.column_header().starts_with("utr_id\t")) << counting.column_header();
}

TEST(engine, a_shard_with_no_records_still_starts_and_finishes_its_consumers) {
    const auto dir = temp_dir();
    write_file(dir / "one.fa", ">U1 gene=PTEN\nCCCCATAAGCTACCCC\n");
    auto job = mir21_job(dir / "one.fa");
    job.shard = {1, 2};  // records [0, 0) of 1
    engine::scan_engine engine(std::move(job));
    EXPECT_EQ(engine.slice(), (engine::record_slice{0, 0, 1}));
    collector c;
    engine::scan_consumer* consumers[] = {&c};
    engine.run(consumers);
    EXPECT_EQ(c.starts, 1);
    EXPECT_EQ(c.finishes, 1);
    EXPECT_EQ(c.text, "");
    EXPECT_TRUE(c.records.empty());
}

TEST(validation, gene_ranks_count_the_other_genes_with_more_negative_totals) {
    engine::gene_ranking ranking(1);
    ranking.add("A", {{0, -0.5}});
    ranking.add("B", {{0, -0.2}});
    ranking.add("A", {{0, -0.9}});  // A's best UTR
    ranking.add("C", {});
    ranking.finish();
    EXPECT_EQ(ranking.genes(), 3u);
    EXPECT_EQ(ranking.rank(0, -0.9, "A"), 1u);
    EXPECT_EQ(ranking.rank(0, -0.5, "A"), 1u);  // A's weaker UTR: only A's own better UTR is more negative
    EXPECT_EQ(ranking.rank(0, -0.2, "B"), 2u);
    EXPECT_EQ(ranking.rank(0, 0.0, "C"), 0u);   // not ranked
}

io::utr_view utr_with(std::vector<site_type> types, double total, std::size_t rank) {
    io::utr_view u;
    for (auto t : types) {
        u.sites.push_back({t, 100, "", std::nullopt, {}, {}, {}, {}});
        ++u.counts[static_cast<std::size_t>(t)];
    }
    u.total = total;
    u.scored = total != 0;
    u.rank = rank;
    return u;
}

TEST(validation, verdicts_grade_the_site_types_and_the_rank) {
    const auto strong = engine::verdict_of(utr_with({site_type::eight_mer, site_type::seven_mer_a1}, -0.412, 3), 200, true, 1);
    EXPECT_EQ(strong.level, io::support::strong);
    EXPECT_EQ(strong.text, "strong: 1 8mer and 1 7mer-A1 sites, context++ -0.412, rank 3 of 200 genes (top 1.5%)");
    // Ranked, but below the top 10%: moderate.
    const auto low = engine::verdict_of(utr_with({site_type::seven_mer_m8}, -0.1, 21), 200, true, 1);
    EXPECT_EQ(low.level, io::support::moderate);
    EXPECT_EQ(low.text, "moderate: 1 7mer-m8 site, context++ -0.100, rank 21 of 200 genes (top 10.5%)");
    // Too few genes to rank: the site types alone decide.
    const auto unranked = engine::verdict_of(utr_with({site_type::eight_mer}, -0.4, 0), 5, true, 1);
    EXPECT_EQ(unranked.level, io::support::strong);
    EXPECT_EQ(unranked.text, "strong: 1 8mer site, context++ -0.400, not ranked (5 genes in the input)");
    // A ranked input, but no scored site (within 15 nt of the stop codon): not ranked, moderate.
    const auto unscored = engine::verdict_of(utr_with({site_type::eight_mer}, 0, 0), 200, true, 1);
    EXPECT_EQ(unscored.level, io::support::moderate);
    auto six = utr_with({site_type::six_mer}, 0, 0);
    six.sites[0].score = 0.0;
    six.scored = true;
    const auto weak = engine::verdict_of(six, 200, false, 1);
    EXPECT_EQ(weak.level, io::support::weak);
    EXPECT_EQ(weak.text, "weak: only 1 6mer site, context++ 0.000, not ranked");
    const auto offset = engine::verdict_of(utr_with({site_type::offset_six_mer}, 0, 0), 200, false, 1);
    EXPECT_EQ(offset.text, "weak: only 1 offset-6mer site, context++ NA, not ranked");
    // Non-canonical classes alone are weak evidence, whatever their number.
    const auto gu = engine::verdict_of(utr_with({site_type::eight_mer_gu, site_type::bulge_seven_mer, site_type::offset_six_mer}, 0, 0), 200, true, 1);
    EXPECT_EQ(gu.level, io::support::weak);
    EXPECT_EQ(gu.text, "weak: only 1 offset-6mer, 1 8mer-GU and 1 bulge-7mer sites, context++ NA, not ranked");
    const auto none = engine::verdict_of(utr_with({}, 0, 0), 200, true, 2);
    EXPECT_EQ(none.level, io::support::none);
    EXPECT_EQ(none.text, "none: no site in any of the gene's 2 UTR isoforms; the claim rests on pairing outside the site classes looked for, or "
                         "another isoform");
}

TEST(validation, evaluate_finds_the_gene_s_utrs_sites_and_best_utr) {
    const auto dir = temp_dir();
    write_file(dir / "utrs.fa", two_utrs);
    engine::validate_request request;
    request.mirna = "miR-21-5p";
    request.gene = "PTEN";
    request.utr_files = {(dir / "utrs.fa").string()};
    request.no_builtin = true;
    const auto e = engine::evaluate(request);
    EXPECT_EQ(e.report.utrs, 2u);
    EXPECT_EQ(e.report.genes, 2u);
    ASSERT_EQ(e.report.pairs.size(), 1u);
    const auto& pair = e.report.pairs[0];
    EXPECT_TRUE(pair.claims.empty());
    ASSERT_EQ(pair.utrs.size(), 1u);
    EXPECT_EQ(pair.utrs[0].record->id, "U1");
    ASSERT_EQ(pair.utrs[0].sites.size(), 2u);
    EXPECT_EQ(pair.utrs[0].sites[0].type, site_type::eight_mer);
    EXPECT_EQ(pair.utrs[0].sites[0].seq, "AUAAGCUA");
    EXPECT_EQ(pair.utrs[0].sites[1].type, site_type::seven_mer_m8);
    EXPECT_EQ(pair.gene_verdict.level, io::support::strong);  // 2 genes: not ranked, an 8mer
    EXPECT_EQ(e.gene_utrs, "U1 (PTEN)");
}

// examples/utrs.fa: 5 UTRs, 2,199 nt, each with sites of many miRNAs.
const std::string example_utrs = MIRHIT_SOURCE_DIR "/examples/utrs.fa";
constexpr std::uint64_t example_records = 5, example_nt = 2199;

// The sequences and nucleotides fold_around_sites folded while f ran.
template <class F>
engine::fold_tally folded_during(F&& f) {
    const auto before = engine::folds_done();
    f();
    const auto after = engine::folds_done();
    return {after.sequences - before.sequences, after.nucleotides - before.nucleotides};
}

TEST(engine, a_scored_scan_folds_each_utr_once_whatever_the_number_of_mirnas) {
    std::string source;
    for (const bool all_mirnas : {false, true}) {
        engine::scan_job job;
        job.utr_files = {example_utrs};
        job.mirnas = io::load_mirnas("", "", source);  // the built-in set: 2,656 miRNAs
        if (!all_mirnas) {
            job.mirnas = {};
            job.mirnas.add("hsa-miR-21-5p", "MIMAT0000076", "UAGCUUAUCAGACUGAUGUUGA");
        }
        job.builtin_claims = false;
        job.scores.context = job.scores.access = true;
        engine::scan_engine engine(std::move(job));
        collector rows;
        engine::scan_consumer* consumers[] = {&rows};
        const auto folded = folded_during([&] { engine.run(consumers); });
        EXPECT_LE(folded.sequences, example_records);
        EXPECT_LE(folded.nucleotides, example_nt);
        if (all_mirnas) {
            EXPECT_EQ(folded.sequences, example_records);
            EXPECT_EQ(folded.nucleotides, example_nt);
            EXPECT_GT(data_lines(rows.text).size(), 1000u);
        }
    }
}

TEST(validation, curated_all_folds_each_utr_once_and_not_at_all_from_an_index) {
    engine::validate_request request;
    request.curated_all = true;
    request.utr_files = {example_utrs};
    engine::evaluation e;
    auto folded = folded_during([&] { e = engine::evaluate(request); });
    ASSERT_GT(e.report.mirnas.size(), 50u);  // the claims' miRNAs, one scan for all
    EXPECT_EQ(folded.sequences, example_records);
    EXPECT_EQ(folded.nucleotides, example_nt);

    engine::index_request index;
    index.utr_files = request.utr_files;
    index.output = (temp_dir() / "utrs.mhx").string();
    index.quiet = true;
    engine::run_index(index);
    request.utr_files.clear();
    request.index_file = index.output;
    folded = folded_during([&] { e = engine::evaluate(request); });
    EXPECT_EQ(folded.sequences, 0u);
    EXPECT_EQ(e.report.utrs, example_records);
}

}  // namespace
}  // namespace mirhit::test
