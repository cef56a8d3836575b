#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "scoring/energy_params.hpp"

namespace mirhit::scoring {

// Site accessibility as RNAplfold computes it (Bernhart, Hofacker & Stadler 2006, Bioinformatics
// 22:614): the McCaskill partition function of every window of `window` nt, base pairs (i,j) with
// j - i <= max_span, and for every position i and l = 1..max_unpaired the probability that
// nt i-l+1..i are all unpaired, averaged over the windows that contain them. Turner 2004 (or the
// given parameters), 37 °C, dangles d2, G-U and lonely pairs allowed. TargetScan 7 used W = 80
// with pairs j - i <= 40 (RNAplfold -W 80 -L 40 before ViennaRNA 2.4, -L 41 since) and u = 20.
struct plfold_options {
    int window = 80;
    int max_span = 40;
    int max_unpaired = 20;
};

// Window, span and u after RNAplfold's cuts for a sequence of `length` nt: a window longer than
// the sequence becomes the sequence, and span and u are cut to the window.
plfold_options effective_options(const plfold_options& options, std::size_t length);

// Why a model cannot be used, or "" when it can: base pairs must fit in a window (span < window)
// and stretches too (u <= window). (A u shorter than a score's stretch gives that score NA.)
std::string check_access_model(const plfold_options& options);

// Unpaired probabilities of one sequence: p(pos, l) for pos 1-based and l = 1..max_unpaired;
// l > pos (or beyond the effective u) has no value (NaN). Holds every row, or only the rows of
// chosen positions (then the memory does not grow with the sequence; other rows read NaN).
class unpaired_table {
public:
    unpaired_table() = default;
    unpaired_table(std::size_t length, int max_unpaired);
    // Rows at `positions` only (sorted, distinct, 1..length).
    unpaired_table(std::size_t length, int max_unpaired, std::vector<std::size_t> positions);
    std::size_t length() const { return length_; }
    int max_unpaired() const { return max_unpaired_; }
    double at(std::size_t pos, int l) const {
        const std::size_t r = row_index(pos);
        if (r == no_row) return std::numeric_limits<double>::quiet_NaN();
        return p_[r * static_cast<std::size_t>(max_unpaired_) + static_cast<std::size_t>(l - 1)];
    }
    // A row the table holds.
    double* row(std::size_t pos) { return p_.data() + row_index(pos) * static_cast<std::size_t>(max_unpaired_); }
    // Heap memory held, in bytes.
    std::size_t bytes() const { return p_.capacity() * sizeof(double) + positions_.capacity() * sizeof(std::size_t); }

private:
    static constexpr std::size_t no_row = static_cast<std::size_t>(-1);
    std::size_t row_index(std::size_t pos) const {
        if (!sparse_) return pos - 1;
        const auto it = std::lower_bound(positions_.begin(), positions_.end(), pos);
        return it != positions_.end() && *it == pos ? static_cast<std::size_t>(it - positions_.begin()) : no_row;
    }

    std::size_t length_ = 0;
    int max_unpaired_ = 0;
    bool sparse_ = false;
    std::vector<std::size_t> positions_;  // sparse: the positions held, sorted
    std::vector<double> p_;
};

struct boltzmann_tables;

// One per thread: holds O(window x span) working memory (O(window x window) for the exterior
// loop's matrix alone) reused from sequence to sequence, so the memory does not grow with the
// sequence (the streaming interface never holds more).
class plfold {
public:
    plfold(const energy_params& params, plfold_options options);
    ~plfold();
    plfold(plfold&&) noexcept;
    plfold& operator=(plfold&&) noexcept;

    // Called once per position, in order: pos (1-based), p[l-1] for l = 1..count
    // (count = min(effective u, pos)).
    using sink = std::function<void(std::size_t pos, const double* p, int count)>;

    // Streams the unpaired probabilities of `sequence` (A, C, G, U/T in any case; other letters do
    // not pair) to `out`.
    void run(std::string_view sequence, const sink& out);
    unpaired_table unpaired(std::string_view sequence);

    // The rows of unpaired(sequence) at `positions` only (1-based, any order; other rows NaN),
    // equal to those of the whole fold, in a table holding those rows only: the memory depends on
    // the number of positions, not on the sequence length (stretches are folded one at a time,
    // each at most max_stretch nt). A row depends only on the windows that hold its
    // stretches, on the nucleotide beside each window (dangles) and on whether a window touches
    // a sequence end, so only the stretch [pos - max(W, 31) - 1, pos + W] around each position is
    // folded (merged where they overlap; the whole sequence when positions are dense).
    unpaired_table unpaired(std::string_view sequence, std::span<const std::size_t> positions);
    static constexpr std::size_t max_stretch = std::size_t{1} << 16;

    const plfold_options& options() const { return options_; }
    // Heap memory of the working buffers, in bytes: O(window x span) plus two bytes per nt of the
    // longest sequence given to run() (at most max_stretch + 2 through unpaired(seq, positions)).
    std::size_t working_bytes() const;

private:
    struct impl;
    plfold_options options_;
    std::shared_ptr<const boltzmann_tables> tables_;
    std::unique_ptr<impl> impl_;
};

// Free energy (kcal/mol, 37 °C) of opening a stretch with unpaired probability p: -RT ln p.
double opening_energy(double p_unpaired);

}  // namespace mirhit::scoring
