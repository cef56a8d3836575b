#include "scoring/target_abundance.hpp"

#include <cmath>
#include <stdexcept>

#include "core/encoding.hpp"

namespace mirhit::scoring {

namespace {

constexpr std::uint32_t mask7 = (1u << 14) - 1;

// Code of the UTR 7-mer that pairs with seed nt 2-8 (its reverse complement).
std::uint32_t reverse_complement7(std::uint32_t seed) {
    std::uint32_t rc = 0;
    for (int i = 0; i < 7; ++i) {
        rc = rc << 2 | (3u - (seed & 3u));
        seed >>= 2;
    }
    return rc;
}

}  // namespace

std::uint32_t seed_code(std::string_view seed_nt2_8) {
    if (seed_nt2_8.size() != 7) throw std::invalid_argument("seed must be 7 nt, got '" + std::string(seed_nt2_8) + "'");
    std::uint32_t code = 0;
    for (char c : seed_nt2_8) {
        const auto n = code_of(c);
        if (n > 3) throw std::invalid_argument("seed '" + std::string(seed_nt2_8) + "' has a letter other than A, C, G, U/T");
        code = code << 2 | n;
    }
    return code;
}

site_abundance_counter::site_abundance_counter(bool both_strands)
    : seven_mers_(seed_code_count), eight_mers_a_(seed_code_count), both_strands_(both_strands) {}

void site_abundance_counter::add(std::string_view seq, std::uint64_t own_begin, std::uint64_t own_end) {
    std::uint32_t code = 0;
    // The reverse complement of the last 8 letters, its first letter most significant: the same
    // windows read on the other strand.
    std::uint32_t rc_code = 0;
    std::uint32_t run = 0;  // valid letters ending at i
    for (std::uint64_t i = own_begin; i < seq.size() && i < own_end + 7; ++i) {
        const auto c = code_of(seq[i]);
        if (c > 3) {
            run = 0;
            continue;
        }
        if (i < own_end) nucleotides_ += both_strands_ ? 2 : 1;
        code = (code << 2 | c) & 0xffffu;
        rc_code = rc_code >> 2 | static_cast<std::uint32_t>(complement(c)) << 14;
        ++run;
        // The k-mer ending at i starts at i + 1 - k; it is counted when that start is owned.
        if (run >= 7 && i + 1 - 7 < own_end) {
            ++seven_mers_[code & mask7];
            if (both_strands_) ++seven_mers_[rc_code >> 2];
        }
        if (run >= 8 && i + 1 - 8 < own_end) {
            if (c == nt_a) ++eight_mers_a_[code >> 2 & mask7];
            if (both_strands_ && (rc_code & 3u) == nt_a) ++eight_mers_a_[rc_code >> 2];
        }
    }
}

void site_abundance_counter::merge(const site_abundance_counter& other) {
    for (std::uint32_t i = 0; i < seed_code_count; ++i) {
        seven_mers_[i] += other.seven_mers_[i];
        eight_mers_a_[i] += other.eight_mers_a_[i];
    }
    nucleotides_ += other.nucleotides_;
}

std::uint64_t site_abundance_counter::sites(std::uint32_t seed) const {
    const std::uint32_t m8 = reverse_complement7(seed);  // 7mer-m8, and the first 7 nt of the 8mer
    // 7mer-A1: the reverse complement of nt 2-7, then A; nt 2-7 are the top 12 bits of the seed.
    const std::uint32_t a1 = (reverse_complement7(seed) & ((1u << 12) - 1)) << 2 | nt_a;
    return seven_mers_[m8] + seven_mers_[a1] - eight_mers_a_[m8];
}

std::vector<double> site_abundance_counter::ta_table() const {
    std::vector<std::uint64_t> counts(seed_code_count);
    for (std::uint32_t s = 0; s < seed_code_count; ++s) counts[s] = sites(s);
    return ta_from_counts(counts, nucleotides_);
}

std::vector<double> ta_from_counts(std::span<const std::uint64_t> sites, std::uint64_t nucleotides) {
    std::vector<double> table;
    if (nucleotides == 0) return table;
    table.resize(sites.size());
    const double scale = reference_utrome_length / static_cast<double>(nucleotides);
    for (std::size_t s = 0; s < sites.size(); ++s) table[s] = std::log10((static_cast<double>(sites[s]) + 1.0) * scale);
    return table;
}

}  // namespace mirhit::scoring
