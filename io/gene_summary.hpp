#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/mirna.hpp"
#include "core/site.hpp"
#include "io/atomic_output.hpp"

namespace mirhit::io {

// One site as the gene summary counts it: miRNA index × 8 + site type, or + near_stop_slot
// for a site flagged as too close to the stop codon (counted apart from the types).
inline constexpr std::uint32_t near_stop_slot = site_type_count;
constexpr std::uint32_t summary_event(std::uint32_t mirna, site_type type, bool near_stop) {
    return mirna * 8 + (near_stop ? near_stop_slot : static_cast<std::uint32_t>(type));
}

// Writes one row per gene × miRNA with its site counts. Records arrive in input order; the rows
// of a gene are written when its run of consecutive records ends, so memory stays small. A gene
// whose records are not consecutive is merged in a second pass over the written file.
class gene_summary_writer {
public:
    gene_summary_writer(std::string path, const mirna_set& mirnas, const std::string& preamble);

    void add(const std::string& gene, std::span<const std::uint32_t> events);
    void finish();

    static constexpr std::size_t slots = site_type_count + 1;
    using counts = std::array<std::uint32_t, slots>;

private:
    void flush_run();
    void write_row(std::string& out, const std::string& gene, std::uint32_t mirna, const counts& c) const;
    void merge_repeated_genes();

    std::string path_;
    const mirna_set& mirnas_;
    std::string preamble_;
    std::unique_ptr<atomic_output> out_;
    std::unique_ptr<atomic_output> final_;  // set while out_ is a scratch file for a direct target
    std::string current_gene_;
    bool in_run_ = false;
    std::vector<counts> run_counts_;
    std::vector<std::uint32_t> touched_;
    std::unordered_set<std::string> seen_genes_;
    std::unordered_set<std::string> repeated_genes_;
    std::string buffer_;
};

}  // namespace mirhit::io
