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

// PCT of sites from TargetScan's BL_PCT output (targetscan_70_output.BL_PCT.txt): per UTR id, the
// site's 0-based start and type (pct_key) → PCT; rows of other species and PCT "NA" are skipped.
constexpr std::uint64_t pct_key(std::uint64_t start, site_type type) { return start << 3 | static_cast<std::uint64_t>(type); }
using pct_table = std::unordered_map<std::string, std::unordered_map<std::uint64_t, double>>;
pct_table read_pct(std::unique_ptr<byte_source> source, std::string_view species);

// ORF sequences (FASTA, plain or gzip) by record id, letters as written.
using orf_table = std::unordered_map<std::string, std::string>;
orf_table read_orfs(std::unique_ptr<byte_source> source);

}  // namespace mirhit::io
