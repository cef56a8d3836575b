#include "io/gene_summary.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <utility>

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/line_reader.hpp"

namespace mirhit::io {

namespace {

constexpr std::string_view column_header = "gene\tmirna\tfamily\t8mer\t7mer-m8\t7mer-A1\t6mer\toffset-6mer\ttotal\tnear_stop";
constexpr std::string_view score_header = "\tcontext++\tcwcs\tbest_utr\tbest_site";
constexpr std::string_view rank_header = "\trank\tpercentile";

std::string format3(double x) {
    if (std::isnan(x)) return "NA";
    char number[32];
    const int n = std::snprintf(number, sizeof number, "%.3f", x == 0 ? 0.0 : x);
    return std::string(number, static_cast<std::size_t>(n));
}


// A gene's best UTR: the most negative total; the first UTR in input order wins ties.
void keep_best(gene_summary_writer::best_utr& best, const gene_summary_writer::best_utr& candidate) {
    if (!candidate.set) return;
    if (!best.set || candidate.total < best.total) best = candidate;
}

}  // namespace

gene_summary_writer::gene_summary_writer(std::string path, const mirna_set& mirnas, const std::string& preamble, bool scored)
    : path_(std::move(path)),
      mirnas_(mirnas),
      scored_(scored),
      out_(std::make_unique<atomic_output>(path_)),
      run_counts_(mirnas.size()),
      run_scores_(scored ? mirnas.size() : 0) {
    // A target that cannot be read back (standard output, a pipe) gets the rows only after the
    // second pass, from a private first-pass file.
    if (out_->direct()) {
        final_ = std::move(out_);
        out_ = atomic_output::scratch(path_ + " (first pass)");
    }
    out_->write(preamble);
    out_->write(column_header);
    if (scored_) out_->write(score_header);
    out_->write("\n");
}

void gene_summary_writer::add(const std::string& gene, std::span<const std::uint32_t> events,
                              std::span<const utr_score> scores, const std::string& utr_id) {
    if (!in_run_ || gene != current_gene_) {
        flush_run();
        if (!seen_genes_.insert(gene).second) repeated_genes_.insert(gene);
        current_gene_ = gene;
        in_run_ = true;
    }
    for (auto e : events) {
        auto& c = run_counts_[e / 8];
        if (std::all_of(c.begin(), c.end(), [](auto n) { return n == 0; })) touched_.push_back(e / 8);
        ++c[e % 8];
    }
    for (const auto& s : scores) keep_best(run_scores_[s.mirna], {s.total, s.cwcs, utr_id, s.best_site, true});
}

void gene_summary_writer::write_row(std::string& out, const row& r) const {
    const auto& m = mirnas_.mirnas()[r.mirna];
    out += r.gene;
    out += '\t';
    out += m.name;
    out += '\t';
    out += mirnas_.families()[m.family].seed;
    std::uint64_t total = 0;
    for (std::size_t t = 0; t < site_type_count; ++t) {
        out += '\t';
        out += std::to_string(r.c[t]);
        total += r.c[t];
    }
    out += '\t';
    out += std::to_string(total);
    out += '\t';
    out += std::to_string(r.c[near_stop_slot]);
    if (scored_) {
        out += '\t';
        out += format3(r.score.total);
        out += '\t';
        out += format3(r.score.cwcs);
        out += '\t';
        out += r.score.set ? r.score.utr : "NA";
        out += '\t';
        out += r.score.set && !r.score.site.empty() ? r.score.site : "NA";
    }
}

gene_summary_writer::row gene_summary_writer::parse_row(const std::string& line) const {
    std::vector<std::string_view> fields;
    split_fields(line, fields);
    row r;
    r.gene = std::string(fields[0]);
    r.mirna = static_cast<std::uint32_t>(mirnas_.find(fields[1]) - mirnas_.mirnas().data());
    for (std::size_t t = 0; t < site_type_count; ++t) std::from_chars(fields[3 + t].data(), fields[3 + t].data() + fields[3 + t].size(), r.c[t]);
    std::from_chars(fields[9].data(), fields[9].data() + fields[9].size(), r.c[near_stop_slot]);
    if (scored_ && fields[12] != "NA") {
        r.score.set = true;
        std::from_chars(fields[10].data(), fields[10].data() + fields[10].size(), r.score.total);
        if (fields[11] != "NA") std::from_chars(fields[11].data(), fields[11].data() + fields[11].size(), r.score.cwcs);
        r.score.utr = std::string(fields[12]);
        r.score.site = fields[13] == "NA" ? "" : std::string(fields[13]);
    }
    return r;
}

void gene_summary_writer::flush_run() {
    if (!in_run_) return;
    std::sort(touched_.begin(), touched_.end());
    buffer_.clear();
    for (auto mirna : touched_) {
        row r{current_gene_, mirna, run_counts_[mirna], {}};
        if (scored_) r.score = std::exchange(run_scores_[mirna], {});
        write_row(buffer_, r);
        buffer_ += '\n';
        run_counts_[mirna] = {};
    }
    touched_.clear();
    out_->write(buffer_);
    in_run_ = false;
}

void gene_summary_writer::finish() {
    flush_run();
    if (!repeated_genes_.empty() || final_ || scored_) rewrite();
    out_->commit();
}

// The second pass: rows of a gene met in several runs are summed (the best UTR kept) and written
// where the gene first appeared; with scores, each row gets its rank among the input's genes.
void gene_summary_writer::rewrite() {
    auto first_pass = std::move(out_);
    first_pass->flush();
    std::map<std::string, std::map<std::uint32_t, row>> merged;
    std::vector<std::vector<double>> totals(scored_ ? mirnas_.size() : 0);
    std::string line;
    {
        std::ifstream in(first_pass->temp_path());
        while (std::getline(in, line)) {
            if (line.starts_with('#') || line.starts_with("gene\t")) continue;
            auto r = parse_row(line);
            if (!repeated_genes_.contains(r.gene)) {
                if (scored_) totals[r.mirna].push_back(r.score.total);
                continue;
            }
            auto& sum = merged[r.gene][r.mirna];
            sum.gene = r.gene;
            sum.mirna = r.mirna;
            for (std::size_t s = 0; s < slots; ++s) sum.c[s] += r.c[s];
            keep_best(sum.score, r.score);
        }
        if (in.bad()) throw input_error(path_ + ": cannot re-read the gene summary being written");
    }
    if (scored_) {
        for (const auto& [gene, rows] : merged)
            for (const auto& [mirna, r] : rows) totals[mirna].push_back(r.score.total);
        for (auto& t : totals) std::sort(t.begin(), t.end());
    }
    const double genes = static_cast<double>(seen_genes_.size());
    auto append_rank = [&](std::string& out, const row& r) {
        if (!scored_) return;
        const auto& t = totals[r.mirna];
        // Genes without a row for this miRNA have no site: total 0, below every negative total.
        const auto rank = static_cast<std::size_t>(std::lower_bound(t.begin(), t.end(), r.score.total) - t.begin()) + 1;
        out += '\t';
        out += std::to_string(rank);
        out += '\t';
        out += format3(100.0 * static_cast<double>(rank) / genes);
    };

    out_ = final_ ? std::move(final_) : std::make_unique<atomic_output>(path_);
    std::ifstream in(first_pass->temp_path());
    std::unordered_set<std::string> written;
    while (std::getline(in, line)) {
        if (line.starts_with('#')) {
            out_->write(line + '\n');
            continue;
        }
        if (line.starts_with("gene\t")) {
            out_->write(line + (scored_ ? std::string(rank_header) : "") + '\n');
            continue;
        }
        buffer_.clear();
        const auto gene = line.substr(0, line.find('\t'));
        if (!repeated_genes_.contains(gene)) {
            buffer_ = line;
            if (scored_) append_rank(buffer_, parse_row(line));
            buffer_ += '\n';
        } else if (written.insert(gene).second) {
            for (const auto& [mirna, r] : merged[gene]) {
                write_row(buffer_, r);
                append_rank(buffer_, r);
                buffer_ += '\n';
            }
        }
        out_->write(buffer_);
    }
    if (in.bad()) throw input_error(path_ + ": cannot re-read the gene summary being written");
}

namespace {

constexpr std::string_view log_start = "## gene summary of a shard, for mirhit merge: ";
constexpr std::string_view log_mirna = "## mirna: ";

[[noreturn]] void bad_log(const line_reader& in, const std::string& what) {
    throw input_error_at(in.name(), in.line_number(), "not a shard's gene summary log: " + what);
}

}  // namespace

gene_summary_log::gene_summary_log(const std::string& path, const mirna_set& mirnas, const std::string& preamble, bool scored)
    : out_(path) {
    std::string head = preamble + std::string(log_start) + (scored ? "scored" : "counts") + "\n";
    for (const auto& m : mirnas.mirnas()) head += std::string(log_mirna) + m.name + '\t' + m.accession + '\t' + m.sequence + '\n';
    out_.write(head);
}

// One line per call: utr id, gene, the events as EVENT or EVENT*COUNT (sorted), and the scores as
// MIRNA,TOTAL,CWCS,BEST_SITE separated by '|'.
void gene_summary_log::add(const std::string& gene, std::span<const std::uint32_t> events, std::span<const utr_score> scores,
                           const std::string& utr_id) {
    line_ = utr_id + '\t' + gene + '\t';
    sorted_.assign(events.begin(), events.end());
    std::sort(sorted_.begin(), sorted_.end());
    for (std::size_t i = 0; i < sorted_.size();) {
        std::size_t j = i;
        while (j < sorted_.size() && sorted_[j] == sorted_[i]) ++j;
        if (i) line_ += ',';
        line_ += std::to_string(sorted_[i]);
        if (j - i > 1) line_ += '*' + std::to_string(j - i);
        i = j;
    }
    line_ += '\t';
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (i) line_ += '|';
        line_ += std::to_string(scores[i].mirna) + ',';
        append_number(line_, scores[i].total);
        line_ += ',';
        append_number(line_, scores[i].cwcs);
        line_ += ',' + scores[i].best_site;
    }
    line_ += '\n';
    out_.write(line_);
}

bool gene_summary_log::is_log_start(std::string_view line) { return line.starts_with(log_start); }

bool gene_summary_log::read_head(line_reader& in, std::string& line, bool& scored, mirna_set& mirnas) {
    if (!is_log_start(line)) bad_log(in, "no '" + std::string(log_start) + "' line");
    const auto kind = std::string_view(line).substr(log_start.size());
    if (kind != "scored" && kind != "counts") bad_log(in, "unknown kind '" + std::string(kind) + "'");
    scored = kind == "scored";
    std::vector<std::string_view> fields;
    while (in.next(line)) {
        if (!line.starts_with(log_mirna)) return true;
        split_fields(std::string_view(line).substr(log_mirna.size()), fields);
        if (fields.size() != 3) bad_log(in, "a '## mirna:' line needs name, accession and sequence");
        mirnas.add(std::string(fields[0]), std::string(fields[1]), std::string(fields[2]));
    }
    return false;
}

void gene_summary_log::replay(line_reader& in, std::string& line, gene_summary_writer& writer) {
    std::vector<std::string_view> fields, parts;
    std::vector<std::uint32_t> events;
    std::vector<utr_score> scores;
    auto number = [&](std::string_view text, auto& value) {
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || end != text.data() + text.size()) bad_log(in, "'" + printable(text) + "' is not a number");
    };
    do {
        split_fields(line, fields);
        if (fields.size() != 4) bad_log(in, "a call needs utr id, gene, events and scores");
        events.clear();
        split_list(fields[2], ',', parts);
        for (auto part : parts) {
            const auto star = part.find('*');
            std::uint32_t event = 0, count = 1;
            number(part.substr(0, star), event);
            if (star != std::string_view::npos) number(part.substr(star + 1), count);
            events.insert(events.end(), count, event);
        }
        scores.clear();
        std::vector<std::string_view> score_parts;
        split_list(fields[3], '|', parts);
        for (auto part : parts) {
            split_list(part, ',', score_parts);
            if (score_parts.size() != 4) bad_log(in, "a score needs miRNA, total, CWCS and best site");
            utr_score u{};
            number(score_parts[0], u.mirna);
            number(score_parts[1], u.total);
            number(score_parts[2], u.cwcs);
            u.best_site = std::string(score_parts[3]);
            scores.push_back(std::move(u));
        }
        writer.add(std::string(fields[1]), events, scores, std::string(fields[0]));
    } while (in.next(line));
}

}  // namespace mirhit::io
