#include "core/scan_kernel.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/encoding.hpp"

namespace mirhit {

namespace {

// UTR-order 2-bit code of the reverse complement of miRNA nucleotides [from, to] (1-based,
// from > to walks 5'→3' on the UTR), taken from the 7-nt seed (nt 2-8).
std::uint32_t target_code(const std::string& seed, int from, int to) {
    std::uint32_t code = 0;
    for (int nt = from; nt >= to; --nt) code = code << 2 | complement(code_of(seed[nt - 2]));
    return code;
}

}  // namespace

namespace {

// family_site's order as one integer, so that comparing does not branch.
unsigned __int128 order_key(const family_site& x) {
    return static_cast<unsigned __int128>(x.start << 1 | x.reverse) << 64 |
           (std::uint64_t{x.family} << 16 | std::uint64_t{static_cast<unsigned>(x.type)} << 8 | x.member);
}

// Sorts out[first..] by family_site's order: insertion sort, linear when each site is at most a
// few places from its own.
void sort_nearly_sorted(std::vector<family_site>& out, std::size_t first) {
    for (std::size_t j = first + 1; j < out.size(); ++j) {
        const family_site site = out[j];
        const auto site_key = order_key(site);
        if (!(site_key < order_key(out[j - 1]))) continue;
        std::size_t to = j;
        while (to > first && site_key < order_key(out[to - 1])) {
            out[to] = out[to - 1];
            --to;
        }
        out[to] = site;
    }
}

// The UTR partner of miRNA letter m in a G:U pair, or seed_index::no_base.
std::uint8_t gu_partner(char m) {
    const auto c = code_of(m);
    return c == nt_u ? nt_g : c == nt_g ? nt_u : seed_index::no_base;
}

}  // namespace

seed_index::seed_index(const std::vector<seed_family>& families, site_type_set types, std::span<const mirna> mirnas)
    : types_(types) {
    bool want_core = types.contains(site_type::eight_mer) || types.contains(site_type::seven_mer_m8) ||
                     types.contains(site_type::seven_mer_a1) || types.contains(site_type::six_mer);
    bool want_offset = types.contains(site_type::offset_six_mer);
    bool want_gu = types.contains(site_type::eight_mer_gu) || types.contains(site_type::seven_mer_m8_gu) ||
                   types.contains(site_type::seven_mer_a1_gu);
    std::vector<std::pair<std::uint32_t, entry>> keyed;
    for (std::uint32_t f = 0; f < families.size(); ++f) {
        const auto& seed = families[f].seed;
        const std::uint8_t partner8 = complement(code_of(seed[8 - 2]));
        const std::uint32_t core = target_code(seed, 7, 2);
        if (want_core) keyed.push_back({core, {f, role::core, partner8, 0, 0}});
        if (want_offset)
            keyed.push_back({target_code(seed, 8, 3), {f, role::offset, complement(code_of(seed[2 - 2])), 0, 0}});
        if (types.contains(site_type::six_mer_a1))
            keyed.push_back({target_code(seed, 6, 2) << 2 | nt_a,
                             {f, role::a1_six, complement(code_of(seed[7 - 2])), gu_partner(seed[7 - 2]), 0}});
        for (int g = 2; want_gu && g <= 7; ++g)  // the partner of nt g is 2 * (g - 2) bits up
            if (const auto wobble = gu_partner(seed[g - 2]); wobble != no_base) {
                const unsigned shift = 2 * static_cast<unsigned>(g - 2);
                const std::uint32_t code = (core & ~(3u << shift)) | std::uint32_t{wobble} << shift;
                keyed.push_back({code, {f, role::core_gu, partner8, 0, static_cast<std::uint8_t>(g)}});
            }
    }
    seeds_ = table<entry>(code_count, keyed);
    if (types.contains(site_type::bulge_seven_mer)) add_m8_families(families);
    if (types.contains(site_type::three_p_compensatory) || types.contains(site_type::centered))
        add_members(families, mirnas);
}

template <typename T>
seed_index::table<T>::table(std::uint32_t codes, const std::vector<std::pair<std::uint32_t, T>>& keyed)
    : begin_(codes + 1, 0), entries_(keyed.size()) {
    for (const auto& [code, e] : keyed) ++begin_[code + 1];
    for (std::uint32_t c = 0; c < codes; ++c) begin_[c + 1] += begin_[c];
    auto fill = begin_;
    for (const auto& [code, e] : keyed) entries_[fill[code]++] = e;
}

namespace {

// A bit per code of `codes`, set where `keyed` has an entry: a test before a table is read.
template <typename T>
std::vector<std::uint64_t> code_bits(std::uint32_t codes, const std::vector<std::pair<std::uint32_t, T>>& keyed) {
    std::vector<std::uint64_t> bits(codes / 64, 0);
    for (const auto& [code, e] : keyed) bits[code >> 6] |= std::uint64_t{1} << (code & 63u);
    return bits;
}

}  // namespace

void seed_index::add_m8_families(const std::vector<seed_family>& families) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> keyed;
    for (std::uint32_t f = 0; f < families.size(); ++f) keyed.push_back({target_code(families[f].seed, 8, 2), f});
    m8_families_ = table<std::uint32_t>(1u << 14, keyed);
    m8_codes_ = code_bits(1u << 14, keyed);
}

void seed_index::add_members(const std::vector<seed_family>& families, std::span<const mirna> mirnas) {
    for (const auto& m : mirnas) {
        std::string partners;
        for (char c : m.sequence) partners += static_cast<char>(complement(code_of(c)));
        partners_.push_back(std::move(partners));
    }
    // UTR-order code of the partners of nt from down to to (1-based, from > to).
    auto code_of_nts = [](const std::string& partners, unsigned from, unsigned to) {
        std::uint32_t code = 0;
        for (unsigned nt = from; nt >= to; --nt) code = code << 2 | static_cast<std::uint8_t>(partners[nt - 1]);
        return code;
    };
    std::vector<std::pair<std::uint32_t, member_entry>> three_p, centered;
    for (std::uint32_t f = 0; f < families.size(); ++f) {
        const auto& members = families[f].members;
        if (members.size() >= family_site::every_member)
            throw std::length_error("seed_index: a seed family with more than 254 members");
        for (std::uint8_t k = 0; k < members.size(); ++k) {
            const auto& p = partners_.at(members[k]);
            if (p.size() < 16) continue;  // centered needs 14 nt, 3p-compensatory 16
            const std::uint32_t seed = code_of_nts(p, 8, 2);
            const std::uint8_t target = static_cast<std::uint8_t>(code_of_nts(p, 16, 13));
            // nt 2 + j's partner is 2 * j bits up; every other letter there is one substitution
            for (unsigned j = 0; j < 7 && types_.contains(site_type::three_p_compensatory); ++j)
                for (std::uint32_t b = 1; b < 4; ++b)
                    three_p.push_back({seed ^ b << 2 * j, {f, members[k], k, target}});
            if (types_.contains(site_type::centered))
                centered.push_back({code_of_nts(p, 11, 4), {f, members[k], k, static_cast<std::uint8_t>(code_of_nts(p, 14, 12))}});
        }
    }
    three_p_ = table<member_entry>(1u << 14, three_p);
    std::vector<std::pair<std::uint32_t, std::uint8_t>> targets;
    for (const auto& [code, e] : three_p) targets.push_back({code, e.target});
    three_p_targets_ = table<std::uint8_t>(1u << 14, targets);
    centered_ = table<member_entry>(1u << 16, centered);
    centered_codes_ = code_bits(1u << 16, centered);
}

namespace {

// 3p-compensatory and centered sites, found as scan_sequence walks the sequence (see seed_index).
class member_finder {
public:
    member_finder(const seed_index& index, std::string_view seq)
        : index_(index), s_(reinterpret_cast<const unsigned char*>(seq.data())), n_(seq.size()),
          three_p_(index.types().contains(site_type::three_p_compensatory)), centered_(index.types().contains(site_type::centered)) {}

    // Base i has come in: history holds the last 32 bases (the newest in the low bits), valid
    // their validity bits. emit(start, type, family, detail, member).
    template <typename Emit>
    void find(std::size_t i, std::uint64_t history, std::uint32_t valid, Emit& emit) {
        if (three_p_) find_three_p(i, history, valid, emit);
        if (centered_ && (valid & 0x7ffu) == 0x7ffu) find_centered(i, history, emit);
    }

private:
    // Base i pairs nt 2: nt 13's partner lies 11 back when contiguous, 9 to 15 back over the
    // offsets -2 to +4, so a 4-mer is recorded 9 bases after it ended; the latest one recorded
    // is the smallest offset.
    template <typename Emit>
    void find_three_p(std::size_t i, std::uint64_t history, std::uint32_t valid, Emit& emit) {
        if (i >= 9 && (valid >> 9 & 0xfu) == 0xfu) ended_[history >> 18 & 0xffu] = i - 8;
        if ((valid & 0x7fu) != 0x7fu) return;
        const auto code7 = static_cast<std::uint32_t>(history & 0x3fff);
        const auto targets = index_.three_p_targets(code7);
        for (std::size_t x = 0; x < targets.size(); ++x) {
            const std::uint64_t seen = ended_[targets[x]];
            if (seen == 0 || seen + 14 < i) continue;
            const auto& h = index_.three_p_at(code7)[x];
            const auto offset = static_cast<std::int8_t>(static_cast<std::int64_t>(i) - 10 - static_cast<std::int64_t>(seen));
            emit(i - 6, site_type::three_p_compensatory, h.family, static_cast<std::uint8_t>(offset), h.member);
        }
    }

    // Base i pairs nt 4 and the last 8 bases nt 11-4; nt t's partner is at i + 4 - t.
    template <typename Emit>
    void find_centered(std::size_t i, std::uint64_t history, Emit& emit) {
        if (!index_.has_centered(history & 0xffff)) return;
        for (const auto& h : index_.centered_at(history & 0xffff)) {
            if ((history >> 16 & 0x3fu) != h.target) continue;
            const auto& p = index_.partners(h.mirna);
            unsigned first = 4, last = 14;
            while (first > 1 && i + 5 - first < n_ && nt_code[s_[i + 5 - first]] == p[first - 2]) --first;
            const auto limit = std::min<std::size_t>(p.size(), centered_max_nt);
            while (last < limit && last <= i + 3 && nt_code[s_[i + 3 - last]] == p[last]) ++last;
            emit(i - 10, site_type::centered, h.family, pack_run({first, last}), h.member);
        }
    }

    const seed_index& index_;
    const unsigned char* s_;
    std::size_t n_;
    bool three_p_, centered_;
    std::array<std::uint64_t, 256> ended_{};  // 4-mer code -> 1 + where it last ended, recorded 9 bases later
};

}  // namespace

void scan_sequence(const seed_index& index, std::string_view seq, std::uint64_t offset, std::uint64_t own_begin,
                   std::uint64_t own_end, std::vector<family_site>& out) {
    const auto* s = reinterpret_cast<const unsigned char*>(seq.data());
    const std::size_t n = seq.size();
    const auto types = index.types();
    constexpr std::uint32_t mask = seed_index::code_count - 1;
    constexpr unsigned full = (1u << seed_index::k) - 1;
    std::uint64_t history = 0;  // the last 32 bases, the newest in the low bits
    std::uint32_t valid = 0;    // bit j set: the base j positions back is A, C, G or U
    auto emit = [&](std::size_t start, site_type type, std::uint32_t family, std::uint8_t detail = 0,
                    std::uint8_t member = family_site::every_member) {
        std::uint64_t pos = offset + start;
        if (types.contains(type) && pos >= own_begin && pos < own_end) out.push_back({pos, family, type, false, detail, member});
    };
    std::optional<member_finder> members;
    if (types.contains(site_type::three_p_compensatory) || types.contains(site_type::centered)) members.emplace(index, seq);
    // bulge-7mer over the last 8 bases f0..f7: f0 pairs nt 8 and f1..f7 less the extra nucleotide
    // f(8-k) nt 7..2, so the 8 bases less that one are a family's 7mer-m8 match. Each k deletes
    // one base and looks the 7-mer up, smallest k first; a family is reported once per stretch.
    const bool bulges = types.contains(site_type::bulge_seven_mer);
    std::vector<std::uint32_t> bulge_families;
    auto find_bulges = [&](std::size_t i) {
        const std::uint32_t eight = history & 0xffff;
        bulge_families.clear();
        for (unsigned bulge_k = 2; bulge_k <= 7; ++bulge_k) {
            const unsigned low = 2 * (bulge_k - 1);  // bits of the bases after the extra one
            const std::uint32_t seven = (eight >> (low + 2)) << low | (eight & ((1u << low) - 1));
            if (!index.has_m8(seven)) continue;
            for (const auto family : index.m8_families(seven))
                if (std::find(bulge_families.begin(), bulge_families.end(), family) == bulge_families.end()) {
                    bulge_families.push_back(family);
                    emit(i - 7, site_type::bulge_seven_mer, family, static_cast<std::uint8_t>(bulge_k));
                }
        }
    };
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t c = nt_code[s[i]];
        valid = valid << 1 | (c != nt_other);
        history = history << 2 | (c & 3u);
        if (bulges && (valid & 0xff) == 0xff) find_bulges(i);
        if (members) members->find(i, history, valid, emit);
        const std::uint32_t code = history & mask;
        if ((valid & full) != full) continue;
        auto hits = index.at(code);
        if (hits.empty()) continue;
        const std::uint8_t before = i >= seed_index::k ? nt_code[s[i - seed_index::k]] : nt_other;
        const std::uint8_t after = i + 1 < n ? nt_code[s[i + 1]] : nt_other;
        const std::size_t core_start = i + 1 - seed_index::k;
        for (const auto& h : hits) {
            switch (h.kind) {
            case seed_index::role::offset:
                if (after != h.flank) emit(core_start, site_type::offset_six_mer, h.family);
                break;
            case seed_index::role::core: {
                const bool m8 = before == h.flank;
                const bool a1 = after == nt_a;
                if (m8 && a1)
                    emit(core_start - 1, site_type::eight_mer, h.family);
                else if (m8)
                    emit(core_start - 1, site_type::seven_mer_m8, h.family);
                else if (a1)
                    emit(core_start, site_type::seven_mer_a1, h.family);
                else
                    emit(core_start, site_type::six_mer, h.family);
                break;
            }
            case seed_index::role::a1_six:
                if (before != h.flank && before != h.flank2) emit(core_start, site_type::six_mer_a1, h.family);
                break;
            case seed_index::role::core_gu: {
                const bool m8 = before == h.flank;
                const bool a1 = after == nt_a;
                if (m8 && h.detail == 2) break;  // P3-8 Watson-Crick: the offset 6mer's
                if (m8) emit(core_start - 1, a1 ? site_type::eight_mer_gu : site_type::seven_mer_m8_gu, h.family);
                else if (a1) emit(core_start, site_type::seven_mer_a1_gu, h.family);
                break;
            }
            }
        }
    }
}

}  // namespace mirhit

namespace mirhit {

void scan_piece(const seed_index& index, std::string_view seq, std::uint64_t offset, owned_range owned,
                std::vector<family_site>& out) {
    const auto first = out.size();
    scan_sequence(index, seq, offset, owned.begin, owned.end, out);
    // Found in order of core end: an 8mer or 7mer-m8 starts one base before a core found just
    // before it, so the list is almost sorted already.
    // Each site is at most a few places from its own (bulge-7mers, found at their end, start 7
    // nt back).
    sort_nearly_sorted(out, first);
}

void scan_piece_reverse(const seed_index& index, std::string_view seq, std::uint64_t offset, owned_range owned,
                        std::vector<family_site>& out, std::string& scratch) {
    const std::uint64_t n = seq.size();
    reverse_complement(seq, scratch);
    const auto first = out.size();
    scan_sequence(index, scratch, 0, 0, n, out);
    std::size_t kept = first;
    for (std::size_t i = first; i < out.size(); ++i) {
        const family_site s = out[i];
        const std::uint64_t end = offset + n - s.start;  // forward end of the footprint
        const std::uint64_t key = end >= 7 ? end - 7 : 0;
        if (key < owned.begin || key >= owned.end) continue;
        out[kept++] = {end - length_of(s.type), s.family, s.type, true, s.detail, s.member};
    }
    out.resize(kept);
}

bool seed7_index::covers(site_type_set types) {
    return !types.empty() && !types.contains(site_type::six_mer) && !types.contains(site_type::offset_six_mer) &&
           !types.noncanonical();
}

seed7_index::seed7_index(const std::vector<seed_family>& families, site_type_set types, bool both_strands)
    : first_(code_count, 0), more_begin_(code_count + 1, 0) {
    if (families.size() > max_families)
        throw std::length_error("seed7_index: more than " + std::to_string(max_families) + " seed families");
    auto wanted = [&](site_type t) { return types.contains(t) ? static_cast<std::uint32_t>(t) : no_site; };
    const std::uint32_t eight = wanted(site_type::eight_mer), m8 = wanted(site_type::seven_mer_m8),
                        a1 = wanted(site_type::seven_mer_a1);
    // The reverse complement of a 7-mer code.
    auto reverse_code = [](std::uint32_t code) {
        std::uint32_t out = 0;
        for (unsigned i = 0; i < k; ++i, code >>= 2) out = out << 2 | complement(code & 3u);
        return out;
    };
    std::vector<std::pair<std::uint32_t, entry>> keyed;
    auto add = [&](std::uint32_t code, std::uint32_t family, std::uint32_t flank, std::uint32_t flags, std::uint32_t if_not,
                   std::uint32_t if_match) {
        if (if_not == no_site && if_match == no_site) return;
        keyed.push_back({code, family | flank << flank_shift | flags | if_not << type_shift | if_match << (type_shift + 2) |
                                   1u << present_bit});
    };
    constexpr std::uint32_t use_after = 1u << use_after_bit, reverse = 1u << reverse_bit, earlier = 1u << earlier_bit;
    // Forward entries first, each strand in family order (m8 before a1): a code's sites then come
    // out in output order, but for reverse 8mers, which start one base earlier.
    for (bool on_reverse : {false, true}) {
        if (on_reverse && !both_strands) break;
        for (std::uint32_t f = 0; f < families.size(); ++f) {
            const auto& seed = families[f].seed;
            const std::uint32_t partner8 = complement(code_of(seed[8 - 2]));
            const std::uint32_t m8_code = target_code(seed, 8, 2), a1_code = target_code(seed, 7, 2) << 2 | nt_a;
            if (!on_reverse) {
                add(m8_code, f, nt_a, use_after, m8, eight);
                add(a1_code, f, partner8, 0, a1, no_site);
            } else {
                add(reverse_code(m8_code), f, nt_u, reverse | earlier, m8, eight);
                add(reverse_code(a1_code), f, complement(partner8), use_after | reverse, a1, no_site);
            }
        }
    }
    // A code's first entry goes to first_, the others, in the same order, to more_.
    for (const auto& [code, e] : keyed) {
        if (!first_[code])
            first_[code] = e;
        else
            ++more_begin_[code + 1], first_[code] |= 1u << more_bit;
    }
    for (std::uint32_t c = 0; c < code_count; ++c) more_begin_[c + 1] += more_begin_[c];
    more_.resize(more_begin_[code_count]);
    auto fill = more_begin_;
    std::vector<bool> placed(code_count);
    for (const auto& [code, e] : keyed) {
        if (placed[code])
            more_[fill[code]++] = e;
        else
            placed[code] = true;
    }
    std::uint32_t used = 0;
    for (auto e : first_) used += e != 0;
    dense_ = used > code_count / 8;
}

namespace {

// Appends the site an entry describes at window start `start` (in place, kept by counting it).
// flanks: the code of the base before the window in bits 0-7, of the one after in bits 8-15
// (nt_other for none). Arithmetic, not branches: whether the flank matches is unpredictable.
inline void add_seven_site(family_site* out, std::size_t& count, seed7_index::entry e, std::uint32_t flanks,
                           std::uint64_t start) {
    using x = seed7_index;
    const std::uint32_t match = (flanks >> 8 * (e >> x::use_after_bit & 1u) & 0xffu) == (e >> x::flank_shift & 7u);
    const std::uint32_t type = e >> (x::type_shift + 2 * match) & 3u;
    out[count] = {start - (match & (e >> x::earlier_bit & 1u)), e & (x::max_families - 1), static_cast<site_type>(type),
                  (e >> x::reverse_bit & 1u) != 0};
    count += (e >> x::present_bit) & (type != x::no_site);
}

// dense: most codes have entries (all human miRNAs on both strands), so testing for one would be
// an unpredictable branch; with few miRNAs it is a predictable one that skips the work.
template <bool dense>
void scan_seven(const seed7_index& index, std::string_view seq, std::uint64_t offset, owned_range owned,
                std::vector<family_site>& out) {
    const auto* s = reinterpret_cast<const unsigned char*>(seq.data());
    const std::size_t n = seq.size();
    const seed7_index::entry* first_entries = index.first_entries();
    const std::uint32_t* more_begins = index.more_begins();
    const seed7_index::entry* more_entries = index.more_entries();
    constexpr unsigned k = seed7_index::k;
    const std::size_t first = out.size();
    // Sites are written to a reused staging buffer and counted only when kept (no
    // initialisation of memory for sites that may never come), then appended to out.
    constexpr std::size_t stage_size = 4096;
    thread_local std::array<family_site, stage_size> stage;
    family_site* dst = stage.data();
    std::size_t count = 0;
    // A window is the 7-mer seq[w .. w + 6] with the base before and the one after it, read as one
    // rolling 9-base code once the base after, seq[w + 7], has come in (past the end of the piece
    // a non-base comes in). A forward site starts at w; a reverse one ends at w + 7 and belongs
    // to the piece owning w (end - 7) too, so the owned range is one of windows.
    const std::uint64_t own_from = owned.begin > offset ? owned.begin - offset : 0;
    const std::uint64_t own_to = std::min<std::uint64_t>(owned.end - offset, n);  // windows [own_from, own_to)
    std::uint32_t code = 0;
    unsigned valid = 0;  // bit j: the base j steps back is A, C, G or U
    auto examine = [&](std::size_t w) {
        // The 7-mer is bits 1-7, the base before bit 8, the one after bit 0.
        if ((valid & 0xfe) != 0xfe) return;
        // A code has at most 10 entries (1 m8 and up to 4 a1 per strand).
        if (count + 16 > stage_size) {
            out.insert(out.end(), dst, dst + count);
            count = 0;
        }
        const std::uint32_t seven = code >> 2 & (seed7_index::code_count - 1);
        const seed7_index::entry e = first_entries[seven];
        if (!dense && !e) return;
        const std::uint32_t flanks = (valid & 0x100 ? code >> 16 & 3 : nt_other) | (valid & 1 ? code & 3 : nt_other) << 8;
        const std::uint64_t start = offset + w;
        add_seven_site(dst, count, e, flanks, start);
        if (!(e >> seed7_index::more_bit & 1u)) return;
        const std::uint32_t b = more_begins[seven], hits = more_begins[seven + 1] - b;
        for (std::uint32_t h = 0; h < hits; ++h) add_seven_site(dst, count, more_entries[b + h], flanks, start);
    };
    auto step = [&](std::uint8_t c) {
        valid = (valid << 1 | (c != nt_other)) & 0x1ff;
        code = (code << 2 | (c & 3u)) & 0x3ffff;
    };
    std::size_t j = 0;
    const std::size_t lead = std::min<std::uint64_t>(own_from + k, n);
    for (; j < lead; ++j) step(nt_code[s[j]]);
    for (; j < n && j < own_to + k; ++j) {
        step(nt_code[s[j]]);
        if (j >= k) examine(j - k);
    }
    // The windows whose base after lies past the end of the piece.
    for (std::size_t w = j >= k ? j - k : 0; w < own_to && w + k <= n; ++w) {
        step(nt_other);
        examine(w);
    }
    out.insert(out.end(), dst, dst + count);
    // Sites come in order of window end and start at the window or one before it (reverse
    // 8mers), so each is at most a few places from its own.
    sort_nearly_sorted(out, first);
}

}  // namespace

void scan_piece_seven(const seed7_index& index, std::string_view seq, std::uint64_t offset, owned_range owned,
                      std::vector<family_site>& out) {
    if (index.dense())
        scan_seven<true>(index, seq, offset, owned, out);
    else
        scan_seven<false>(index, seq, offset, owned, out);
}

}  // namespace mirhit

namespace mirhit {

void merge_counts(std::vector<site_count>& counts, std::size_t first) {
    const auto begin = counts.begin() + static_cast<std::ptrdiff_t>(first);
    auto key = [](const site_count& c) {
        return ((std::uint64_t{c.family} << 1 | c.reverse) << 4 | static_cast<unsigned>(c.type)) << 8 | c.member;
    };
    std::sort(begin, counts.end(), [&](const site_count& x, const site_count& y) { return key(x) < key(y); });
    auto to = begin;
    for (auto it = begin; it != counts.end(); ++it) {
        if (it->count == 0) continue;
        if (to != begin && key(to[-1]) == key(*it))
            to[-1].count += it->count;
        else
            *to++ = *it;
    }
    counts.erase(to, counts.end());
}

void count_sites(std::span<const family_site> sites, std::vector<site_count>& out) {
    const auto first = out.size();
    for (const auto& s : sites) out.push_back({s.family, s.reverse, s.type, 1, s.member});
    merge_counts(out, first);
}

void seven_counter::count(const seed7_index& index, std::string_view seq, std::uint64_t offset, owned_range owned,
                          std::vector<site_count>& out) {
    using x = seed7_index;
    constexpr unsigned k = x::k;
    const auto* s = reinterpret_cast<const unsigned char*>(seq.data());
    const std::uint64_t n = seq.size();
    // The windows (7-mer starts) scan_piece_seven examines: [a, b).
    const std::uint64_t a = owned.begin > offset ? owned.begin - offset : 0;
    const std::uint64_t b = n < k || owned.end <= offset ? 0 : std::min<std::uint64_t>(owned.end - offset, n - k + 1);
    if (a >= b) return;
    eight_.assign(std::size_t{1} << 2 * (k + 1), 0);
    open_end_.assign(x::code_count, 0);
    // The 8-mers starting in [a - 1, b): each is a window's 7-mer with the base after it and the
    // next window's 7-mer with the base before it.
    const std::uint64_t lo = a > 0 ? a - 1 : 0;
    const std::uint64_t end = std::min(n, b + k);
    std::uint32_t code = 0;
    std::uint64_t run = 0;  // valid bases ending here
    for (std::uint64_t j = lo; j < end; ++j) {
        const std::uint8_t c = nt_code[s[j]];
        if (c == nt_other) [[unlikely]] {
            if (run >= k && j - k >= a) ++open_end_[code & (x::code_count - 1)];  // window j - 7: nothing after
            run = 0;
            continue;
        }
        code = (code << 2 | c) & 0xffff;
        if (++run > k) ++eight_[code];
    }
    if (b + k > n && run >= k && n - k >= a) ++open_end_[code & (x::code_count - 1)];  // the last window
    // The one 8-mer each side that counts only one way: the one at a - 1 has no owned window
    // before its last base, the one at b - 1 none after its first.
    constexpr std::uint32_t none = 1u << 16;
    auto eight_at = [&](std::uint64_t p) {
        if (p + k >= n) return none;
        std::uint32_t code8 = 0;
        for (unsigned i = 0; i <= k; ++i) {
            const std::uint8_t c = nt_code[s[p + i]];
            if (c == nt_other) return none;
            code8 = code8 << 2 | c;
        }
        return code8;
    };
    const std::uint32_t not_after = a > 0 ? eight_at(a - 1) : none, not_before = eight_at(b - 1);
    const x::entry* first_entries = index.first_entries();
    const std::uint32_t* more_begins = index.more_begins();
    const x::entry* more_entries = index.more_entries();
    for (std::uint32_t seven = 0; seven < x::code_count; ++seven) {
        const x::entry e0 = first_entries[seven];
        if (!e0) continue;
        auto with_after = [&](std::uint32_t base) {
            const std::uint32_t code8 = seven << 2 | base;
            return std::uint64_t{eight_[code8]} - (code8 == not_after);
        };
        auto with_before = [&](std::uint32_t base) {
            const std::uint32_t code8 = base << 2 * k | seven;
            return std::uint64_t{eight_[code8]} - (code8 == not_before);
        };
        std::uint64_t windows = open_end_[seven];
        for (std::uint32_t base = 0; base < 4; ++base) windows += with_after(base);
        auto add = [&](x::entry e) {
            const std::uint32_t flank = e >> x::flank_shift & 7u;
            const std::uint64_t matched = e >> x::use_after_bit & 1u ? with_after(flank) : with_before(flank);
            const std::uint32_t family = e & (x::max_families - 1);
            const bool reverse = e >> x::reverse_bit & 1u;
            if (const std::uint32_t t = e >> (x::type_shift + 2) & 3u; t != x::no_site && matched)
                out.push_back({family, reverse, static_cast<site_type>(t), matched});
            if (const std::uint32_t t = e >> x::type_shift & 3u; t != x::no_site && windows != matched)
                out.push_back({family, reverse, static_cast<site_type>(t), windows - matched});
        };
        add(e0);
        if (e0 >> x::more_bit & 1u)
            for (std::uint32_t h = more_begins[seven]; h < more_begins[seven + 1]; ++h) add(more_entries[h]);
    }
}

}  // namespace mirhit
