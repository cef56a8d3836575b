#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace mirhit::scoring {

// One scored site of one miRNA in one UTR: 0-based start, end (exclusive), context++ score, and
// the AIR of the UTR region that holds it (1 without isoform data).
struct scored_site {
    std::uint64_t start, end;
    double score;
    double air = 1.0;
};

// The total context++ of a UTR for one miRNA: the sum over the set of non-overlapping sites with
// the most negative sum (TargetScan sums sites that do not overlap). Returns the chosen sites'
// indices in `chosen`, in position order.
double best_total(std::span<const scored_site> sites, std::vector<std::size_t>* chosen = nullptr);

// Cumulative weighted context++ score (TargetScan 7): over the chosen sites from the most distal
// to the most proximal, C_i = C_{i-1} + (1 - 2^CS_i)(AIR_i - C_{i-1}); CWCS = log2(1 - C_n).
double cumulative_weighted_score(std::span<const scored_site> sites, std::span<const std::size_t> chosen);

}  // namespace mirhit::scoring
