#include "engine/scan_outputs.hpp"

namespace mirhit::engine {

row_output::row_output(const std::string& path, io::output_format format, std::string preamble, std::string column_header,
                       const claim_marks& marks, bool sharded)
    : out_(path), format_(format), head_(std::move(preamble) + column_header), marks_(marks), sharded_(sharded) {}

void row_output::start() { out_.write(head_); }

void row_output::finish() {
    if (format_ == io::output_format::tsv) {
        std::string footer;
        if (sharded_)
            for (const auto& t : marks_.tallies()) footer += t.line();
        else
            footer = claims_footer(marks_.tallies());
        out_.write(footer);
    }
    out_.commit();
}

gene_summary_output::gene_summary_output(const std::string& path, const mirna_set& mirnas, const std::string& preamble,
                                         bool scored, bool sharded) {
    if (sharded)
        log_ = std::make_unique<io::gene_summary_log>(path, mirnas, preamble, scored);
    else
        summary_ = std::make_unique<io::gene_summary_writer>(path, mirnas, preamble, scored);
}

void gene_summary_output::gene_summary(const io::record_header& record, std::span<const std::uint32_t> events,
                                       std::span<const io::utr_score> scores) {
    if (summary_) summary_->add(record.gene, events, scores, record.id);
    if (log_) log_->add(record.gene, events, scores, record.id);
}

void gene_summary_output::finish() {
    if (summary_) summary_->finish();
    if (log_) log_->finish();
}

void claims_table_output::finish() {
    io::atomic_output out(path_);
    out.write(preamble_);
    if (sharded_) {
        std::string tallies(claims_log_start);
        for (const auto& t : marks_.tallies()) tallies += t.line();
        out.write(tallies);
    } else {
        out.write(claims_table(marks_.tallies()));
    }
    out.commit();
}

}  // namespace mirhit::engine
