#pragma once

#include <memory>
#include <string>

#include "engine/claim_marks.hpp"
#include "engine/scan_job.hpp"
#include "io/atomic_output.hpp"
#include "io/gene_summary.hpp"
#include "io/site_writer.hpp"

namespace mirhit::engine {

// The consumers `mirhit scan` writes its files with. Each takes the results of one kind.

// Site rows (or count rows) into a file: the '##' preamble and column header before the first
// results (so that input rejected at once leaves standard output empty), then the rows, then in
// tsv the claims footer (a shard's: its claim tallies, which mirhit merge adds up).
class row_output final : public scan_consumer {
public:
    row_output(const std::string& path, io::output_format format, std::string preamble, std::string column_header,
               const claim_marks& marks, bool sharded);
    void start() override;
    void rows(std::string_view text) override { out_.write(text); }
    void finish() override;

private:
    io::atomic_output out_;
    io::output_format format_;
    std::string head_;
    const claim_marks& marks_;
    bool sharded_;
};

// The claims tally: which UTRs of each claimed gene were read and which sites were found.
class claim_tally_consumer final : public scan_consumer {
public:
    explicit claim_tally_consumer(claim_marks& marks) : marks_(marks) {}
    void record(const io::record_header& record) override { marks_.add_utr(record.id, record.gene); }
    void claim_sites(std::uint32_t claim, site_type type, std::uint64_t count) override { marks_.add_sites(claim, type, count); }

private:
    claim_marks& marks_;
};

// The gene summary file; for a shard, the log of its calls that mirhit merge replays.
class gene_summary_output final : public scan_consumer {
public:
    gene_summary_output(const std::string& path, const mirna_set& mirnas, const std::string& preamble, bool scored, bool sharded);
    void gene_summary(const io::record_header& record, std::span<const std::uint32_t> events,
                      std::span<const io::utr_score> scores) override;
    void finish() override;

private:
    std::unique_ptr<io::gene_summary_writer> summary_;
    std::unique_ptr<io::gene_summary_log> log_;
};

// --claims FILE: the claims table after the scan (a shard's: its tallies, for mirhit merge).
class claims_table_output final : public scan_consumer {
public:
    claims_table_output(const std::string& path, std::string preamble, const claim_marks& marks, bool sharded)
        : path_(path), preamble_(std::move(preamble)), marks_(marks), sharded_(sharded) {}
    void finish() override;

private:
    std::string path_;
    std::string preamble_;
    const claim_marks& marks_;
    bool sharded_;
};

}  // namespace mirhit::engine
