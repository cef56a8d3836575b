#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "core/mirna.hpp"
#include "core/site.hpp"

namespace mirhit {

// Every 6-mer code (4^6) to the seed families whose site cores it is, so one pass over a
// sequence finds all sites at a cost independent of the number of miRNAs.
//
// The non-canonical classes are found in the same pass: from more 6-mers per family, and
// bulge-7mers from 8-mers with one base deleted, looked up among the 7mer-m8 matches. With Pk the
// pairing of miRNA nt k to the UTR nucleotide at its place (Watson-Crick, G:U, or none), A1 an A
// opposite nt 1, and "seed pairs" nt 2-8 (2-7 for the A1 types):
//   6mer-A1     P2-6 Watson-Crick, A1, P7 neither Watson-Crick nor G:U (McGeary et al. 2019);
//   8mer-GU     P2-8 paired, exactly one of them G:U, A1;  7mer-m8-GU: the same without A1;
//   7mer-A1-GU  P2-7 paired, exactly one of them G:U, A1, P8 not Watson-Crick;
//   bulge-7mer  nt 2-8 Watson-Crick paired to 8 consecutive UTR nucleotides with one extra
//               between the partners of nt k and k + 1, 2 <= k <= 7 (Chi et al. 2012), reported
//               once per UTR stretch at the smallest such k.
//   3p-compensatory  P2-8 paired but exactly one of them (a mismatch or G:U), and miRNA nt 13-16
//               Watson-Crick paired to four consecutive UTR nucleotides 5' of the seed match,
//               offset from contiguous pairing by -2 to +4 (Grimson et al. 2007), reported at
//               the smallest offset that fits: from the 21 one-substitution 7-mers of each seed,
//               and a table of where each 4-mer last ended early enough to be nt 13-16's partner.
//   centered    nt 4-14 Watson-Crick paired (11 consecutive pairs, Shin et al. 2010), whatever
//               the seed: from each miRNA's 8-mer partner of nt 4-11, then nt 12-14 compared,
//               and the run followed both ways for the detail.
// The last two pair beyond the seed, so a site holds for one member of the family (member).
// Precedence at one alignment (the UTR nucleotide opposite nt 1): a canonical type first (so a
// G:U at nt 8 leaves a 6mer or 7mer-A1, and a G:U at nt 2 with P3-8 an offset-6mer), then the GU
// types, then 6mer-A1: one seed-class site per alignment, whichever types are requested, so a
// scan for some types reports exactly the rows of a scan for all of them that have those types.
// bulge-7mer, 3p-compensatory and centered sites stand apart and may share nucleotides with
// seed-class sites (and each other).
class seed_index {
public:
    static constexpr unsigned k = 6;
    static constexpr std::uint32_t code_count = 1u << (2 * k);

    enum class role : std::uint8_t {
        core,     // pairs nt 2-7: a 6mer, or the centre of a 7mer-m8, 7mer-A1 or 8mer
        offset,   // pairs nt 3-8: an offset 6mer unless it continues into a 7mer-m8
        a1_six,   // pairs nt 2-6, then an A: a 6mer-A1 unless nt 7 pairs
        core_gu,  // nt 2-7 with one G:U (at nt `detail`): the centre of a GU type
    };
    // No nucleotide (a flank with no G:U partner).
    static constexpr std::uint8_t no_base = 0xff;
    struct entry {
        std::uint32_t family;
        role kind;
        // core, core_gu: code pairing nt 8 (5' of the core); offset: code pairing nt 2 (3');
        // a1_six: Watson-Crick partner of nt 7
        std::uint8_t flank;
        std::uint8_t flank2;  // a1_six: G:U partner of nt 7
        std::uint8_t detail;  // core_gu: the G:U's miRNA nt
    };

    // A member of a seed family, for the classes that pair beyond the seed.
    struct member_entry {
        std::uint32_t family;
        std::uint32_t mirna;  // into partners()
        std::uint8_t member;  // in the family
        std::uint8_t target;  // 3p-compensatory: code of nt 16-13's partners; centered: nt 14-12's
    };

    // mirnas: the families' members, needed for 3p-compensatory and centered (else may be empty).
    seed_index(const std::vector<seed_family>& families, site_type_set types, std::span<const mirna> mirnas = {});

    std::span<const entry> at(std::uint32_t code) const { return seeds_.at(code); }
    site_type_set types() const { return types_; }
    // bulge-7mer candidates: the families whose 7mer-m8 match (nt 8-2's partners) is this 7-mer,
    // in family order; has_m8 reads a bit per code first.
    bool has_m8(std::uint32_t code7) const { return bit_at(m8_codes_, code7); }
    std::span<const std::uint32_t> m8_families(std::uint32_t code7) const { return m8_families_.at(code7); }
    // 3p-compensatory candidates: by the 7-mer of nt 8-2's partners with one substitution.
    std::span<const member_entry> three_p_at(std::uint32_t code7) const { return three_p_.at(code7); }
    // Their targets, in the same order: a compact first test before an entry is read.
    std::span<const std::uint8_t> three_p_targets(std::uint32_t code7) const { return three_p_targets_.at(code7); }
    // centered candidates: by the 8-mer of nt 11-4's partners.
    std::span<const member_entry> centered_at(std::uint32_t code8) const { return centered_.at(code8); }
    // Whether any miRNA has a centered candidate at this 8-mer (a bit per code, read before the table).
    bool has_centered(std::uint32_t code8) const { return bit_at(centered_codes_, code8); }
    // A miRNA's Watson-Crick partner codes, nt 1 first.
    const std::string& partners(std::uint32_t mirna) const { return partners_[mirna]; }

    // Entries bucketed by k-mer code.
    template <typename T>
    class table {
    public:
        table() = default;
        table(std::uint32_t codes, const std::vector<std::pair<std::uint32_t, T>>& keyed);
        std::span<const T> at(std::uint32_t code) const {
            return {entries_.data() + begin_[code], entries_.data() + begin_[code + 1]};
        }

    private:
        std::vector<std::uint32_t> begin_;
        std::vector<T> entries_;
    };

private:
    static bool bit_at(const std::vector<std::uint64_t>& bits, std::uint32_t code) { return bits[code >> 6] >> (code & 63u) & 1u; }
    void add_m8_families(const std::vector<seed_family>& families);
    void add_members(const std::vector<seed_family>& families, std::span<const mirna> mirnas);

    table<entry> seeds_;
    table<member_entry> three_p_, centered_;
    table<std::uint8_t> three_p_targets_;
    table<std::uint32_t> m8_families_;
    std::vector<std::uint64_t> m8_codes_;
    std::vector<std::uint64_t> centered_codes_;
    std::vector<std::string> partners_;
    site_type_set types_;
};

// Appends the sites of the requested types found in seq whose start lies in
// [own_begin, own_end); seq[0] is at record position `offset`, and the bytes just before and
// after the owned range must be included in seq when they exist (context for flank tests).
// Sites come in order of their core's end, not sorted by start.
void scan_sequence(const seed_index& index, std::string_view seq, std::uint64_t offset, std::uint64_t own_begin,
                   std::uint64_t own_end, std::vector<family_site>& out);

}  // namespace mirhit

namespace mirhit {

// Bases a site needs around its start, strand by strand: a seed-class site up to 8 from its start
// and one before; a centered site up to 14 from its start and (its run followed to nt 77) 64
// before; a reverse site the same mirrored, owned by the piece owning its forward end - 7 (see
// scan_piece_reverse), so up to 72 from its key and 20 before.
inline constexpr std::uint32_t site_reach = 72;
// Consecutive pieces of a long record overlap by this many bases: every owned site, either
// strand, has all the bases it needs in its piece.
inline constexpr std::uint32_t site_context = 2 * site_reach;

// Record positions whose sites a piece reports: every site is reported by exactly one piece, the
// piece owning the starts from `site_reach` before the end of its overlap to `site_reach` before
// its end (its first piece: from its start; its last: to its end).
struct owned_range {
    std::uint64_t begin, end;
};
constexpr owned_range owned_starts(std::uint64_t offset, std::uint32_t overlap, std::uint64_t size, bool last) {
    // Pieces shorter than the margin (small chunk sizes) at a record's start own nothing but
    // what lies past it; records start at 0.
    auto less_margin = [](std::uint64_t position) { return position > site_reach ? position - site_reach : 0; };
    std::uint64_t begin = overlap == 0 ? offset : less_margin(offset + overlap);
    std::uint64_t end = last ? offset + size : less_margin(offset + size);
    return {begin, end};
}

// All sites owned by a piece, sorted by start, then seed family, then type.
void scan_piece(const seed_index& index, std::string_view seq, std::uint64_t offset, owned_range owned,
                std::vector<family_site>& out);

// The sites on the reverse strand of a piece (reverse = true), in forward coordinates, appended
// unsorted. A reverse site needs the same bases as a forward one, mirrored: the piece that owns
// the forward start `end - 7` (0 when negative) reports it (for seed-class sites the start of
// their nine-base window), so pieces of a long record report every site once. scratch holds the
// reverse complement.
void scan_piece_reverse(const seed_index& index, std::string_view seq, std::uint64_t offset, owned_range owned,
                        std::vector<family_site>& out, std::string& scratch);

// The fast path for 8mer, 7mer-m8 and 7mer-A1 sites (the genome-scale question): every 7-mer
// code (4^7) to the seed families whose 7mer-m8 (rc of nt 2-8) or 7mer-A1 (rc of nt 2-7, then A)
// it is, on the forward strand and, with both_strands, on the reverse one (the reverse
// complement of those 7-mers), so one pass with one lookup per position finds both strands.
class seed7_index {
public:
    static constexpr unsigned k = 7;
    static constexpr std::uint32_t code_count = 1u << (2 * k);
    static constexpr std::uint32_t max_families = 1u << 20;

    // What a 7-mer match means, decided by one flanking base without branching: the base before
    // the 7-mer or the one after it equals `flank` or not, and that picks the site type (or
    // none: not wanted, or an 8mer that another entry reports).
    //   forward m8 (rc of nt 2-8):        after == A: 8mer, else 7mer-m8
    //   forward a1 (rc of nt 2-7, then A): before == nt-8 partner: none (the 8mer), else 7mer-A1
    //   reverse m8 (nt 2-8 read forward):  before == U: 8mer one base earlier, else 7mer-m8
    //   reverse a1 (U, then nt 2-7):       after == nt 8: none, else 7mer-A1
    // Packed in 32 bits so that the first entry of every code sits in one 64 KB table:
    //   family (20 bits) | flank (3) | use_after | reverse | earlier_on_match
    //   | type if no match (2; 3 = none) | type if match (2) | more entries | present
    using entry = std::uint32_t;
    static constexpr unsigned flank_shift = 20, use_after_bit = 23, reverse_bit = 24, earlier_bit = 25, type_shift = 26,
                              more_bit = 30, present_bit = 31;
    static constexpr std::uint32_t no_site = 3;

    // types: none outside 8mer, 7mer-m8 and 7mer-A1 (see covers()); at most max_families families.
    seed7_index(const std::vector<seed_family>& families, site_type_set types, bool both_strands);
    // Whether these types can be scanned with a seed7_index.
    static bool covers(site_type_set types);

    // The first entry of a code (0: none); when its more bit is set, the others are
    // more(code) .. more(code + 1) in more_entries().
    const entry* first_entries() const { return first_.data(); }
    const std::uint32_t* more_begins() const { return more_begin_.data(); }
    const entry* more_entries() const { return more_.data(); }
    // More than 1/8 of the codes have an entry (then a branch on whether one has is unpredictable).
    bool dense() const { return dense_; }

private:
    std::vector<entry> first_;
    std::vector<std::uint32_t> more_begin_;
    std::vector<entry> more_;
    bool dense_ = false;
};

// The same sites, sorted the same way, as scan_piece with a seed_index of the same types (and,
// when the index has both strands, scan_piece_reverse, then sorting).
void scan_piece_seven(const seed7_index& index, std::string_view seq, std::uint64_t offset, owned_range owned,
                      std::vector<family_site>& out);

// The sites of one seed family, strand and type in a stretch of sequence, counted (member: as
// family_site's, for the classes that hold for one member of the family).
struct site_count {
    std::uint32_t family;
    bool reverse;
    site_type type;
    std::uint64_t count;
    std::uint8_t member = family_site::every_member;

    friend constexpr bool operator==(const site_count&, const site_count&) = default;
};

// Sites counted by family, strand, type and member: sorted by these, no zero counts.
void count_sites(std::span<const family_site> sites, std::vector<site_count>& out);
// Sorts counts[first..] the same way, adding up the counts of equal keys and dropping zeros.
void merge_counts(std::vector<site_count>& counts, std::size_t first);

// The counts count_sites gives for the sites scan_piece_seven finds, without finding them one by
// one: a pass counts the piece's 8-mers (and the few 7-mers without a base after them), then
// every index entry reads its sites off those counts. The tables cost ~400 KB to clear and read,
// so this is for pieces of tens of kilobases and more. The counts come in index order, not
// sorted (each family, strand and type once, no zeros).
class seven_counter {
public:
    void count(const seed7_index& index, std::string_view seq, std::uint64_t offset, owned_range owned,
               std::vector<site_count>& out);

private:
    std::vector<std::uint32_t> eight_;     // 8-mer code -> occurrences
    std::vector<std::uint32_t> open_end_;  // 7-mer code -> windows with no base after
};

}  // namespace mirhit
