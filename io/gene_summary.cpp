#include "io/gene_summary.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <map>

#include "core/error.hpp"

namespace mirhit::io {

namespace {

constexpr std::string_view column_header =
    "gene\tmirna\tfamily\t8mer\t7mer-m8\t7mer-A1\t6mer\toffset-6mer\ttotal\tnear_stop\n";

}  // namespace

gene_summary_writer::gene_summary_writer(std::string path, const mirna_set& mirnas, const std::string& preamble)
    : path_(std::move(path)),
      mirnas_(mirnas),
      preamble_(preamble),
      out_(std::make_unique<atomic_output>(path_)),
      run_counts_(mirnas.size()) {
    // A target that cannot be read back (standard output, a pipe) gets the rows only after the
    // merge pass, from a private first-pass file.
    if (out_->direct()) {
        final_ = std::move(out_);
        out_ = atomic_output::scratch(path_ + " (first pass)");
    }
    out_->write(preamble_);
    out_->write(column_header);
}

void gene_summary_writer::add(const std::string& gene, std::span<const std::uint32_t> events) {
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
}

void gene_summary_writer::write_row(std::string& out, const std::string& gene, std::uint32_t mirna, const counts& c) const {
    const auto& m = mirnas_.mirnas()[mirna];
    out += gene;
    out += '\t';
    out += m.name;
    out += '\t';
    out += mirnas_.families()[m.family].seed;
    std::uint64_t total = 0;
    for (std::size_t t = 0; t < site_type_count; ++t) {
        out += '\t';
        out += std::to_string(c[t]);
        total += c[t];
    }
    out += '\t';
    out += std::to_string(total);
    out += '\t';
    out += std::to_string(c[near_stop_slot]);
    out += '\n';
}

void gene_summary_writer::flush_run() {
    if (!in_run_) return;
    std::sort(touched_.begin(), touched_.end());
    buffer_.clear();
    for (auto mirna : touched_) {
        write_row(buffer_, current_gene_, mirna, run_counts_[mirna]);
        run_counts_[mirna] = {};
    }
    touched_.clear();
    out_->write(buffer_);
    in_run_ = false;
}

void gene_summary_writer::finish() {
    flush_run();
    if (!repeated_genes_.empty() || final_) merge_repeated_genes();
    out_->commit();
}

// Rows of a gene met in several runs are summed, and written where the gene first appeared; the
// first pass is copied to its real target here.
void gene_summary_writer::merge_repeated_genes() {
    auto first_pass = std::move(out_);
    first_pass->flush();
    std::map<std::string, std::map<std::uint32_t, counts>> merged;
    auto parse_row = [&](const std::string& line, std::string& gene, std::uint32_t& mirna, counts& c) {
        auto tab = line.find('\t');
        gene = line.substr(0, tab);
        auto name_end = line.find('\t', tab + 1);
        mirna = static_cast<std::uint32_t>(mirnas_.find(std::string_view(line).substr(tab + 1, name_end - tab - 1)) -
                                           mirnas_.mirnas().data());
        auto field = line.find('\t', name_end + 1) + 1;  // past the family
        const char* p = line.data() + field;
        const char* end = line.data() + line.size();
        for (std::size_t t = 0; t < site_type_count; ++t) p = std::from_chars(p, end, c[t]).ptr + 1;
        std::uint64_t total = 0;
        p = std::from_chars(p, end, total).ptr + 1;
        std::from_chars(p, end, c[near_stop_slot]);
    };
    std::string line, gene;
    std::uint32_t mirna = 0;
    counts c{};
    {
        std::ifstream in(first_pass->temp_path());
        while (std::getline(in, line)) {
            if (line.starts_with('#') || line.starts_with("gene\t")) continue;
            parse_row(line, gene, mirna, c);
            if (!repeated_genes_.contains(gene)) continue;
            auto& sum = merged[gene][mirna];
            for (std::size_t s = 0; s < slots; ++s) sum[s] += c[s];
        }
    }
    out_ = final_ ? std::move(final_) : std::make_unique<atomic_output>(path_);
    std::ifstream in(first_pass->temp_path());
    std::unordered_set<std::string> written;
    while (std::getline(in, line)) {
        if (line.starts_with('#') || line.starts_with("gene\t")) {
            out_->write(line + '\n');
            continue;
        }
        gene = line.substr(0, line.find('\t'));
        if (!repeated_genes_.contains(gene)) {
            out_->write(line + '\n');
        } else if (written.insert(gene).second) {
            buffer_.clear();
            for (const auto& [m, sum] : merged[gene]) write_row(buffer_, gene, m, sum);
            out_->write(buffer_);
        }
    }
    if (in.bad()) throw input_error(path_ + ": cannot re-read the gene summary being written");
}

}  // namespace mirhit::io
