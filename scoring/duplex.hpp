#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/site.hpp"
#include "scoring/energy_params.hpp"

namespace mirhit::scoring {

// The minimum free energy hybrid of a miRNA and a target, intermolecular pairs only: the model of
// ViennaRNA's RNAduplex (duplexfold): duplex initiation, stacks, bulges and interior loops of up to
// max_loop unpaired nucleotides, and d2 dangles or terminal mismatches on both ends of the helix.
struct duplex_result {
    int energy = 0;  // dcal/mol; 0 when no base pair is possible
    // RNAduplex's notation, miRNA part '&' target part: '(' marks paired miRNA nucleotides, ')'
    // paired target nucleotides; each part covers its paired range plus one flanking nucleotide
    // on each side where there is one ("&" when nothing pairs). RNAduplex given the target first
    // prints the same two parts in the other order with the brackets swapped.
    std::string structure;
    // The 1-based ranges of the two parts as RNAduplex prints them (0 when nothing pairs).
    int mirna_from = 0, mirna_to = 0, target_from = 0, target_to = 0;
    // Base pairs (miRNA index, target index), 0-based, from the miRNA's 5' end.
    std::vector<std::pair<int, int>> pairs;

    double dg() const { return energy / 100.0; }
};

// Reusable workspace for duplex folding: one per thread; no allocation per call once it has seen
// the largest sequences.
class duplex_folder {
public:
    explicit duplex_folder(const energy_params& params = turner2004());

    // The minimum free energy only (dcal/mol, 0 when nothing pairs).
    int energy(std::string_view mirna, std::string_view target);

    // Energy, structure and pairs. Among equal optima the structure is the one RNAduplex picks
    // when given the target first, then the miRNA.
    duplex_result fold(std::string_view mirna, std::string_view target);

private:
    struct best_cell {
        int energy, i, j;
    };
    best_cell fill(std::string_view first, std::string_view second);
    std::size_t at(int i, int j) const { return static_cast<std::size_t>(i) * stride_ + static_cast<std::size_t>(j); }
    // Cell (k, l) in the arrays ordered by l, then by decreasing k.
    std::size_t by_l(int k, int l) const {
        return static_cast<std::size_t>(l) * rstride_ + static_cast<std::size_t>(n1_ + 1 - k);
    }

    const energy_params* p_;
    // Loop-size terms of the decomposed interior-loop energies (see fill), by unpaired counts.
    int bulge_term_[max_loop + 1];
    int one_n_term_[max_loop + 1];
    int generic_term_[max_loop + 1][max_loop + 1];

    int n1_ = 0, n2_ = 0;
    std::size_t stride_ = 0, rstride_ = 0;
    std::vector<signed char> s1_, s2_;  // nucleotide codes, 0 beyond both ends
    std::vector<signed char> type_;     // pair type of (i, j)
    // c(i, j) (at): the best helix from some first pair up to the pair (first i, second j), with
    // the initiation and the dangles before its first pair. The others (by_l) are c plus the part
    // of a bulge, 1xn or generic interior loop that depends on (i, j) as the loop's outer pair.
    std::vector<int> c_, c_bulge_, c_1n_, c_23_, c_generic_;
};

// RNAhybrid-style four-line pairing diagram of a duplex: target unpaired, target paired, miRNA
// paired, miRNA unpaired; the target 5'->3' left to right above the miRNA 3'->5'. The whole
// miRNA is drawn, and the target over the range of the duplex's structure.
std::vector<std::string> duplex_diagram(const duplex_result& duplex, std::string_view mirna, std::string_view target);

// The stretch of a UTR a site's duplex is folded on: from duplex_window_upstream nt 5' of the
// nucleotide facing miRNA nt 1 to duplex_window_downstream nt 3' of it, cut at the UTR's ends
// (40 nt in all, the layout of the shared RNAduplex reference windows: room for miRNA nt 2-22 to
// pair upstream of the seed match with loops, and for dangles on both sides).
inline constexpr std::uint64_t duplex_window_upstream = 32;
inline constexpr std::uint64_t duplex_window_downstream = 7;
struct utr_window {
    std::uint64_t begin, end;  // 0-based, end exclusive
};
utr_window site_duplex_window(std::uint64_t utr_length, std::uint64_t site_start, site_type type);

// RNAduplex's printout of a site's duplex: the structure, then the paired ranges
// "MIRNA_FROM,MIRNA_TO:UTR_FROM,UTR_TO", with the target's range in UTR coordinates (1-based);
// window_begin is the 0-based UTR position of the window's first nucleotide.
std::string duplex_structure_text(const duplex_result& duplex, std::uint64_t window_begin);

// How site duplexes are folded, for '##' lines: the model, the window and the structure's notation.
std::string duplex_description(const std::string& energy_source);

}  // namespace mirhit::scoring
