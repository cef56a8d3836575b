#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace mirhit {

// Canonical site types, strongest first (TargetScan 7 definitions).
enum class site_type : std::uint8_t { eight_mer, seven_mer_m8, seven_mer_a1, six_mer, offset_six_mer };

inline constexpr std::size_t site_type_count = 5;

// Sites starting in the first 15 nt of a UTR are flagged: too close to the stop codon to be
// effective (ribosome interference; TargetScan counts them out).
inline constexpr std::uint64_t near_stop_length = 15;

inline constexpr std::array<std::string_view, site_type_count> site_type_names = {
    "8mer", "7mer-m8", "7mer-A1", "6mer", "offset-6mer"};

inline constexpr std::array<std::uint8_t, site_type_count> site_type_lengths = {8, 7, 7, 6, 6};

constexpr std::string_view name_of(site_type t) { return site_type_names[static_cast<std::size_t>(t)]; }
constexpr std::uint8_t length_of(site_type t) { return site_type_lengths[static_cast<std::size_t>(t)]; }

std::optional<site_type> parse_site_type(std::string_view name);

// A set of site types, one bit per type.
class site_type_set {
public:
    static constexpr site_type_set all() { return site_type_set(0x1f); }
    constexpr site_type_set() = default;
    constexpr bool contains(site_type t) const { return bits_ >> static_cast<unsigned>(t) & 1u; }
    constexpr void insert(site_type t) { bits_ |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(t)); }
    constexpr bool empty() const { return bits_ == 0; }
    constexpr bool operator==(const site_type_set&) const = default;

private:
    constexpr explicit site_type_set(std::uint8_t bits) : bits_(bits) {}
    std::uint8_t bits_ = 0;
};

// One site of a seed family in a record; start is 0-based in record coordinates (for a site on
// the reverse strand, the start of its footprint on the forward strand).
struct family_site {
    std::uint64_t start;
    std::uint32_t family;
    site_type type;
    bool reverse = false;

    friend constexpr bool operator<(const family_site& a, const family_site& b) {
        if (a.start != b.start) return a.start < b.start;
        if (a.reverse != b.reverse) return b.reverse;
        if (a.family != b.family) return a.family < b.family;
        return a.type < b.type;
    }
};

}  // namespace mirhit
