#pragma once

#include <memory>

#include "io/byte_source.hpp"
#include "scoring/target_abundance.hpp"

namespace mirhit::io {

// Reads a target-site abundance table: `mirhit abundance` output (columns seed, sites, ta after
// "##" lines) or TargetScan's TA_SPS_by_seed_region.txt (seed, SPS, SPS, TA). Every one of the
// 16,384 seeds must appear once. Throws input_error naming the line.
scoring::ta_values read_ta_table(std::unique_ptr<byte_source> source);

// The built-in table (reference/data/ta_hsa_BA000025.tsv), parsed once.
const scoring::ta_values& builtin_ta_values();

}  // namespace mirhit::io
