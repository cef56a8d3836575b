#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/site.hpp"
#include "io/byte_source.hpp"
#include "scoring/context_score.hpp"

namespace mirhit::io {

// TargetScan's AIR file (All_cell_lines.AIRs.txt): UTR id, region start, region end (1-based),
// AIR in percent; one UTR's regions on consecutive or scattered lines.
using isoform_table = std::unordered_map<std::string, std::vector<scoring::air_region>>;
isoform_table read_isoforms(std::unique_ptr<byte_source> source);

// A site's key in the tables below: its 0-based start and type.
constexpr std::uint64_t pct_key(std::uint64_t start, site_type type) { return start << 3 | static_cast<std::uint64_t>(type); }

// A site's conservation as TargetScan's BL_PCT output writes it: branch length ("0", %.4f, NA)
// and PCT (%.4f, "0.0", NA).
struct site_conservation_text {
    std::string bl, pct;
    bool operator==(const site_conservation_text&) const = default;
};
// Per UTR id, by pct_key: the sites of one species.
using conservation_table = std::unordered_map<std::string, std::unordered_map<std::uint64_t, site_conservation_text>>;
// The rows of `species` in TargetScan's BL_PCT output (targetscan_70_output.BL_PCT.txt); a later
// row of the same site replaces an earlier one.
conservation_table read_conservation(std::unique_ptr<byte_source> source, std::string_view species);

// PCT by UTR id and pct_key, as context++ reads it: the table's sites with a PCT (not NA).
using pct_table = std::unordered_map<std::string, std::unordered_map<std::uint64_t, double>>;
pct_table pct_values(const conservation_table& table);

// ORF sequences (FASTA, plain or gzip) by record id, letters as written.
using orf_table = std::unordered_map<std::string, std::string>;
orf_table read_orfs(std::unique_ptr<byte_source> source);

}  // namespace mirhit::io
