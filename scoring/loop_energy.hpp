#pragma once

#include <algorithm>
#include <cmath>
#include <string_view>

#include "scoring/energy_params.hpp"

// Loop free energies in dcal/mol, exactly as ViennaRNA 2.7 evaluates them (E_Hairpin, E_IntLoop,
// E_MLstem, vrna_E_ext_stem) with special hairpins on, dangles d2 and the default salt
// concentration. Inline: they sit in the inner loops of the folding and duplex recursions.
namespace mirhit::scoring {

namespace detail {

// Energy of a loop longer than max_loop: the max_loop value plus lxc * ln(size / max_loop),
// truncated toward zero as ViennaRNA does.
inline int extrapolated(const int (&table)[31], int size, double lxc) {
    if (size <= max_loop) return table[size];
    return table[max_loop] + static_cast<int>(lxc * std::log(size / static_cast<double>(max_loop)));
}

inline char normalized(char c) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return c == 'T' ? 'U' : c;
}

// Energy of a tabulated special hairpin (closing pair included) equal to loop, or nullptr.
inline const int* special_hairpin(const std::vector<std::pair<std::string, int>>& table, std::string_view loop) {
    for (const auto& [seq, energy] : table) {
        if (seq.size() != loop.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < seq.size() && same; ++k) same = seq[k] == normalized(loop[k]);
        if (same) return &energy;
    }
    return nullptr;
}

}  // namespace detail

// Hairpin closed by (i,j) of pair type `type`; si1 = code of i+1, sj1 = code of j-1;
// loop = the sequence i..j (letters), size = j-i-1.
inline int hairpin_energy(const energy_params& p, int size, int type, int si1, int sj1, std::string_view loop) {
    int energy = detail::extrapolated(p.hairpin, size, p.lxc);
    if (size < 3) return energy;
    // Special hairpins are tabulated with their closing pair; without a sequence (as ViennaRNA
    // with a NULL string) only the generic terms apply.
    if (!loop.empty()) {
        if (size == 4 && loop.size() >= 6) {
            if (const int* e = detail::special_hairpin(p.tetraloops, loop.substr(0, 6))) return *e;
        } else if (size == 6 && loop.size() >= 8) {
            if (const int* e = detail::special_hairpin(p.hexaloops, loop.substr(0, 8))) return *e;
        } else if (size == 3) {
            if (loop.size() >= 5)
                if (const int* e = detail::special_hairpin(p.triloops, loop.substr(0, 5))) return *e;
            return energy + (type > 2 ? p.terminal_au : 0);
        }
    }
    return energy + p.mismatch_hairpin[type][si1][sj1];
}

// Interior loop (E_IntLoop) closed by (i,j) of type `type` and the inner pair (p,q), whose
// reversed pair (q,p) has type `type_2`; n1 = p-i-1, n2 = j-q-1 unpaired nucleotides; si1, sj1 =
// codes of i+1 and j-1, sp1, sq1 = codes of p-1 and q+1. Stacks (n1 = n2 = 0) and bulges included.
inline int interior_energy(const energy_params& p, int n1, int n2, int type, int type_2, int si1, int sj1, int sp1,
                           int sq1) {
    const int nl = std::max(n1, n2), ns = std::min(n1, n2);
    if (nl == 0) return p.stack[type][type_2];
    if (ns == 0) {  // bulge
        int energy = detail::extrapolated(p.bulge, nl, p.lxc);
        if (nl == 1) return energy + p.stack[type][type_2];
        if (type > 2) energy += p.terminal_au;
        if (type_2 > 2) energy += p.terminal_au;
        return energy;
    }
    if (ns == 1) {
        if (nl == 1) return p.int11[type][type_2][si1][sj1];
        if (nl == 2) {
            if (n1 == 1) return p.int21[type][type_2][si1][sq1][sj1];
            return p.int21[type_2][type][sq1][si1][sp1];
        }
        int energy = detail::extrapolated(p.interior, nl + 1, p.lxc);  // 1xn loop
        energy += std::min(p.max_ninio, (nl - ns) * p.ninio);
        return energy + p.mismatch_interior_1n[type][si1][sj1] + p.mismatch_interior_1n[type_2][sq1][sp1];
    }
    if (ns == 2) {
        if (nl == 2) return p.int22[type][type_2][si1][sp1][sq1][sj1];
        if (nl == 3)
            return p.interior[5] + p.ninio + p.mismatch_interior_23[type][si1][sj1] +
                   p.mismatch_interior_23[type_2][sq1][sp1];
    }
    int energy = detail::extrapolated(p.interior, nl + ns, p.lxc);
    energy += std::min(p.max_ninio, (nl - ns) * p.ninio);
    return energy + p.mismatch_interior[type][si1][sj1] + p.mismatch_interior[type_2][sq1][sp1];
}

// A stem of pair type `type` in the exterior loop (vrna_E_ext_stem, d2); neighbours as above.
inline int ext_stem_energy(const energy_params& p, int type, int si1, int sj1) {
    int energy = 0;
    if (si1 >= 0 && sj1 >= 0) energy += p.mismatch_exterior[type][si1][sj1];
    else if (si1 >= 0) energy += p.dangle5[type][si1];
    else if (sj1 >= 0) energy += p.dangle3[type][sj1];
    if (type > 2) energy += p.terminal_au;
    return energy;
}

}  // namespace mirhit::scoring
