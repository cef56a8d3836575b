#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mirhit::scoring {

// Target-site abundance (TA; Garcia et al. 2011, Nat Struct Mol Biol 18:1139): how many sites a
// seed has across the 3'UTRome, log10. A site is a 7mer-m8, 7mer-A1 or 8mer match to miRNA nt 2-8,
// each counted once. Counts from a set of nucleotides N are put on the scale of TargetScan 7's
// TA values as log10((sites + 1) × reference_utrome_length / N): TargetScan's values behave as
// counts in about 23 Mb of 3'UTR (slope 1 against log counts in real human 3'UTR sets).
inline constexpr double reference_utrome_length = 23e6;

// Seeds (miRNA nt 2-8) are indexed by their 2-bit code, nt 2 most significant (A, C, G, U = 0..3).
inline constexpr std::uint32_t seed_code_count = 1u << 14;

// Returns the code of a 7-nt seed (A, C, G, U/T, any case); throws std::invalid_argument otherwise.
std::uint32_t seed_code(std::string_view seed_nt2_8);

// Counts sites of every seed in sequences.
class site_abundance_counter {
public:
    // both_strands: count each sequence and its reverse complement (for genomic DNA).
    explicit site_abundance_counter(bool both_strands = false);
    // Counts the k-mers that start in [own_begin, own_end) of seq and lie inside seq, so that
    // overlapping pieces of one record are counted once. Letters other than A, C, G, T/U break
    // k-mers. nucleotides() grows by the A, C, G, T/U letters in the owned range (twice with
    // both strands).
    void add(std::string_view seq, std::uint64_t own_begin, std::uint64_t own_end);
    void add(std::string_view seq) { add(seq, 0, seq.size()); }
    void merge(const site_abundance_counter& other);

    std::uint64_t sites(std::uint32_t seed) const;
    std::uint64_t nucleotides() const { return nucleotides_; }
    // TA on TargetScan's scale (see above); 0 nucleotides gives an empty table.
    std::vector<double> ta_table() const;

private:
    std::vector<std::uint64_t> seven_mers_;    // by 7-mer code
    std::vector<std::uint64_t> eight_mers_a_;  // 8-mers ending in A, by the code of their first 7 nt
    std::uint64_t nucleotides_ = 0;
    bool both_strands_;
};

// TA on TargetScan's scale (see above) from site counts by seed code and the nucleotides
// counted; 0 nucleotides gives an empty table.
std::vector<double> ta_from_counts(std::span<const std::uint64_t> sites, std::uint64_t nucleotides);

// TA and its provenance, for the '##' header.
struct ta_values {
    std::vector<double> by_seed;  // seed_code_count values
    std::string source;
};

}  // namespace mirhit::scoring
