#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace mirhit {

// Site types: the five canonical ones, strongest first (TargetScan 7 definitions), then the
// non-canonical classes a scan reports only on request (see seed_index for their definitions).
enum class site_type : std::uint8_t {
    eight_mer, seven_mer_m8, seven_mer_a1, six_mer, offset_six_mer,
    six_mer_a1, eight_mer_gu, seven_mer_m8_gu, seven_mer_a1_gu, bulge_seven_mer
};

// The canonical types: arrays indexed by type, per-type columns and counts cover these.
inline constexpr std::size_t site_type_count = 5;
inline constexpr std::size_t any_site_type_count = 10;

// Sites starting in the first 15 nt of a UTR are flagged: too close to the stop codon to be
// effective (ribosome interference; TargetScan counts them out).
inline constexpr std::uint64_t near_stop_length = 15;

inline constexpr std::array<std::string_view, site_type_count> site_type_names = {
    "8mer", "7mer-m8", "7mer-A1", "6mer", "offset-6mer"};
inline constexpr std::array<std::string_view, any_site_type_count> any_site_type_names = {
    "8mer", "7mer-m8", "7mer-A1", "6mer", "offset-6mer", "6mer-A1", "8mer-GU", "7mer-m8-GU", "7mer-A1-GU", "bulge-7mer"};

// UTR nucleotides a site spans: those opposite the miRNA nucleotides its type pairs, and nt 1
// when the type needs an A there (a bulge-7mer's extra nucleotide included).
inline constexpr std::array<std::uint8_t, any_site_type_count> site_type_lengths = {8, 7, 7, 6, 6, 6, 8, 7, 7, 8};
// How far 3' of a site's last nucleotide the one opposite miRNA nt 1 lies.
inline constexpr std::array<std::uint8_t, any_site_type_count> site_type_nt1_after = {0, 1, 0, 1, 2, 0, 0, 1, 0, 1};

constexpr std::string_view name_of(site_type t) { return any_site_type_names[static_cast<std::size_t>(t)]; }
constexpr std::uint8_t length_of(site_type t) { return site_type_lengths[static_cast<std::size_t>(t)]; }
constexpr bool is_canonical(site_type t) { return static_cast<std::size_t>(t) < site_type_count; }
// 0-based position of the UTR nucleotide opposite miRNA nt 1, for a site starting at start.
constexpr std::uint64_t opposite_nt1(site_type t, std::uint64_t start) {
    return start + length_of(t) - 1 + site_type_nt1_after[static_cast<std::size_t>(t)];
}

// Any type's name ("6mer-A1" included).
std::optional<site_type> parse_site_type(std::string_view name);

// A set of site types, one bit per type.
class site_type_set {
public:
    // The five canonical types (a scan's default).
    static constexpr site_type_set all() { return site_type_set(0x1f); }
    // Every type, non-canonical classes included.
    static constexpr site_type_set every() { return site_type_set((1u << any_site_type_count) - 1); }
    constexpr site_type_set() = default;
    constexpr bool contains(site_type t) const { return bits_ >> static_cast<unsigned>(t) & 1u; }
    constexpr void insert(site_type t) { bits_ |= static_cast<std::uint16_t>(1u << static_cast<unsigned>(t)); }
    constexpr bool empty() const { return bits_ == 0; }
    constexpr bool noncanonical() const { return (bits_ & ~all().bits_) != 0; }
    constexpr site_type_set operator|(site_type_set other) const { return site_type_set(bits_ | other.bits_); }
    constexpr bool operator==(const site_type_set&) const = default;

private:
    constexpr explicit site_type_set(unsigned bits) : bits_(static_cast<std::uint16_t>(bits)) {}
    std::uint16_t bits_ = 0;
};

// One site of a seed family in a record; start is 0-based in record coordinates (for a site on
// the reverse strand, the start of its footprint on the forward strand).
struct family_site {
    std::uint64_t start;
    std::uint32_t family;
    site_type type;
    bool reverse = false;
    std::uint8_t bulge = 0;  // bulge-7mer: k, the extra nucleotide lies between the partners of nt k and k + 1

    friend constexpr bool operator<(const family_site& a, const family_site& b) {
        if (a.start != b.start) return a.start < b.start;
        if (a.reverse != b.reverse) return b.reverse;
        if (a.family != b.family) return a.family < b.family;
        return a.type < b.type;
    }
};

}  // namespace mirhit
