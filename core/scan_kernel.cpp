#include "core/scan_kernel.hpp"

#include <algorithm>

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

seed_index::seed_index(const std::vector<seed_family>& families, site_type_set types)
    : begin_(code_count + 1, 0), types_(types) {
    bool want_core = types.contains(site_type::eight_mer) || types.contains(site_type::seven_mer_m8) ||
                     types.contains(site_type::seven_mer_a1) || types.contains(site_type::six_mer);
    bool want_offset = types.contains(site_type::offset_six_mer);
    std::vector<std::pair<std::uint32_t, entry>> keyed;
    for (std::uint32_t f = 0; f < families.size(); ++f) {
        const auto& seed = families[f].seed;
        if (want_core)
            keyed.push_back({target_code(seed, 7, 2), {f, role::core, complement(code_of(seed[8 - 2]))}});
        if (want_offset)
            keyed.push_back({target_code(seed, 8, 3), {f, role::offset, complement(code_of(seed[2 - 2]))}});
    }
    for (const auto& [code, e] : keyed) ++begin_[code + 1];
    for (std::uint32_t c = 0; c < code_count; ++c) begin_[c + 1] += begin_[c];
    entries_.resize(keyed.size());
    auto fill = begin_;
    for (const auto& [code, e] : keyed) entries_[fill[code]++] = e;
}

void scan_sequence(const seed_index& index, std::string_view seq, std::uint64_t offset, std::uint64_t own_begin,
                   std::uint64_t own_end, std::vector<family_site>& out) {
    const auto* s = reinterpret_cast<const unsigned char*>(seq.data());
    const std::size_t n = seq.size();
    const auto types = index.types();
    constexpr std::uint32_t mask = seed_index::code_count - 1;
    constexpr unsigned full = (1u << seed_index::k) - 1;
    std::uint32_t code = 0;
    unsigned valid = 0;  // bit j set: the base j positions back is A, C, G or U
    auto emit = [&](std::size_t start, site_type type, std::uint32_t family) {
        std::uint64_t pos = offset + start;
        if (types.contains(type) && pos >= own_begin && pos < own_end) out.push_back({pos, family, type});
    };
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t c = nt_code[s[i]];
        valid = (valid << 1 | (c != nt_other)) & full;
        code = (code << 2 | (c & 3u)) & mask;
        if (valid != full) continue;
        auto hits = index.at(code);
        if (hits.empty()) continue;
        const std::uint8_t before = i >= seed_index::k ? nt_code[s[i - seed_index::k]] : nt_other;
        const std::uint8_t after = i + 1 < n ? nt_code[s[i + 1]] : nt_other;
        const std::size_t core_start = i + 1 - seed_index::k;
        for (const auto& h : hits) {
            if (h.kind == seed_index::role::offset) {
                if (after != h.flank) emit(core_start, site_type::offset_six_mer, h.family);
                continue;
            }
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
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
}

void scan_piece_reverse(const seed_index& index, std::string_view seq, std::uint64_t offset, owned_range owned,
                        std::vector<family_site>& out, std::string& scratch) {
    const std::uint64_t n = seq.size();
    scratch.resize(n);
    for (std::uint64_t i = 0; i < n; ++i) {
        const auto c = code_of(seq[n - 1 - i]);
        scratch[i] = c > 3 ? 'N' : rna_letter[complement(c)];
    }
    const auto first = out.size();
    scan_sequence(index, scratch, 0, 0, n, out);
    std::size_t kept = first;
    for (std::size_t i = first; i < out.size(); ++i) {
        const family_site s = out[i];
        const std::uint64_t end = offset + n - s.start;  // forward end of the footprint
        const std::uint64_t key = end >= site_context - 1 ? end - (site_context - 1) : 0;
        if (key < owned.begin || key >= owned.end) continue;
        out[kept++] = {end - length_of(s.type), s.family, s.type, true};
    }
    out.resize(kept);
}

bool seed7_index::covers(site_type_set types) {
    return !types.empty() && !types.contains(site_type::six_mer) && !types.contains(site_type::offset_six_mer);
}

seed7_index::seed7_index(const std::vector<seed_family>& families, site_type_set types, bool both_strands)
    : begin_(code_count + 1, 0) {
    auto wanted = [&](site_type t) { return types.contains(t) ? static_cast<std::uint8_t>(t) : no_site; };
    const std::uint8_t eight = wanted(site_type::eight_mer), m8 = wanted(site_type::seven_mer_m8),
                       a1 = wanted(site_type::seven_mer_a1);
    // The reverse complement of a 7-mer code.
    auto reverse_code = [](std::uint32_t code) {
        std::uint32_t out = 0;
        for (unsigned i = 0; i < k; ++i, code >>= 2) out = out << 2 | complement(code & 3u);
        return out;
    };
    std::vector<std::pair<std::uint32_t, entry>> keyed;
    auto add = [&](std::uint32_t code, entry e) {
        if (e.type[0] != no_site || e.type[1] != no_site) keyed.push_back({code, e});
    };
    // Forward entries first, each strand in family order (m8 before a1): a code's sites then come
    // out in output order, but for reverse 8mers, which start one base earlier.
    for (bool on_reverse : {false, true}) {
        if (on_reverse && !both_strands) break;
        for (std::uint32_t f = 0; f < families.size(); ++f) {
            const auto& seed = families[f].seed;
            const std::uint8_t partner8 = complement(code_of(seed[8 - 2]));
            const std::uint32_t m8_code = target_code(seed, 8, 2), a1_code = target_code(seed, 7, 2) << 2 | nt_a;
            if (!on_reverse) {
                add(m8_code, {f, nt_a, use_after, {m8, eight}});
                add(a1_code, {f, partner8, 0, {a1, no_site}});
            } else {
                add(reverse_code(m8_code), {f, nt_u, reverse | earlier_on_match, {m8, eight}});
                add(reverse_code(a1_code), {f, complement(partner8), use_after | reverse, {a1, no_site}});
            }
        }
    }
    for (const auto& [code, e] : keyed) ++begin_[code + 1];
    for (std::uint32_t c = 0; c < code_count; ++c) begin_[c + 1] += begin_[c];
    entries_.resize(keyed.size() + 1);
    auto fill = begin_;
    for (const auto& [code, e] : keyed) entries_[fill[code]++] = e;
}

namespace {

inline void add_seven_site(family_site* out, std::size_t& count, const seed7_index::entry& e, bool present,
                           const std::uint8_t flanks[2], std::uint64_t start) {
    // Arithmetic, not branches: whether the flank matches is unpredictable.
    const unsigned match = flanks[e.flags & seed7_index::use_after] == e.flank;
    const std::uint8_t type = e.type[match];
    const unsigned earlier = match & (e.flags >> 2 & 1u);
    out[count] = {start - earlier, e.family, static_cast<site_type>(type), (e.flags & seed7_index::reverse) != 0};
    count += static_cast<unsigned>(present) & static_cast<unsigned>(type != seed7_index::no_site);
}

}  // namespace

void scan_piece_seven(const seed7_index& index, std::string_view seq, std::uint64_t offset, owned_range owned,
                      std::vector<family_site>& out) {
    const auto* s = reinterpret_cast<const unsigned char*>(seq.data());
    const std::size_t n = seq.size();
    const std::uint32_t* begins = index.begins();
    const seed7_index::entry* entries = index.entries();
    constexpr unsigned k = seed7_index::k;
    const std::size_t first = out.size();
    std::size_t count = first;
    // Sites are written in place and counted only when kept; room for the worst case of the
    // next position is made before it.
    out.resize(first + n / 2 + 64);
    // A window is the 7-mer seq[w .. w + 6] with the base before and the one after it, read as one
    // rolling 9-base code once the base after has come in (step j = w + 8; step n + 1 brings a
    // non-base after the last). A forward site starts at w; a reverse one ends at w + 7 and
    // belongs to the piece owning w (end - 7) too, so the owned range is one of windows.
    const std::uint64_t own_from = owned.begin > offset ? owned.begin - offset : 0;
    const std::uint64_t own_to = std::min<std::uint64_t>(owned.end - offset, n);  // windows [own_from, own_to)
    std::uint32_t code = 0;
    unsigned valid = 0;  // bit j: the base j steps back is A, C, G or U
    auto examine = [&](std::size_t w) {
        // The 7-mer is bits 1-7, the base before bit 8, the one after bit 0.
        if ((valid & 0xfe) != 0xfe) return;
        const std::uint32_t b = begins[code >> 2 & (seed7_index::code_count - 1)];
        const std::uint32_t hits = begins[(code >> 2 & (seed7_index::code_count - 1)) + 1] - b;
        if (count + hits + 1 > out.size()) out.resize(2 * out.size() + hits);
        family_site* dst = out.data();
        const std::uint8_t flanks[2] = {static_cast<std::uint8_t>(valid & 0x100 ? code >> 16 & 3 : nt_other),
                                        static_cast<std::uint8_t>(valid & 1 ? code & 3 : nt_other)};
        const std::uint64_t start = offset + w;
        // Most codes have no entry or one: the first is handled without a branch on the count.
        add_seven_site(dst, count, entries[b], hits != 0, flanks, start);
        for (std::uint32_t h = 1; h < hits; ++h) add_seven_site(dst, count, entries[b + h], true, flanks, start);
    };
    auto step = [&](std::uint8_t c) {
        valid = (valid << 1 | (c != nt_other)) & 0x1ff;
        code = (code << 2 | (c & 3u)) & 0x3ffff;
    };
    // Window w is complete at step w + k + 1 (its base after is seq[w + k]).
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
    out.resize(count);
    // Sites come in order of window end and start at the window or one before it (reverse
    // 8mers), so each is at most a few places from its own: insertion sort is linear here.
    // The order of family_site's operator<, as one integer, so comparing does not branch.
    auto key = [](const family_site& x) {
        return static_cast<unsigned __int128>(x.start << 1 | x.reverse) << 64 | (std::uint64_t{x.family} << 3 | static_cast<unsigned>(x.type));
    };
    for (std::size_t j = first + 1; j < out.size(); ++j) {
        const family_site site = out[j];
        const auto site_key = key(site);
        if (!(site_key < key(out[j - 1]))) continue;
        std::size_t to = j;
        while (to > first && site_key < key(out[to - 1])) {
            out[to] = out[to - 1];
            --to;
        }
        out[to] = site;
    }
}

}  // namespace mirhit
