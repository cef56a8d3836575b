#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "io/byte_source.hpp"
#include "scoring/context_score.hpp"

namespace mirhit::io {

// TargetScan's AIR file (All_cell_lines.AIRs.txt): UTR id, region start, region end (1-based),
// AIR in percent; one UTR's regions on consecutive or scattered lines.
using isoform_table = std::unordered_map<std::string, std::vector<scoring::air_region>>;
isoform_table read_isoforms(std::unique_ptr<byte_source> source);

// ORF sequences (FASTA, plain or gzip) by record id, letters as written.
using orf_table = std::unordered_map<std::string, std::string>;
orf_table read_orfs(std::unique_ptr<byte_source> source);

}  // namespace mirhit::io
