#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mirhit::targetscan70 {

// The 8mer sites (reverse complement of seed nt 2-8, then A) that TargetScan 7's
// targetscan_count_8mers.pl counts in ORFs, for the context++ ORF8m term.
class orf_8mer_counter {
public:
    // seeds: 7 nt of A, C, G, U/T in either case (the caller checks). overlapping: count every
    // occurrence; else as the original's regex does, each next one starting after the last ends.
    orf_8mer_counter(const std::vector<std::string>& seeds, bool overlapping);

    // The sites of each seed (in the constructor's order) in an aligned sequence: gaps '-' and '.'
    // are removed first, T is U and case is ignored. Returns the sequence's length without gaps.
    std::uint64_t count(std::string_view aligned, std::vector<std::uint32_t>& per_seed) const;

private:
    std::vector<std::int32_t> site_of_code_;  // by 16-bit code of 8 nt: index into the unique sites, or -1
    std::vector<std::uint32_t> seed_site_;    // by seed: its site
    std::size_t sites_ = 0;
    bool overlapping_;
};

}  // namespace mirhit::targetscan70
