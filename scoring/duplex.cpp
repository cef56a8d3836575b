#include "scoring/duplex.hpp"

#include <algorithm>
#include <cstdlib>

#include "scoring/loop_energy.hpp"

namespace mirhit::scoring {

duplex_folder::duplex_folder(const energy_params& params) : p_(&params) {
    const auto& p = params;
    for (int n = 0; n <= max_loop; ++n) {
        bulge_term_[n] = p.bulge[n];
        one_n_term_[n] = n >= 1 ? p.interior[std::min(n + 1, max_loop)] + std::min(p.max_ninio, (n - 1) * p.ninio) : 0;
        for (int m = 0; m <= max_loop; ++m)
            generic_term_[n][m] =
                n + m <= max_loop ? p.interior[n + m] + std::min(p.max_ninio, std::abs(n - m) * p.ninio) : inf_energy;
    }
}

// RNAduplex's recursion. Pair (i, j) joins nucleotide i of the first and j of the second sequence
// (1-based); the pair before it in the helix is (k, l) with k < i and l > j, u1 = i - k - 1 and
// u2 = l - j - 1 nucleotides apart. For bulges of 2 or more, 1xn and generic interior loops,
// E_IntLoop is a sum of a term of (k, l) with its inner neighbours, a term of (u1, u2) and a term
// of (i, j) with its outer neighbours. The first is stored with c in arrays laid out so that, for
// fixed l, increasing u1 is contiguous: the scan over k is then a vectorisable minimum. Small
// loops (stacks, bulges of 1, 1x1, 2x1, 2x2, 2x3) are looked up directly; the backtracking uses
// E_IntLoop itself (interior_energy), so a slip here would show as a failed trace in the tests.
// One function: the fill is the folding kernel, its nested loops share their row pointers.
duplex_folder::best_cell duplex_folder::fill(std::string_view first, std::string_view second) {
    const auto& p = *p_;
    n1_ = static_cast<int>(first.size());
    n2_ = static_cast<int>(second.size());
    stride_ = static_cast<std::size_t>(n2_) + 2;
    rstride_ = static_cast<std::size_t>(n1_) + 2;
    const std::size_t cells = (static_cast<std::size_t>(n1_) + 2) * stride_;
    if (c_.size() < cells) {
        for (auto* v : {&c_, &c_bulge_, &c_1n_, &c_generic_}) v->resize(cells);
        type_.resize(cells);
    }
    s1_.assign(static_cast<std::size_t>(n1_) + 2, 0);
    s2_.assign(static_cast<std::size_t>(n2_) + 2, 0);
    for (int i = 1; i <= n1_; ++i) s1_[i] = static_cast<signed char>(nucleotide_code(first[i - 1]));
    for (int j = 1; j <= n2_; ++j) s2_[j] = static_cast<signed char>(nucleotide_code(second[j - 1]));
    for (int i = 1; i <= n1_; ++i)
        for (int j = 1; j <= n2_; ++j) type_[at(i, j)] = static_cast<signed char>(pair_type(s1_[i], s2_[j]));

    best_cell best{inf_energy, 0, 0};
    for (int i = 1; i <= n1_; ++i) {
        const int max_u1 = std::min(max_loop, i - 2);  // k = i - 1 - u1 >= 1
        for (int j = n2_; j >= 1; --j) {
            const std::size_t here = at(i, j), there = by_l(i, j);
            const int t = type_[here];
            if (!t) {
                c_[here] = c_bulge_[there] = c_1n_[there] = c_generic_[there] = inf_energy;
                continue;
            }
            const int rt = reversed_pair_type[t];
            const int sp = s1_[i - 1], sq = s2_[j + 1];
            int e = p.duplex_init + ext_stem_energy(p, t, i > 1 ? sp : -1, j < n2_ ? sq : -1);
            const int tail_bulge = t > 2 ? p.terminal_au : 0;
            const int tail_1n = p.mismatch_interior_1n[rt][sq][sp];
            const int tail_generic = p.mismatch_interior[rt][sq][sp];

            const int max_u2 = std::min(max_loop, n2_ - j - 1);
            for (int u2 = 0; u2 <= max_u2 && max_u1 >= 0; ++u2) {
                const int l = j + 1 + u2;
                const int last_u1 = std::min(max_u1, max_loop - u2);
                const std::size_t column = by_l(i - 1, l);  // (k, l) at column + u1
                const int sl = s2_[l - 1];
                // Small loops, written out from E_IntLoop. No pair check: a cell without a pair
                // holds inf_energy in c, and the tables have zeros for pair type 0.
                auto cell = [&](int u1) { return at(i - 1 - u1, l); };
                auto sk = [&](int u1) { return s1_[i - u1]; };  // the nucleotide after k
                auto run = [&](const std::vector<int>& cc, const int* term, int from, int tail) {
                    int m = inf_energy;
                    const int* cl = cc.data() + column;
                    for (int u1 = from; u1 <= last_u1; ++u1) m = std::min(m, cl[u1] + term[u1]);
                    e = std::min(e, m + tail);
                };
                const int two_by_three = p.interior[5] + p.ninio + p.mismatch_interior_23[rt][sq][sp];
                if (u2 == 0) {
                    e = std::min(e, c_[cell(0)] + p.stack[type_[cell(0)]][rt]);
                    if (last_u1 >= 1) e = std::min(e, c_[cell(1)] + p.bulge[1] + p.stack[type_[cell(1)]][rt]);
                    run(c_bulge_, bulge_term_, 2, tail_bulge);
                } else if (u2 == 1) {
                    e = std::min(e, c_[cell(0)] + p.bulge[1] + p.stack[type_[cell(0)]][rt]);
                    if (last_u1 >= 1) e = std::min(e, c_[cell(1)] + p.int11[type_[cell(1)]][rt][sk(1)][sl]);
                    if (last_u1 >= 2) e = std::min(e, c_[cell(2)] + p.int21[rt][type_[cell(2)]][sq][sk(2)][sp]);
                    run(c_1n_, one_n_term_, 3, tail_1n);
                } else {
                    e = std::min(e, c_bulge_[column] + bulge_term_[u2] + tail_bulge);
                    if (u2 == 2) {
                        if (last_u1 >= 1) e = std::min(e, c_[cell(1)] + p.int21[type_[cell(1)]][rt][sk(1)][sq][sl]);
                        if (last_u1 >= 2) e = std::min(e, c_[cell(2)] + p.int22[type_[cell(2)]][rt][sk(2)][sp][sq][sl]);
                        if (last_u1 >= 3)
                            e = std::min(e, c_[cell(3)] + two_by_three + p.mismatch_interior_23[type_[cell(3)]][sk(3)][sl]);
                        run(c_generic_, generic_term_[u2], 4, tail_generic);
                    } else {
                        if (last_u1 >= 1) e = std::min(e, c_1n_[column + 1] + one_n_term_[u2] + tail_1n);
                        if (u2 == 3) {
                            if (last_u1 >= 2)
                                e = std::min(e, c_[cell(2)] + two_by_three + p.mismatch_interior_23[type_[cell(2)]][sk(2)][sl]);
                            run(c_generic_, generic_term_[u2], 3, tail_generic);
                        } else {
                            run(c_generic_, generic_term_[u2], 2, tail_generic);
                        }
                    }
                }
            }

            c_[here] = e;
            const int si = s1_[i + 1], sj = s2_[j - 1];  // inner neighbours when (i, j) closes a loop
            c_bulge_[there] = e + tail_bulge;
            c_1n_[there] = e + p.mismatch_interior_1n[t][si][sj];
            c_generic_[there] = e + p.mismatch_interior[t][si][sj];

            const int closed = e + ext_stem_energy(p, rt, j > 1 ? sj : -1, i < n1_ ? si : -1);
            if (closed < best.energy) best = {closed, i, j};
        }
    }
    return best;
}

// The target is the first sequence: the shared reference outputs were made that way, and among
// equal optima RNAduplex's backtracking depends on the order.
int duplex_folder::energy(std::string_view mirna, std::string_view target) {
    const auto best = fill(target, mirna);
    return best.energy >= inf_energy ? 0 : best.energy;
}

duplex_result duplex_folder::fold(std::string_view mirna, std::string_view target) {
    const auto& p = *p_;
    const auto best = fill(target, mirna);
    duplex_result out;
    if (best.energy >= inf_energy) {
        out.structure = "&";
        return out;
    }
    out.energy = best.energy;

    // Backtrack as RNAduplex does: from the last pair outwards, taking the first (k, l) in its
    // search order that explains c(i, j). The pairs come out in increasing miRNA order.
    int i = best.i, j = best.j;
    const int i0 = std::min(i + 1, n1_), j0 = std::max(j - 1, 1);
    std::string st1(static_cast<std::size_t>(n1_), '\0'), st2(static_cast<std::size_t>(n2_), '\0');
    while (i > 0 && j <= n2_) {
        const int e = c_[at(i, j)];
        st1[i - 1] = ')';  // the target's side, written second
        st2[j - 1] = '(';
        out.pairs.emplace_back(j - 1, i - 1);
        const int rt = reversed_pair_type[type_[at(i, j)]];
        bool traced = false;
        for (int k = i - 1; k > 0 && k > i - max_loop - 2 && !traced; --k) {
            for (int l = j + 1; l <= n2_; ++l) {
                if (i - k + l - j - 2 > max_loop) break;
                const int t2 = type_[at(k, l)];
                if (!t2) continue;
                const int loop = interior_energy(p, i - k - 1, l - j - 1, t2, rt, s1_[k + 1], s2_[l - 1], s1_[i - 1], s2_[j + 1]);
                if (e == c_[at(k, l)] + loop) {
                    traced = true;
                    i = k;
                    j = l;
                    break;
                }
            }
        }
        if (!traced) break;  // (i, j) opens the helix
    }
    if (i > 1) --i;
    if (j < n2_) ++j;
    for (int k = i; k <= i0; ++k)
        if (!st1[k - 1]) st1[k - 1] = '.';
    for (int k = j0; k <= j; ++k)
        if (!st2[k - 1]) st2[k - 1] = '.';
    const std::string target_part = st1.substr(static_cast<std::size_t>(i - 1), static_cast<std::size_t>(i0 - i + 1));
    const std::string mirna_part = st2.substr(static_cast<std::size_t>(j0 - 1), static_cast<std::size_t>(j - j0 + 1));
    out.structure = mirna_part + "&" + target_part;
    out.target_from = i0 + 1 - static_cast<int>(target_part.size());
    out.target_to = i0;
    out.mirna_from = j0;
    out.mirna_to = j0 + static_cast<int>(mirna_part.size()) - 1;
    return out;
}

std::vector<std::string> duplex_diagram(const duplex_result& duplex, std::string_view mirna, std::string_view target) {
    auto letter = [](char c) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        return c == 'T' ? 'U' : c;
    };
    std::string lines[4] = {"target 5' ", "          ", "          ", "miRNA  3' "};
    if (duplex.pairs.empty()) {
        for (char c : target) lines[0] += letter(c);
        for (auto it = mirna.rbegin(); it != mirna.rend(); ++it) lines[3] += letter(*it);
    } else {
        // Columns run along the target 5'->3', i.e. along the miRNA 3'->5'. Unpaired stretches
        // between pairs share columns, left-aligned, as RNAhybrid draws them.
        auto gap = [&](int t_from, int t_to, int m_from, int m_to) {  // target t_from..t_to, miRNA m_from down to m_to
            const int tn = std::max(0, t_to - t_from + 1), mn = std::max(0, m_from - m_to + 1);
            const int width = std::max(tn, mn);
            for (int x = 0; x < width; ++x) {
                lines[0] += x < tn ? letter(target[static_cast<std::size_t>(t_from + x)]) : ' ';
                lines[3] += x < mn ? letter(mirna[static_cast<std::size_t>(m_from - x)]) : ' ';
                lines[1] += ' ';
                lines[2] += ' ';
            }
        };
        const auto& pairs = duplex.pairs;  // miRNA ascending, so target descending
        const int t_begin = duplex.target_from - 1, m_end = static_cast<int>(mirna.size()) - 1;
        gap(t_begin, pairs.back().second - 1, m_end, pairs.back().first + 1);
        for (std::size_t x = pairs.size(); x-- > 0;) {
            const auto [m, t] = pairs[x];
            lines[0] += ' ';
            lines[1] += letter(target[static_cast<std::size_t>(t)]);
            lines[2] += letter(mirna[static_cast<std::size_t>(m)]);
            lines[3] += ' ';
            if (x > 0) gap(t + 1, pairs[x - 1].second - 1, m - 1, pairs[x - 1].first + 1);
        }
        gap(pairs.front().second + 1, duplex.target_to - 1, pairs.front().first - 1, 0);
    }
    lines[0] += " 3'";
    lines[3] += " 5'";
    return {lines[0], lines[1], lines[2], lines[3]};
}

utr_window site_duplex_window(std::uint64_t utr_length, std::uint64_t site_start, site_type type) {
    const std::uint64_t facing_nt1 = opposite_nt1(type, site_start);
    return {facing_nt1 > duplex_window_upstream ? facing_nt1 - duplex_window_upstream : 0,
            std::min(utr_length, facing_nt1 + duplex_window_downstream + 1)};
}

std::string duplex_structure_text(const duplex_result& duplex, std::uint64_t window_begin) {
    if (duplex.pairs.empty()) return duplex.structure;
    return duplex.structure + " " + std::to_string(duplex.mirna_from) + "," + std::to_string(duplex.mirna_to) + ":" +
           std::to_string(window_begin + static_cast<std::uint64_t>(duplex.target_from)) + "," +
           std::to_string(window_begin + static_cast<std::uint64_t>(duplex.target_to));
}

std::string duplex_description(const std::string& energy_source) {
    return "intermolecular pairs only (RNAduplex's model; " + energy_source + ", 37 C, dangles d2), on the UTR from " +
           std::to_string(duplex_window_upstream) + " nt 5' to " + std::to_string(duplex_window_downstream) +
           " nt 3' of the nucleotide facing miRNA nt 1; structure: miRNA&UTR, then MIRNA_FROM,MIRNA_TO:UTR_FROM,UTR_TO";
}

}  // namespace mirhit::scoring
