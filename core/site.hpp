#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace mirhit {

// Site types: the five canonical ones, strongest first (TargetScan 7 definitions), then the
// non-canonical classes a scan reports only on request (see seed_index for their definitions).
enum class site_type : std::uint8_t {
    eight_mer, seven_mer_m8, seven_mer_a1, six_mer, offset_six_mer,
    six_mer_a1, eight_mer_gu, seven_mer_m8_gu, seven_mer_a1_gu, bulge_seven_mer, three_p_compensatory, centered
};

// The canonical types: arrays indexed by type, per-type columns and counts cover these.
inline constexpr std::size_t site_type_count = 5;
inline constexpr std::size_t any_site_type_count = 12;

// Sites starting in the first 15 nt of a UTR are flagged: too close to the stop codon to be
// effective (ribosome interference; TargetScan counts them out).
inline constexpr std::uint64_t near_stop_length = 15;

inline constexpr std::array<std::string_view, site_type_count> site_type_names = {
    "8mer", "7mer-m8", "7mer-A1", "6mer", "offset-6mer"};
inline constexpr std::array<std::string_view, any_site_type_count> any_site_type_names = {
    "8mer", "7mer-m8", "7mer-A1", "6mer", "offset-6mer", "6mer-A1", "8mer-GU", "7mer-m8-GU", "7mer-A1-GU", "bulge-7mer",
    "3p-compensatory", "centered"};

// UTR nucleotides a site spans: those opposite the miRNA nucleotides its type pairs, and nt 1
// when the type needs an A there (a bulge-7mer's extra nucleotide included). Two classes pair
// more than they span: 3p-compensatory spans its seed match (nt 2-8), centered nt 4-14.
inline constexpr std::array<std::uint8_t, any_site_type_count> site_type_lengths = {8, 7, 7, 6, 6, 6, 8, 7, 7, 8, 7, 11};
// How far 3' of a site's last nucleotide the one opposite miRNA nt 1 lies.
inline constexpr std::array<std::uint8_t, any_site_type_count> site_type_nt1_after = {0, 1, 0, 1, 2, 0, 0, 1, 0, 1, 1, 3};

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
    // bulge-7mer: k, the extra nucleotide lies between the partners of nt k and k + 1;
    // 3p-compensatory: the offset (int8_t); centered: the run of pairs, see centered_run.
    std::uint8_t detail = 0;
    // The classes that pair beyond the seed hold for one member of the family (its index there).
    std::uint8_t member = every_member;

    static constexpr std::uint8_t every_member = 0xff;

    friend constexpr bool operator<(const family_site& a, const family_site& b) {
        if (a.start != b.start) return a.start < b.start;
        if (a.reverse != b.reverse) return b.reverse;
        if (a.family != b.family) return a.family < b.family;
        if (a.type != b.type) return a.type < b.type;
        return a.member < b.member;
    }
};

// A centered site's run of Watson-Crick pairs, miRNA nt first..last (first <= 4, last >= 14),
// packed in its detail.
struct centered_run {
    unsigned first, last;
};
inline constexpr unsigned centered_max_nt = 77;  // runs are followed up to this miRNA nt
constexpr std::uint8_t pack_run(centered_run r) { return static_cast<std::uint8_t>((r.first - 1) | (r.last - 14) << 2); }
constexpr centered_run unpack_run(std::uint8_t d) { return {(d & 3u) + 1, (d >> 2) + 14u}; }

// The site's class detail as written in the class_detail column ("k=5", "offset=-1",
// "pairs=3-15"), empty for the classes without one.
std::string class_detail(const family_site& site);

// The members of a site's family it holds for: all, or the one a per-miRNA class names.
inline std::span<const std::uint32_t> members_of(std::span<const std::uint32_t> members, std::uint8_t member) {
    return member == family_site::every_member ? members : members.subspan(member, 1);
}
inline std::span<const std::uint32_t> members_of(std::span<const std::uint32_t> members, const family_site& site) {
    return members_of(members, site.member);
}

}  // namespace mirhit
