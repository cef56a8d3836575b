#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string_view>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/mirna.hpp"
#include "core/site.hpp"
#include "io/atomic_output.hpp"
#include "io/line_reader.hpp"

namespace mirhit::io {

// One site as the gene summary counts it: miRNA index × 8 + site type, or + near_stop_slot
// for a site flagged as too close to the stop codon (counted apart from the types).
inline constexpr std::uint32_t near_stop_slot = site_type_count;
constexpr std::uint32_t summary_event(std::uint32_t mirna, site_type type, bool near_stop) {
    return mirna * 8 + (near_stop ? near_stop_slot : static_cast<std::uint32_t>(type));
}

// The context++ summary of one UTR for one miRNA (with --score).
struct utr_score {
    std::uint32_t mirna;
    double total;  // best non-overlapping set
    double cwcs;   // NaN without isoform ratios
    std::string best_site;  // "type:start:score", empty when no site is scored
};

// Writes one row per gene × miRNA with its site counts, and with --score its total context++,
// CWCS, best UTR and site, and its rank among the input's genes. Records arrive in input order;
// the rows of a gene are written when its run of consecutive records ends, so memory stays small.
// A gene whose records are not consecutive is merged, and ranks are added, in a second pass over
// the written file.
class gene_summary_writer {
public:
    gene_summary_writer(std::string path, const mirna_set& mirnas, const std::string& preamble, bool scored = false);

    // scores: this UTR's scores per miRNA (scored runs only); utr_id names the UTR in best_utr.
    void add(const std::string& gene, std::span<const std::uint32_t> events, std::span<const utr_score> scores = {},
             const std::string& utr_id = {});
    void finish();

    static constexpr std::size_t slots = site_type_count + 1;
    using counts = std::array<std::uint32_t, slots>;

    // The best (most negative total) UTR of a gene for one miRNA.
    struct best_utr {
        double total = 0;
        double cwcs = std::numeric_limits<double>::quiet_NaN();
        std::string utr, site;
        bool set = false;
    };

private:
    struct row {
        std::string gene;
        std::uint32_t mirna = 0;
        counts c{};
        best_utr score;
    };

    void flush_run();
    void write_row(std::string& out, const row& r) const;
    row parse_row(const std::string& line) const;
    void rewrite();

    std::string path_;
    const mirna_set& mirnas_;
    bool scored_;
    std::unique_ptr<atomic_output> out_;
    std::unique_ptr<atomic_output> final_;  // set while out_ is a scratch file for a direct target
    std::string current_gene_;
    bool in_run_ = false;
    std::vector<counts> run_counts_;
    std::vector<best_utr> run_scores_;
    std::vector<std::uint32_t> touched_;
    std::unordered_set<std::string> seen_genes_;
    std::unordered_set<std::string> repeated_genes_;
    std::string buffer_;
};

// A shard's gene summary (scan --shard with --gene-summary): not rows but the calls its scan made
// to add(), one line each, with the run's miRNAs, so that mirhit merge can replay every shard's
// calls in order into one gene_summary_writer and write exactly the single run's summary (genes
// split across shards, ranks and percentiles among all genes included). Scores are written in
// full precision.
class gene_summary_log {
public:
    // preamble: the shard's '##' lines; ends with its '## shard:' line.
    gene_summary_log(const std::string& path, const mirna_set& mirnas, const std::string& preamble, bool scored);
    void add(const std::string& gene, std::span<const std::uint32_t> events, std::span<const utr_score> scores = {},
             const std::string& utr_id = {});
    void finish() { out_.commit(); }

    // The first line after a shard's '##' header when the file is such a log.
    static bool is_log_start(std::string_view line);
    // Reads the log's first lines, from `line`, its first line after the header: whether it is
    // scored, and the run's miRNAs (added to mirnas). Returns whether calls follow: then `line` is
    // the first. Throws input_error naming the file and line.
    static bool read_head(line_reader& in, std::string& line, bool& scored, mirna_set& mirnas);
    // Replays the calls, from the one in `line`, into writer.
    static void replay(line_reader& in, std::string& line, gene_summary_writer& writer);

private:
    atomic_output out_;
    std::string line_;
    std::vector<std::uint32_t> sorted_;
};

}  // namespace mirhit::io
