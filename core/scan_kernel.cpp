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
    : begin_(code_count + 1, 0), types_(types) {
    const bool want_m8 = types.contains(site_type::eight_mer) || types.contains(site_type::seven_mer_m8);
    const bool want_a1 = types.contains(site_type::seven_mer_a1);
    // The reverse complement of a 7-mer code.
    auto reverse_code = [](std::uint32_t code) {
        std::uint32_t out = 0;
        for (unsigned i = 0; i < k; ++i, code >>= 2) out = out << 2 | complement(code & 3u);
        return out;
    };
    std::vector<std::pair<std::uint32_t, entry>> keyed;
    for (std::uint32_t f = 0; f < families.size(); ++f) {
        const auto& seed = families[f].seed;
        const std::uint8_t partner8 = complement(code_of(seed[8 - 2]));
        const std::uint32_t m8 = target_code(seed, 8, 2), a1 = target_code(seed, 7, 2) << 2 | nt_a;
        if (want_m8) keyed.push_back({m8, {f, role::m8, 0}});
        if (want_a1) keyed.push_back({a1, {f, role::a1, partner8}});
        if (both_strands && want_m8) keyed.push_back({reverse_code(m8), {f, role::reverse_m8, 0}});
        if (both_strands && want_a1) keyed.push_back({reverse_code(a1), {f, role::reverse_a1, complement(partner8)}});
    }
    for (const auto& [code, e] : keyed) ++begin_[code + 1];
    for (std::uint32_t c = 0; c < code_count; ++c) begin_[c + 1] += begin_[c];
    entries_.resize(keyed.size());
    auto fill = begin_;
    for (const auto& [code, e] : keyed) entries_[fill[code]++] = e;
}

void scan_piece_seven(const seed7_index& index, std::string_view seq, std::uint64_t offset, owned_range owned,
                      std::vector<family_site>& out) {
    const auto* s = reinterpret_cast<const unsigned char*>(seq.data());
    const std::size_t n = seq.size();
    const auto types = index.types();
    constexpr std::uint32_t mask = seed7_index::code_count - 1;
    constexpr unsigned full = (1u << seed7_index::k) - 1;
    const auto first = out.size();
    std::uint32_t code = 0;
    unsigned valid = 0;  // bit j set: the base j positions back is A, C, G or U
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t c = nt_code[s[i]];
        valid = (valid << 1 | (c != nt_other)) & full;
        code = (code << 2 | (c & 3u)) & mask;
        if (valid != full) continue;
        const auto hits = index.at(code);
        if (hits.empty()) continue;
        // The 7-mer is seq[i - 6 .. i]; a reverse site's footprint ends at i + 1.
        const std::size_t window = i + 1 - seed7_index::k;
        const std::uint8_t before = i >= seed7_index::k ? nt_code[s[i - seed7_index::k]] : nt_other;
        const std::uint8_t after = i + 1 < n ? nt_code[s[i + 1]] : nt_other;
        const std::uint64_t end = offset + i + 1;
        const std::uint64_t reverse_key = end >= site_context - 1 ? end - (site_context - 1) : 0;
        const bool reverse_owned = reverse_key >= owned.begin && reverse_key < owned.end;
        for (const auto& h : hits) {
            site_type type;
            std::size_t start = window;
            switch (h.kind) {
            case seed7_index::role::m8:
                type = after == nt_a ? site_type::eight_mer : site_type::seven_mer_m8;
                break;
            case seed7_index::role::a1:
                if (before == h.flank) continue;
                type = site_type::seven_mer_a1;
                break;
            case seed7_index::role::reverse_m8:
                // On the reverse strand the A that makes an 8mer is the complement of the base before.
                if (before == nt_u) {
                    type = site_type::eight_mer;
                    start = window - 1;
                } else {
                    type = site_type::seven_mer_m8;
                }
                break;
            case seed7_index::role::reverse_a1:
                if (after == h.flank) continue;
                type = site_type::seven_mer_a1;
                break;
            }
            if (!types.contains(type)) continue;
            const bool reverse = h.kind == seed7_index::role::reverse_m8 || h.kind == seed7_index::role::reverse_a1;
            const std::uint64_t pos = offset + start;
            if (reverse ? reverse_owned : pos >= owned.begin && pos < owned.end) out.push_back({pos, h.family, type, reverse});
        }
    }
    // Sites come in order of window end and start at the window or one before it (reverse
    // 8mers), so each is at most a few places from its own: insertion sort is linear here.
    for (std::size_t j = first + 1; j < out.size(); ++j) {
        const family_site site = out[j];
        std::size_t to = j;
        while (to > first && site < out[to - 1]) {
            out[to] = out[to - 1];
            --to;
        }
        out[to] = site;
    }
}

}  // namespace mirhit
