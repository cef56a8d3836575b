#include "scoring/accessibility.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <utility>

#include "scoring/loop_energy.hpp"

namespace mirhit::scoring {

namespace {

constexpr int min_hairpin = 3;  // unpaired nt inside a hairpin
// The generic interior-loop sums run in whole blocks of 4 lanes: their arrays have 3 lanes more
// than the 31 loop lengths, and the lanes past a sum's last term read a 0 weight or a 0 cell.
constexpr int block = 4;
constexpr int padded_loop = max_loop + block;

// The loop sums are compiled twice, for x86-64-v3 (AVX2 with fused multiply-add) and for any
// x86-64, chosen when the program starts (no -march in the build); other compilers and CPUs get
// the plain version.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define MIRHIT_VECTOR_CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define MIRHIT_VECTOR_CLONES
#endif
// Helpers of the cloned functions, inlined so that they are compiled for each clone's target.
#define MIRHIT_INLINE [[gnu::always_inline]] inline
#define MIRHIT_LAMBDA_INLINE __attribute__((always_inline))

// Four lanes of doubles (GCC/Clang vector extension: two SSE registers, or one AVX2 register in
// the x86-64-v3 clones), for the loop sums that keep their partial sums in registers.
// The helpers are always inlined, so no call passes a vector and GCC's note on the AVX calling
// convention (-Wpsabi) does not apply.
#pragma GCC diagnostic ignored "-Wpsabi"
using v4d = double __attribute__((vector_size(4 * sizeof(double))));
constexpr v4d zero4 = {};
MIRHIT_INLINE v4d load4(const double* p) {
    v4d v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
MIRHIT_INLINE void store4(double* p, const v4d& v) { std::memcpy(p, &v, sizeof v); }
MIRHIT_INLINE double sum4(const v4d& v) { return (v[0] + v[2]) + (v[1] + v[3]); }
// Zeroes count doubles with stores in line: for rows of a few hundred bytes, a call to memset
// costs more than the clearing.
MIRHIT_INLINE void clear(double* p, int count) {
    int x = 0;
    for (; x + 4 <= count; x += 4) std::memcpy(p + x, &zero4, sizeof zero4);
    for (; x < count; ++x) p[x] = 0.0;
}

// sum of a[x] b[x], x < count, in two 4-lane sums (so that long sums do not wait on one chain
// of dependent adds), reduced pairwise.
MIRHIT_INLINE double dot(const double* a, const double* b, int count) {
    v4d s0 = {}, s1 = {};
    int x = 0;
    for (; x + 8 <= count; x += 8) {
        s0 += load4(a + x) * load4(b + x);
        s1 += load4(a + x + 4) * load4(b + x + 4);
    }
    if (x + 4 <= count) {
        s0 += load4(a + x) * load4(b + x);
        x += 4;
    }
    double tail = 0.0;
    for (; x < count; ++x) tail += a[x] * b[x];
    return sum4(s0 + s1) + tail;
}
// a . b + c . d over x < count, in one pass.
inline double dot_sum(const double* a, const double* b, const double* c, const double* d, int count) {
    double sum = 0.0;
#pragma omp simd reduction(+ : sum)
    for (int x = 0; x < count; ++x) sum += a[x] * b[x] + c[x] * d[x];
    return sum;
}
// acc[x] += g[x] p[x] scale for x = lo..hi; returns the sum of g[x] p[x] (vectorised).
inline double spread(const double* g, const double* p, double* acc, double scale, int lo, int hi) {
    double sum = 0.0;
#pragma omp simd reduction(+ : sum)
    for (int x = lo; x <= hi; ++x) {
        const double w = g[x] * p[x];
        acc[x] += w * scale;
        sum += w;
    }
    return sum;
}
// Calls f(u1, u2) for the 16 interior loops with both sides <= 3 nt, u1 and u2 compile-time
// constants: inlined, interior() then folds to one table product per loop, with no branches.
template <int x = 0, typename F>
MIRHIT_INLINE void for_small_loops(F& f) {
    f(std::integral_constant<int, x / 4>{}, std::integral_constant<int, x % 4>{});
    if constexpr (x < 15) for_small_loops<x + 1>(f);
}

// kT in cal/mol; Boltzmann factors are exp(-10 E / kT) with E in dcal/mol, as ViennaRNA's.
constexpr double kT_37 = (temperature_c + kelvin_at_0c) * gas_constant;

double boltz(double dcal) { return std::exp(-dcal * 10.0 / kT_37); }

// Boltzmann factor of a dangle as RNAplfold has it (ViennaRNA's get_scaled_exp_params and its
// SMOOTH macro; partition functions only): the stabilisation -E passes through a smooth ramp that
// clips it at 0 and bends values near 0 upwards, so a dangle of 0 (Turner 2004's 5' G or U on a
// G-C pair) weighs as -0.017 kcal/mol. This is what weights stems closed by a 3'-terminal C.
double dangle_boltz(int dcal) {
    const double x = -static_cast<double>(dcal), scale = 10.0;
    double smooth = x;
    if (x / scale < -1.2283697) {
        smooth = 0.0;
    } else if (x / scale <= 0.8660254) {
        const double s = std::sin(x / scale - 0.34242663) + 1.0;
        smooth = scale * 0.38490018 * s * s;
    }
    return std::exp(smooth * 10.0 / kT_37);
}

// A stem's factor in the exterior (ml = false) or a multibranch loop, d2, as ViennaRNA multiplies
// it: mismatch, or the one dangle at a sequence end, times terminal A-U, times ML intern.
double stem_boltz(const energy_params& p, bool ml, int type, int a, int b) {
    double f = 1.0;
    if (a >= 0 && b >= 0) f = boltz(ml ? p.mismatch_multi[type][a][b] : p.mismatch_exterior[type][a][b]);
    else if (a >= 0) f = dangle_boltz(p.dangle5[type][a]);
    else if (b >= 0) f = dangle_boltz(p.dangle3[type][b]);
    if (type > 2) f *= boltz(p.terminal_au);
    if (ml) f *= boltz(p.ml_intern);
    return f;
}

}  // namespace

// Boltzmann factors of the loop energies, built once per parameter set. Neighbour indices of the
// stem tables are nucleotide code + 1, so that 0 stands for "no neighbour" (sequence end).
struct boltzmann_tables {
    const energy_params* params;
    int pair[5][5];
    double stack[8][8];
    double bulge[max_loop + 1], internal[max_loop + 1], ninio[max_loop + 1];
    double mismatch_i[8][5][5], mismatch_1n[8][5][5], mismatch_23[8][5][5];
    double int11[8][8][5][5];
    double int21[8][8][5][5][5];
    double int22[8][8][5][5][5][5];
    double term_au;
    double ext_stem[8][6][6], ml_stem[8][6][6];
    double ml_closing, ml_base;
    double hairpin30, lxc;
    // Interior loops with a side of 4+ nt factor into a size term and one mismatch term per pair,
    // so the loop sums run over precomputed (weight x mismatch) arrays: bulge[u] (u >= 4, times
    // terminal A-U of both pairs), one_n[u] for 1 x u loops (u >= 4), generic[u1][u2] for both
    // sides >= 2 (0 where both are <= 3: those loops are tabulated or special) and generic_rev,
    // the same with u2 reversed (index max_loop - u2) for sums that run along u2 downwards.
    double one_n[max_loop + 1];
    double generic[max_loop + 1][padded_loop] = {}, generic_rev[max_loop + 1][padded_loop] = {};
    double au[8];  // terminal A-U factor of a pair type

    explicit boltzmann_tables(const energy_params& p) : params(&p) {
        for (int a = 0; a < 5; ++a)
            for (int b = 0; b < 5; ++b) pair[a][b] = pair_type(a, b);
        for (int t = 0; t < 8; ++t)
            for (int u = 0; u < 8; ++u) stack[t][u] = boltz(p.stack[t][u]);
        for (int l = 0; l <= max_loop; ++l) {
            bulge[l] = boltz(p.bulge[l]);
            internal[l] = boltz(p.interior[l]);
            ninio[l] = boltz(std::min(p.max_ninio, l * p.ninio));
        }
        for (int t = 0; t < 8; ++t)
            for (int a = 0; a < 5; ++a)
                for (int b = 0; b < 5; ++b) {
                    mismatch_i[t][a][b] = boltz(p.mismatch_interior[t][a][b]);
                    mismatch_1n[t][a][b] = boltz(p.mismatch_interior_1n[t][a][b]);
                    mismatch_23[t][a][b] = boltz(p.mismatch_interior_23[t][a][b]);
                }
        for (int t = 0; t < 8; ++t)
            for (int u = 0; u < 8; ++u)
                for (int a = 0; a < 5; ++a)
                    for (int b = 0; b < 5; ++b) {
                        int11[t][u][a][b] = boltz(p.int11[t][u][a][b]);
                        for (int c = 0; c < 5; ++c) {
                            int21[t][u][a][b][c] = boltz(p.int21[t][u][a][b][c]);
                            for (int d = 0; d < 5; ++d) int22[t][u][a][b][c][d] = boltz(p.int22[t][u][a][b][c][d]);
                        }
                    }
        term_au = boltz(p.terminal_au);
        for (int t = 0; t < 8; ++t)
            for (int a = -1; a < 5; ++a)
                for (int b = -1; b < 5; ++b) {
                    ext_stem[t][a + 1][b + 1] = t == 0 ? 0.0 : stem_boltz(p, false, t, a, b);
                    ml_stem[t][a + 1][b + 1] = t == 0 ? 0.0 : stem_boltz(p, true, t, a, b);
                }
        ml_closing = boltz(p.ml_closing);
        ml_base = boltz(p.ml_base);
        hairpin30 = p.hairpin[max_loop];
        lxc = p.lxc;
        for (int t = 0; t < 8; ++t) au[t] = t > 2 ? term_au : 1.0;
        for (int u = 0; u <= max_loop; ++u) one_n[u] = u >= 4 && u < max_loop ? internal[u + 1] * ninio[u - 1] : 0.0;
        for (int u1 = 0; u1 <= max_loop; ++u1)
            for (int u2 = 0; u2 <= max_loop; ++u2) {
                const bool long_loop = u1 >= 2 && u2 >= 2 && (u1 > 3 || u2 > 3) && u1 + u2 <= max_loop;
                generic[u1][u2] = long_loop ? internal[u1 + u2] * ninio[std::abs(u1 - u2)] : 0.0;
                generic_rev[u1][max_loop - u2] = generic[u1][u2];
            }
    }

    // Interior loop (ViennaRNA exp_E_IntLoop): u1 unpaired 5' of the inner pair, u2 3' of it;
    // type of the outer pair, type2 the reversed type of the inner pair; si/sj the nt inside the
    // outer pair, sp/sq those outside the inner pair.
    MIRHIT_INLINE double interior(int u1, int u2, int type, int type2, int si, int sj, int sp, int sq) const {
        const int ul = std::max(u1, u2), us = std::min(u1, u2);
        if (ul == 0) return stack[type][type2];
        if (us == 0) {
            if (ul == 1) return bulge[1] * stack[type][type2];
            double z = bulge[ul];
            if (type > 2) z *= term_au;
            if (type2 > 2) z *= term_au;
            return z;
        }
        if (us == 1) {
            if (ul == 1) return int11[type][type2][si][sj];
            if (ul == 2) return u1 == 1 ? int21[type][type2][si][sq][sj] : int21[type2][type][sq][si][sp];
            return internal[ul + 1] * mismatch_1n[type][si][sj] * mismatch_1n[type2][sq][sp] * ninio[ul - 1];
        }
        if (us == 2) {
            if (ul == 2) return int22[type][type2][si][sp][sq][sj];
            if (ul == 3) return internal[5] * mismatch_23[type][si][sj] * mismatch_23[type2][sq][sp] * ninio[1];
        }
        return internal[ul + us] * mismatch_i[type][si][sj] * mismatch_i[type2][sq][sp] * ninio[ul - us];
    }

    // Hairpin closed by a pair of `type` with `size` unpaired nt; loop = the nt from the 5' to the
    // 3' partner of the closing pair. Beyond 30 nt the size term is the exact logarithmic
    // extrapolation (ViennaRNA rounds it only for minimum free energies).
    double hairpin(int size, int type, int si, int sj, std::string_view loop) const {
        if (size <= max_loop) return boltz(hairpin_energy(*params, size, type, si, sj, loop));
        const double dcal = hairpin30 + params->mismatch_hairpin[type][si][sj] + lxc * std::log(size / 30.0);
        return boltz(dcal);
    }
};

plfold_options effective_options(const plfold_options& options, std::size_t length) {
    plfold_options e = options;
    if (length < static_cast<std::size_t>(e.window)) e.window = static_cast<int>(length);
    e.max_span = std::min(e.max_span, e.window - 1);
    e.max_unpaired = std::min(e.max_unpaired, e.window);
    return e;
}

std::string check_access_model(const plfold_options& options) {
    const std::string window = "window " + std::to_string(options.window) + " nt";
    if (options.max_span >= options.window)
        return "base pairs spanning " + std::to_string(options.max_span) + " nt (j - i) do not fit in a " + window;
    if (options.max_unpaired > options.window)
        return "stretches of " + std::to_string(options.max_unpaired) + " unpaired nt do not fit in a " + window;
    return "";
}

unpaired_table::unpaired_table(std::size_t length, int max_unpaired)
    : length_(length), max_unpaired_(max_unpaired),
      p_(length * static_cast<std::size_t>(max_unpaired), std::numeric_limits<double>::quiet_NaN()) {}

unpaired_table::unpaired_table(std::size_t length, int max_unpaired, std::vector<std::size_t> positions)
    : length_(length), max_unpaired_(max_unpaired), sparse_(true), positions_(std::move(positions)),
      p_(positions_.size() * static_cast<std::size_t>(max_unpaired), std::numeric_limits<double>::quiet_NaN()) {}

double opening_energy(double p_unpaired) { return -rt_kcal * std::log(p_unpaired); }

// The recursions of RNAplfold (ViennaRNA LPfold.c), streamed along the sequence: column j of the
// inside matrices is computed, then the outside ("pR") values of the pairs starting at j - W,
// then the unpaired probabilities ending at j - W - 31. Matrices are rings of rows indexed by the
// 5' position, each row indexed by segment length (q, qb, ...) or loop length (qi5, qmb, q2l);
// only the exterior-loop q (and qcol, the same by column) holds segments up to W long, the others
// stop at the span (or at 30-nt loops or u), so the memory is O(W^2) for q and O(W x span) for the
// others. Sums run along rows (or qcol's columns) as dot products over contiguous memory.
// Boltzmann weights are not rescaled: within an 80-nt window they stay far from overflow.
struct plfold::impl {
    const boltzmann_tables& bt;
    int rows;      // ring size (rows of the matrices), a power of 2
    int mask;      // rows - 1
    int q_len;     // window + 1: q's row length
    int row_len;   // the other matrices' row length: max(span + 3, max_loop + 2, u + 2)
    int pu_rows, pu_len;
    std::vector<double> q, qb, qm, qm1, qm2, pr, prc, hp, qi5, qmb, q2l, inv_z;
    // qb and pr times the factors an interior loop gives the pair as inner (qb_*) or closing
    // (pr_*) pair: terminal A-U (bulges of 4+ nt), the 1 x n or the generic interior mismatch.
    std::vector<double> qb_au, qb_1n, qb_mi, pr_au, pr_1n, pr_mi;
    v4d generic_acc[max_loop + 1];  // outside(k): generic-loop weights per u1, in 4 lanes of u2
    // outside(k): qi5 of the stretches ending at k - 1 (closed by the pair at k - 1 - u1), by
    // length u1, copied out of their rows for the time of the interior-loop sums.
    double closing_qi5[max_loop + 1];
    std::size_t closing_row[max_loop + 1];  // outside(k): where row k - 1 - u1 starts in the matrices
    std::vector<double> prml, prm_l, prm_l1, ext, qbe, pu, ml_base_pow;
    // qcol: q by column, qcol row j holding q(i, j) at i - j + W - 1 (sums along the 5' end);
    // side: scratch of the exterior-loop sums, indexed by window start - (k - W).
    std::vector<double> qcol, side;
    // prc and qm by column (3' end j, then j - i), so the multiloop sums of outside() over the
    // 5' end run along contiguous memory; qb_au and qb_1n too, for the edges of interior_inside.
    std::vector<double> prc_col, qm_col, qb_au_col, qb_1n_col;
    std::vector<signed char> s;  // codes with s[0] = s[n+1] = -1
    // Boltzmann factors of the hairpins of 7 nt or more (no special loops) by size, closing pair
    // type and the codes of the nt inside it: (size * 8 + type) * 25 + 5 * code(i + 1) + code(j - 1).
    std::vector<double> long_hairpin;
    std::vector<char> need;          // need[k]: unpaired_at(k) runs (see choose_rows)
    // outside_from[k]: outside(k) runs for all the loops (0), only for those with a 5' side of
    // outside_from[k] nt or more, or not at all (skip_outside). See choose_rows.
    std::vector<unsigned char> outside_from;
    static constexpr unsigned char skip_outside = 255;
    int n = 0, W = 0, span = 0, U = 0, max_len = 0;

    impl(const boltzmann_tables& tables, const plfold_options& o) : bt(tables) {
        rows = static_cast<int>(std::bit_ceil(static_cast<unsigned>(2 * o.window + max_loop + 4)));
        mask = rows - 1;
        q_len = o.window + 1;
        // Pair cells up to j - i = span + 1, and 3 more (left 0) for the lanes past a generic sum.
        row_len = std::max({std::min(o.max_span, o.window - 1) + 3 + block - 1, max_loop + 2, o.max_unpaired + 2});
        q.assign(static_cast<std::size_t>(rows) * static_cast<std::size_t>(q_len), 0.0);
        const auto cells = static_cast<std::size_t>(rows) * static_cast<std::size_t>(row_len);
        for (auto* v : {&qb, &qm, &qm1, &qm2, &pr, &prc, &hp, &qi5, &qmb, &q2l, &qb_au, &qb_1n, &qb_mi, &pr_au, &pr_1n, &pr_mi}) v->assign(cells, 0.0);
        inv_z.assign(static_cast<std::size_t>(rows), 0.0);
        prml.assign(static_cast<std::size_t>(o.window) + 2, 0.0);
        prm_l = prml;
        prm_l1 = prml;
        ext.assign(static_cast<std::size_t>(q_len), 0.0);
        qcol = q;
        for (auto* v : {&prc_col, &qm_col, &qb_au_col, &qb_1n_col}) v->assign(cells, 0.0);
        side.assign(static_cast<std::size_t>(q_len) + 1, 0.0);
        pu_len = std::max(o.max_unpaired, max_loop) + 2;
        pu_rows = static_cast<int>(std::bit_ceil(static_cast<unsigned>(pu_len + 1)));
        pu.assign(static_cast<std::size_t>(pu_rows) * static_cast<std::size_t>(pu_len), 0.0);
        qbe.assign(static_cast<std::size_t>(pu_len), 0.0);
        ml_base_pow.assign(static_cast<std::size_t>(std::max(q_len, row_len)) + 1, 1.0);
        const int longest = std::min(o.max_span, o.window - 1) - 1;  // j - i - 1
        long_hairpin.assign(static_cast<std::size_t>(std::max(longest + 1, 0)) * 8 * 25, 0.0);
        for (int size = 7; size <= longest; ++size)
            for (int t = 1; t < 8; ++t)
                for (int a = 0; a < 5; ++a)
                    for (int b = 0; b < 5; ++b) long_hairpin[static_cast<std::size_t>((size * 8 + t) * 25 + 5 * a + b)] = bt.hairpin(size, t, a, b, {});
        for (std::size_t l = 1; l < ml_base_pow.size(); ++l) ml_base_pow[l] = ml_base_pow[l - 1] * bt.ml_base;
    }

    std::size_t bytes() const {
        std::size_t doubles = 0;
        for (const auto* v : {&q, &qb, &qm, &qm1, &qm2, &pr, &prc, &hp, &qi5, &qmb, &q2l, &inv_z, &qb_au, &qb_1n, &qb_mi, &pr_au,
                              &pr_1n, &pr_mi, &prml, &prm_l, &prm_l1, &ext, &qbe, &pu, &ml_base_pow, &qcol, &side, &prc_col, &qm_col, &qb_au_col,
                              &qb_1n_col, &long_hairpin})
            doubles += v->capacity();
        return doubles * sizeof(double) + s.capacity() + need.capacity() + outside_from.capacity();
    }

    std::size_t cell(int i, int j) const {
        return static_cast<std::size_t>((i & mask)) * static_cast<std::size_t>(row_len) + static_cast<std::size_t>(j - i + 1);
    }
    std::size_t qcol_cell(int i, int j) const {
        return static_cast<std::size_t>(j & mask) * static_cast<std::size_t>(q_len) + static_cast<std::size_t>(i - j + W - 1);
    }
    const double* qcol_row(int j) const { return qcol.data() + static_cast<std::size_t>(j & mask) * static_cast<std::size_t>(q_len); }
    const double* q_row(int i) const { return q.data() + static_cast<std::size_t>(i & mask) * static_cast<std::size_t>(q_len); }
    std::size_t qcell(int i, int j) const {
        return static_cast<std::size_t>((i & mask)) * static_cast<std::size_t>(q_len) + static_cast<std::size_t>(j - i + 1);
    }
    std::size_t row_start(int i) const { return static_cast<std::size_t>((i & mask)) * static_cast<std::size_t>(row_len); }
    // Row i of a matrix, indexed by segment length (j - i + 1) or loop length.
    double* row(std::vector<double>& v, int i) { return v.data() + row_start(i); }
    const double* row(const std::vector<double>& v, int i) const { return v.data() + row_start(i); }
    // Column j of a column store, indexed by j - i.
    double* col(std::vector<double>& v, int j) { return row(v, j); }
    std::size_t lcell(int i, int len) const {
        return static_cast<std::size_t>((i & mask)) * static_cast<std::size_t>(row_len) + static_cast<std::size_t>(len);
    }
    double& pu_at(int e, int len) {
        return pu[static_cast<std::size_t>((e & (pu_rows - 1))) * static_cast<std::size_t>(pu_len) + static_cast<std::size_t>(len)];
    }
    int type(int i, int j) const { return bt.pair[s[static_cast<std::size_t>(i)]][s[static_cast<std::size_t>(j)]]; }
    int at(int i) const { return s[static_cast<std::size_t>(i)]; }
    double closing(int t, int i, int j) const { return bt.ml_stem[reversed_pair_type[t]][at(j - 1) + 1][at(i + 1) + 1] * bt.ml_closing; }

    MIRHIT_INLINE void init_row(int i) {
        const auto start = static_cast<std::size_t>((i & mask)) * static_cast<std::size_t>(row_len);
        for (auto* v : {&qb, &qm, &qm1, &qm2, &pr, &prc, &hp, &qi5, &qmb, &q2l, &qb_au, &qb_1n, &qb_mi, &pr_au, &pr_1n, &pr_mi, &prc_col, &qm_col,
                        &qb_au_col, &qb_1n_col})
            clear(v->data() + start, row_len);
        const auto q_start = static_cast<std::size_t>((i & mask)) * static_cast<std::size_t>(q_len);
        clear(q.data() + q_start, q_len);
        q[q_start] = 1.0;  // empty segment
    }

    double hairpin(int i, int j, int t) const {
        const int size = j - i - 1;
        if (size <= 6) {
            char loop[8];
            for (int x = 0; x <= size + 1; ++x) loop[x] = "NACGU"[at(i + x)];
            return bt.hairpin(size, t, at(i + 1), at(j - 1), std::string_view(loop, static_cast<std::size_t>(size + 2)));
        }
        return long_hairpin[static_cast<std::size_t>((size * 8 + t) * 25 + 5 * at(i + 1) + at(j - 1))];
    }

    // The generic interior loops of interior_inside (both sides >= 2, one >= 4): per u1 a dot
    // product along l in whole blocks of 4 lanes, summed lane by lane and reduced once.
    MIRHIT_INLINE double generic_inside(int i, int j) const {
        v4d acc = {};
        for (int u1 = 2; u1 <= max_loop - 2; ++u1) {
            const int k = i + 1 + u1;
            const int u2min = u1 <= 3 ? 4 : 2, u2max = std::min(max_loop - u1, j - 1 - (k + min_hairpin + 1));
            if (u2max < 2) break;  // u2max only falls as u1 grows
            if (u2max < u2min) continue;
            // len = l - k + 1 runs up as u2 = j - k - len runs down.
            const double* g = bt.generic_rev[u1] + (max_loop - u2max);
            const double* p = row(qb_mi, k) + (j - k - u2max);
            // The lanes past u2min (u2 < u2min) weigh 0.
            v4d r = {};
            for (int b = 0; b <= u2max - u2min; b += block) r += load4(g + b) * load4(p + b);
            acc += r;
        }
        return sum4(acc);
    }

    // The loops with both sides <= 3 nt of a short pair (i, j), where some inner pairs are too close.
    double small_inside(int i, int j, int t) const {
        const int si = at(i + 1), sj = at(j - 1);
        double small = 0.0;
        for (int u1 = 0; u1 <= 3; ++u1) {
            const int k = i + 1 + u1;
            const int sp = at(k - 1);
            const double* qb_k = row(qb, k) + 1 - k;  // qb_k[l] = qb(k, l)
            const int* pair_k = bt.pair[at(k)];
            for (int l = j - 1; l >= std::max(k + min_hairpin + 1, j - 4); --l) {
                // Branch-free: where (k, l) cannot pair qkl is 0 and the (finite) factor adds nothing.
                small += qb_k[l] * bt.interior(u1, j - 1 - l, t, reversed_pair_type[pair_k[at(l)]], si, sj, sp, at(l + 1));
            }
        }
        return small;
    }

    // Sum over the inner pairs (k, l) of qb(k, l) x the interior loop (i, j, k, l): loops with both
    // sides <= 3 nt through the full energy function, longer ones as size factor x precomputed
    // qb x mismatch (bulges and 1 x n along the two edges, the rest as dot products along l).
    MIRHIT_VECTOR_CLONES double interior_inside(int i, int j, int t) const {
        const int si = at(i + 1), sj = at(j - 1);
        double small = 0.0, bulges = 0.0, one_n = 0.0;
        const double generic = generic_inside(i, j);
        if (j - i >= 2 * 4 + min_hairpin + 1) {  // every inner pair of the 16 small loops can close a hairpin
            auto term = [&](auto u1, auto u2) MIRHIT_LAMBDA_INLINE {
                const int k = i + 1 + u1, l = j - 1 - u2;
                small += qb[cell(k, l)] * bt.interior(u1, u2, t, reversed_pair_type[type(k, l)], si, sj, at(k - 1), at(l + 1));
            };
            for_small_loops(term);
        } else {
            small = small_inside(i, j, t);
        }
        // Edges: u1 = 0 or 1 with u2 >= 4 (row i + 1 + u1, along l) and u2 = 0 or 1 with u1 >= 4
        // (down the rows), the two over the same range of the long side u.
        const int last_bulge = std::min(max_loop, j - i - min_hairpin - 3), last_1n = std::min(max_loop - 1, j - i - min_hairpin - 4);
        // x_row[-u] = qb_x(i + 1 or 2, the inner 3' end j - 1 - u), x_col[-u] = qb_x(i + 1 + u, j - 1 or 2).
        const double *au_row = row(qb_au, i + 1) + (j - 1 - i), *one_n_row = row(qb_1n, i + 2) + (j - 2 - i);
        const double *au_col = row(qb_au_col, j - 1) + (j - 2 - i), *one_n_col = row(qb_1n_col, j - 2) + (j - 3 - i);
#pragma omp simd reduction(+ : bulges)
        for (int u = 4; u <= last_bulge; ++u) bulges += bt.bulge[u] * (au_row[-u] + au_col[-u]);
#pragma omp simd reduction(+ : one_n)
        for (int u = 4; u <= last_1n; ++u) one_n += bt.one_n[u] * (one_n_row[-u] + one_n_col[-u]);
        return small + bt.au[t] * bulges + bt.mismatch_1n[t][si][sj] * one_n + bt.mismatch_i[t][si][sj] * generic;
    }

    // q(i, j) for the whole column j: q(i, j - 1) + sum over k of q(i, k - 1) x stem (k, j), one
    // stem at a time along qcol's column k - 1 (contiguous in i), skipping the k that cannot pair.
    MIRHIT_INLINE void exterior_column(int j, int lo) {
        // col_j[i - j + W - 1] = q(i, j)
        double* col_j = qcol.data() + static_cast<std::size_t>(j & mask) * static_cast<std::size_t>(q_len);
        for (int i = lo; i <= j; ++i) col_j[i - j + W - 1] = q_row(i)[j - i];
        col_j[W] = 1.0;  // q(j + 1, j): the empty segment before a stem at j + 1
        for (int k = std::max(lo, j - span); k <= j - min_hairpin - 1; ++k) {
            const double stem = ext[static_cast<std::size_t>(W - j + k)];
            if (stem == 0.0) continue;
            const double* col_k = qcol_row(k - 1) + (j - k + 1);  // col_k[i - j + W - 1] = q(i, k - 1)
#pragma omp simd
            for (int x = lo - j + W - 1; x <= k - j + W - 1; ++x) col_j[x] += col_k[x] * stem;
        }
        for (int i = lo; i <= j; ++i) q[qcell(i, j)] = col_j[i - j + W - 1];
    }

    MIRHIT_VECTOR_CLONES void forward(int j) {
        init_row(j);
        const int lo = std::max(1, j - W + 1);
        double unpaired = 0.0;
        for (int i = j; i >= lo; --i) {
            const int d = j - i;
            if (d <= min_hairpin) {
                ext[static_cast<std::size_t>(W - d)] = 0.0;
                continue;
            }
            const int t = d <= span ? type(i, j) : 0;
            double qbv = 0.0;
            if (t != 0) {
                const double h = hairpin(i, j, t);
                hp[cell(i, j)] = h;
                qbv = h + interior_inside(i, j, t) + qm2[cell(i + 1, j - 1)] * closing(t, i, j);
                qb[cell(i, j)] = qbv;
                // As an inner pair (never at a sequence end: a closing pair lies around it).
                const int rt = reversed_pair_type[t], sq = at(j + 1), sp = at(i - 1);
                if (sq >= 0 && sp >= 0) {
                    qb_au[cell(i, j)] = col(qb_au_col, j)[j - i] = qbv * bt.au[t];
                    qb_1n[cell(i, j)] = col(qb_1n_col, j)[j - i] = qbv * bt.mismatch_1n[rt][sq][sp];
                    qb_mi[cell(i, j)] = qbv * bt.mismatch_i[rt][sq][sp];
                }
            }
            if (d <= span + 1) {
                const double stem = t != 0 ? qbv * bt.ml_stem[t][at(i - 1) + 1][at(j + 1) + 1] : 0.0;
                const double m1 = qm1[cell(i, j - 1)] * bt.ml_base + stem;
                qm1[cell(i, j)] = m1;
                side[static_cast<std::size_t>(i - j + W)] = m1;  // column j of qm1, for the sums below
                // qm(i, j), qm2(i, j): the last stem starts at k, before it unpaired nt or qm(i, k - 1).
                const double* m1_col = side.data() + (i - j + W);  // m1_col[k - i] = qm1(k, j)
                const double vm2 = dot(row(qm, i), m1_col, j - min_hairpin - i);  // row(qm, i)[len] = qm(i, i + len - 1)
                unpaired = m1 + unpaired * bt.ml_base;  // sum over k of ml_base^(k - i) x qm1(k, j)
                qm[cell(i, j)] = vm2 + unpaired;
                col(qm_col, j)[j - i] = qm[cell(i, j)];
                qm2[cell(i, j)] = vm2;
            }
            // ext[W - d]: the stem (j - d, j) closing the exterior loop.
            ext[static_cast<std::size_t>(W - d)] = t != 0 ? qbv * bt.ext_stem[t][at(i - 1) + 1][at(j + 1) + 1] : 0.0;
        }
        exterior_column(j, lo);
        if (j - W + 1 >= 1) inv_z[static_cast<std::size_t>((j - W + 1) & mask)] = 1.0 / q[qcell(j - W + 1, j)];
    }

    double iz(int a) const { return inv_z[static_cast<std::size_t>(a & mask)]; }

    // The generic interior loops around the inner pair (k, l) (both sides >= 2, one >= 4); c =
    // the inner mismatch x qb(k, l). The weights are summed per u2 for row l of qi5 and, over all
    // the inner pairs of this k, per u1 in generic_acc for the closing rows (4 lanes, reduced once
    // by outside()). Returns the sum of the weights.
    MIRHIT_INLINE double generic_outside(int k, int l, int start_i, int loop_cap, int end_cap, double c, int first_u1) {
        const int u1_last = std::min(max_loop - 2, k - 1 - start_i);
        double* qi5_l = row(qi5, l);
        v4d sum = {};
        // Per block of u2 down the closing rows, the block's sums over u1 in a register. Lanes past
        // u2's limit weigh 0 (u1 + u2 > 30, or the cell lies beyond the span or the sequence), as
        // do the lanes u1, u2 <= 3: the last block adds 0 to qi5 at u2 = 29.
        for (int b = 2; b <= std::min(max_loop - 2, end_cap); b += block) {
            v4d outer = {};
            for (int u1 = std::max(2, first_u1); u1 <= std::min(u1_last, loop_cap - b); ++u1) {
                // pr_mi(i, l + 1 + b + x)
                const v4d w = load4(bt.generic[u1] + b) * load4(pr_mi.data() + closing_row[u1] + (l + u1 + 3 - k + b));
                outer += w;
                generic_acc[u1] += w * c;
            }
            store4(qi5_l + b, load4(qi5_l + b) + outer * c);
            sum += outer;
        }
        return sum4(sum);
    }

    // Outside weight of the inner pair (k, l) of type t from the interior loops around it (the sum
    // over closing pairs (i, m) of pr(i, m) x the loop), split like interior_inside; adds each
    // loop's weight x qb(k, l) to qi5, the weight of the unpaired stretches on both sides. Only
    // the loops with a 5' side of first_u1 nt or more (0: all).
    MIRHIT_VECTOR_CLONES double interior_outside(int k, int l, int t, double qkl, int first_u1) {
        const int t2 = reversed_pair_type[t];
        const int sk = at(k - 1), sl = at(l + 1);
        if (sk < 0 || sl < 0) return 0.0;  // at a sequence end: no closing pair around
        const int start_i = std::max({k - max_loop - 1, l - W + 1, 1});
        double* qi5_l = row(qi5, l);
        double v = 0.0;
        // 3' side u2 allowed with 5' side u1 (closing pair (i, m), m = l + 1 + u2).
        // u1 + u2 <= 30, m <= n and m - i <= span (so (i, m) fits in a window: span < W).
        const int loop_cap = std::min(max_loop, k - 2 + span - l), end_cap = n - l - 1;
        const auto u2_limit = [&](int u1) { return std::min(loop_cap - u1, end_cap); };
        // One loop of weight w (before x qb(k, l)).
        const auto add = [&](int u1, int u2, double w) MIRHIT_LAMBDA_INLINE {
            qi5_l[u2] += w * qkl;
            closing_qi5[u1] += w * qkl;
            v += w;
        };
        if (first_u1 == 0 && k - 4 >= start_i && u2_limit(3) >= 3) {  // all 16 closing pairs in range (u2_limit falls with u1)
            double side3[4] = {}, side5[4] = {};  // the weights by u2 and by u1, in registers
            auto term = [&](auto u1, auto u2) MIRHIT_LAMBDA_INLINE {
                const int i = k - 1 - u1, m = l + 1 + u2;
                const double w = pr[cell(i, m)] * bt.interior(u1, u2, type(i, m), t2, at(i + 1), at(m - 1), sk, sl);
                side3[u2] += w;
                side5[u1] += w;
            };
            for_small_loops(term);
            for (int x = 0; x < 4; ++x) {
                qi5_l[x] += side3[x] * qkl;
                closing_qi5[x] += side5[x] * qkl;
                v += side5[x];
            }
        } else {
            for (int u1 = first_u1; u1 <= 3 && k - 1 - u1 >= start_i; ++u1) {
                const int i = k - 1 - u1, si = at(i + 1);
                const double* pr_i = row(pr, i) + 1 - i;  // pr_i[m] = pr(i, m)
                const int* pair_i = bt.pair[at(i)];
                for (int u2 = 0; u2 <= std::min(3, u2_limit(u1)); ++u2) {
                    const int m = l + 1 + u2;
                    add(u1, u2, pr_i[m] * bt.interior(u1, u2, pair_i[at(m)], t2, si, at(m - 1), sk, sl));
                }
            }
        }
        const double bulge_f = bt.au[t], one_n_f = bt.mismatch_1n[t2][sl][sk], generic_f = bt.mismatch_i[t2][sl][sk];
        // u1 = 0 or 1 with u2 >= 4, along the row of the closing pair: one add per row.
        const auto add_row = [&](int u1, const double* g, const double* p, double f) {
            const double sum = spread(g, p, qi5_l, f * qkl, 4, u2_limit(u1)) * f;
            closing_qi5[u1] += sum * qkl;
            v += sum;
        };
        if (first_u1 == 0 && k - 1 >= start_i) add_row(0, bt.bulge, row(pr_au, k - 1) + (l + 3 - k), bulge_f);  // p[u2] = pr_au(k - 1, l + 1 + u2)
        if (first_u1 <= 1 && k - 2 >= start_i) add_row(1, bt.one_n, row(pr_1n, k - 2) + (l + 4 - k), one_n_f);
        // u2 = 0 or 1 with u1 >= 4, down the rows: the sums on row l kept in registers.
        double edge0 = 0.0, edge1 = 0.0;
        for (int u1 = std::max(4, first_u1), last = std::min({max_loop, k - 1 - start_i, loop_cap, end_cap >= 0 ? max_loop : -1}); u1 <= last; ++u1) {
            const double w0 = bt.bulge[u1] * pr_au[closing_row[u1] + static_cast<std::size_t>(l + u1 + 3 - k)] * bulge_f;
            const double p1 = u1 < loop_cap && end_cap >= 1 ? pr_1n[closing_row[u1] + static_cast<std::size_t>(l + u1 + 4 - k)] : 0.0;
            const double w1 = bt.one_n[u1] * p1 * one_n_f;
            closing_qi5[u1] += (w0 + w1) * qkl;
            edge0 += w0;
            edge1 += w1;
        }
        qi5_l[0] += edge0 * qkl;
        qi5_l[1] += edge1 * qkl;
        v += edge0 + edge1;
        v += generic_outside(k, l, start_i, loop_cap, end_cap, generic_f * qkl, first_u1) * generic_f;
        return v;
    }

    // Outside weights of the pairs (k, l), summed over the windows that hold them (not yet
    // multiplied by qb or divided by the number of windows: unpaired probabilities need neither).
    // With first_u1 > 0, only the weights of the stretches before k, of first_u1 nt or more, in
    // interior loops with an inner pair at k (the outside weights of the pairs (k, l) left 0).
    MIRHIT_VECTOR_CLONES void outside(int k, int first_u1) {
        // side[a - k + W] = q(a, k - 1) / Z(window a), for the windows a..a+W-1 holding (k, l).
        const int amax = std::min(k - 1, n - W + 1);
        if (first_u1 == 0)
            for (int a = std::max(1, k - W + 1); a <= amax; ++a) side[static_cast<std::size_t>(a - k + W)] = qcol_row(k - 1)[a - k + W] * iz(a);
        std::fill(generic_acc, generic_acc + max_loop + 1, v4d{});
        for (int u1 = first_u1; u1 <= std::min(max_loop, k - 2); ++u1) {
            closing_row[u1] = row_start(k - 1 - u1);
            closing_qi5[u1] = row(qi5, k - 1 - u1)[u1];
        }
        const int lmax = std::min({n, k + W - 1, k + span});
        for (int l = k + min_hairpin + 1; l <= lmax; ++l) {
            const double qkl = qb[cell(k, l)];
            if (qkl == 0.0) continue;
            const int t = type(k, l);
            if (first_u1 > 0) {
                interior_outside(k, l, t, qkl, first_u1);
                continue;
            }
            double v = 0.0;
            if (l - k + 1 == W) {
                v = 1.0 / q[qcell(k, l)];
            } else {
                const int a0 = std::max(1, l - W + 2);
                v = dot(side.data() + (a0 - k + W), q_row(l + 1) + (a0 + W - 1 - l), amax - a0 + 1);
                if (k + W - 1 <= n) v += q[qcell(l + 1, k + W - 1)] * iz(k);
                if (l - W + 1 >= 1) v += q[qcell(l - W + 1, k - 1)] * iz(l - W + 1);
            }
            v *= bt.ext_stem[t][at(k - 1) + 1][at(l + 1) + 1];

            v += interior_outside(k, l, t, qkl, 0);
            pr[cell(k, l)] = v;
        }
        for (int u1 = std::max(2, first_u1); u1 <= std::min(max_loop - 2, k - 2); ++u1) closing_qi5[u1] += sum4(generic_acc[u1]);
        for (int u1 = first_u1; u1 <= std::min(max_loop, k - 2); ++u1) row(qi5, k - 1 - u1)[u1] = closing_qi5[u1];
        if (first_u1 > 0) return;

        // Multiloop weights by the 3' end m of the stretch, at m - k: prml and prm_l of this k, and
        // prm_l1, prm_l of k - 1 (so at m - k + 1).
        std::fill_n(prml.begin(), std::min(n, k + W) - k + 1, 0.0);
        std::fill_n(prm_l.begin(), std::min(n, k + W) - k + 1, 0.0);
        if (k > 1) {
            double prm_mlb = 0.0;
            const double b1 = bt.ml_base;
            const int lstart = std::min({n - 1, k + W - 2, k + span - 2});
            const int mmax = std::min({k + W - 2, n, k + span - 1});
            for (int l = lstart; l >= k + min_hairpin + 1; --l) {
                const int m = l + 1;
                // prmt = sum over i of prc(i, m) x qm(i + 1, k - 1), i = i0..k - 2, along the columns.
                const int i0 = std::max({1, l - W + 2, m - span});
                const double prmt = i0 <= k - 2 ? dot(col(prc_col, m) + (m - k + 2), col(qm_col, k - 1), k - 1 - i0) : 0.0;
                const double prmt1 = m - (k - 1) <= span ? prc[cell(k - 1, m)] : 0.0;
                double& pl = prm_l[static_cast<std::size_t>(m - k)];
                pl = prm_l1[static_cast<std::size_t>(m - k + 1)] * b1 + prmt1;
                prm_mlb = prm_mlb * b1 + prmt;
                prml[static_cast<std::size_t>(m - k)] = prmt + pl;

                const double qkl = qb[cell(k, l)];
                if (qkl == 0.0) continue;
                const double st = bt.ml_stem[type(k, l)][at(k - 1) + 1][at(l + 1) + 1];
                const double dang = qkl * st;
                // Over the 3' ends m2 = l + 2 + x: the stretch l + 1..m2 - 1 (len x + 1) in rows l.
                const double *a = prml.data() + (l + 2 - k), *a_l = prm_l.data() + (l + 2 - k), *qm_l = row(qm, l + 1) + 1;
                double *qmb_l = row(qmb, l) + 1, *q2l_l = row(q2l, l) + 1;
                double temp = 0.0;
#pragma omp simd reduction(+ : temp)
                for (int x = 0; x <= mmax - l - 2; ++x) {
                    qmb_l[x] += a[x] * dang;
                    q2l_l[x] += (a[x] - a_l[x]) * dang;
                    temp += a[x] * qm_l[x];
                }
                pr[cell(k, l)] += (prm_mlb + temp) * st;
            }
        }
        std::swap(prm_l, prm_l1);

        for (int l = k + min_hairpin + 1; l <= lmax; ++l) {
            const double v = pr[cell(k, l)];
            if (v == 0.0) continue;
            const int t = type(k, l), si = at(k + 1), sj = at(l - 1);
            prc[cell(k, l)] = v * closing(t, k, l);
            col(prc_col, l)[l - k] = prc[cell(k, l)];
            pr_au[cell(k, l)] = v * bt.au[t];
            pr_1n[cell(k, l)] = v * bt.mismatch_1n[t][si][sj];
            pr_mi[cell(k, l)] = v * bt.mismatch_i[t][si][sj];
        }
    }

    // The stretch k+1..k+U as the whole hairpin of pairs (i5, j3), or in the multiloop they close
    // with the stretch at its 5' end, its 3' end or between two stems: per i5, dot products along
    // j3 (prc = pr x the multiloop closing factor; cells with j3 - 1 <= e of qm, qm2 are 0).
    MIRHIT_INLINE double closed_stretch(int k) {
        const int e = k + U;
        double acc = 0.0;
        for (int i5 = std::max({k + U - W + 1, 1, e + 1 - span}); i5 <= k; ++i5) {
            const int count = std::min({n, i5 + W - 1, i5 + span}) - e;
            const int p0 = e + 2 - i5;  // row(., i5)[p0 + x]: the pair (i5, e + 1 + x)
            const double *prc_i = row(prc, i5) + p0, *pr_i = row(pr, i5) + p0, *hp_i = row(hp, i5) + p0;
            const double *qm2_e = row(qm2, e + 1), *qm_e = row(qm, e + 1), *pow_u = ml_base_pow.data() + U;
            double s_5 = 0.0, s_3 = 0.0, s_both = 0.0, s_hp = 0.0;
#pragma omp simd reduction(+ : s_5, s_3, s_both, s_hp)
            for (int x = 0; x < count; ++x) {
                s_5 += prc_i[x] * pow_u[x];
                s_3 += prc_i[x] * qm2_e[x];
                s_both += prc_i[x] * qm_e[x];
                s_hp += hp_i[x] * pr_i[x];
            }
            acc += s_3 * ml_base_pow[static_cast<std::size_t>(e - i5)] + s_hp;
            if (i5 < k) acc += s_5 * qm2[cell(i5 + 1, k)] + s_both * qm[cell(i5 + 1, k)] * ml_base_pow[static_cast<std::size_t>(U)];
        }
        return acc;
    }

    // Unpaired probabilities of the stretches ending at k (LPfold's compute_pU): the stretch
    // k+1..k+len lies in a loop closed by a pair, either with k paired (qbe) or k unpaired too
    // (the stretch one longer); stretches of exactly U nt in hairpins and multiloops are summed
    // over their closing pairs directly. Exterior-loop stretches are added last.
    MIRHIT_VECTOR_CLONES void unpaired_at(int k, const sink& out) {
        std::fill(qbe.begin(), qbe.end(), 0.0);
        const int e = k + U;
        const double acc = closed_stretch(k);
        if (acc != 0.0) pu_at(e, U) += acc;

        double temp = 0.0;
        for (int len = max_len; len >= 1; --len) {
            if (len <= max_loop) temp += qi5[lcell(k, len)];
            qbe[static_cast<std::size_t>(len)] += temp;
        }

        const int top = std::min({n, k + W - 1, k + span});
        temp = dot(row(pr, k) + (U + 2), row(hp, k) + (U + 2), top - k - U);  // obp = k + U + 1..top
        for (int obp = std::min(top, k + U); obp > k + 1; --obp) {
            temp += pr[cell(k, obp)] * hp[cell(k, obp)];
            qbe[static_cast<std::size_t>(obp - k - 1)] += temp;
        }

        temp = dot(row(q2l, k) + U, ml_base_pow.data() + U, std::min(W, row_len - 1) - U + 1);  // len = U..
        for (int len = U - 1; len > 0; --len) {
            temp += q2l[lcell(k, len)] * ml_base_pow[static_cast<std::size_t>(len)];
            qbe[static_cast<std::size_t>(len)] += temp;
        }

        // Sums over obp, the 3' end of the closing pair: qmb(k, obp) x qm(k + len + 1, obp - 1) and
        // prc(k, obp) x qm2(k + len + 1, obp - 1), along the rows k and k + len + 1, in one pass
        // from obp = o1 (qm2, two stems or more, is 0 on the first cells).
        const int omax = std::min({n, k + W - 1, k + span});
        for (int len = 1; len < U; ++len) {
            const int r = k + len + 1, o1 = k + len + min_hairpin;
            // row(qm, r)[obp - r] = qm(r, obp - 1)
            const double add = dot_sum(row(qmb, k) + (o1 - k - 1), row(qm, r) + (o1 - r), row(prc, k) + (o1 - k + 1), row(qm2, r) + (o1 - r),
                                       omax - o1 + 1);
            qbe[static_cast<std::size_t>(len)] += add * ml_base_pow[static_cast<std::size_t>(len)];
        }

        const int lmax = std::min(max_len, n - k);
        for (int len = 1; len <= lmax; ++len) pu_at(k + len, len) += pu_at(k + len, len + 1) + qbe[static_cast<std::size_t>(len)];

        if (U >= W && k >= U) pu_at(k, W) = 1.0 / q[qcell(k - W + 1, k)];

        const int smax = std::min(U, k);
        // side[a - k + W] = q(k + 1, a + W - 1) / Z(window a), for the windows a..a+W-1 holding the stretch.
        const int a0 = std::max(1, k - W + 2);
        for (int a = a0; a <= std::min(k - 1, n - W + 1); ++a) side[static_cast<std::size_t>(a - k + W)] = q_row(k + 1)[a + W - 1 - k] * iz(a);
        for (int su = smax; su > 0; --su) {
            const int amax = std::min(k - su, n - W + 1);
            double v = dot(qcol_row(k - su) + (a0 - (k - su) + W - 1), side.data() + (a0 - k + W), amax - a0 + 1);
            if (k >= W && su + 1 <= W) v += q[qcell(k - W + 1, k - su)] * iz(k - W + 1);
            if (k <= n - W + su && k < n && su + 1 <= W) v += q[qcell(k + 1, k - su + W)] * iz(k - su + 1);
            const int leftmost = std::max(1, k - W + 1), rightmost = std::min(n - W + 1, k - su + 1);
            double& p = pu_at(k, su);
            p = (p + v) / (rightmost - leftmost + 1);
        }
        out(static_cast<std::size_t>(k), &pu_at(k, 1), smax);
        std::fill_n(&pu_at(k, 0), pu_len, 0.0);
    }

    // The rows of the positions in `wanted` (1-based, sorted; empty: every position) go to out.
    // A row gets its stretches' weights from unpaired_at of itself and the max_len positions
    // before it; unpaired_at of the others is skipped, their rows only cleared for reuse.
    // The weights of a stretch ending at p come from the loops holding it: from the pairs around
    // it, which start at p + 1 - span..p + 1 (they end after p and span at most span; the inner
    // pair of a loop with the stretch on its 3' side starts at p + 1), as do the pairs around
    // those; and from the inner pairs after the stretch of interior loops with the stretch on their
    // 5' side, at p + 2..p + 30: for those outside(k) only adds the 5' sides that hold p (of
    // k - p nt or more, for the last wanted p before k). The outside weights of the pairs starting
    // elsewhere are left 0, which leaves the ones of the pairs around a wanted stretch exact.
    void choose_rows(std::span<const std::size_t> wanted) {
        need.assign(static_cast<std::size_t>(n) + 1, wanted.empty());
        outside_from.assign(static_cast<std::size_t>(n) + 1, wanted.empty() ? 0 : skip_outside);
        for (const auto p : wanted) {
            const std::size_t last = std::min(static_cast<std::size_t>(n), p + max_loop);
            std::fill(need.begin() + static_cast<std::ptrdiff_t>(p > static_cast<std::size_t>(max_len) ? p - static_cast<std::size_t>(max_len) : 1),
                      need.begin() + static_cast<std::ptrdiff_t>(p) + 1, char{1});
            for (std::size_t k = p >= static_cast<std::size_t>(span) ? p + 1 - static_cast<std::size_t>(span) : 1; k <= last; ++k) {
                const auto from = static_cast<unsigned char>(k <= p + 1 ? 0 : k - p);
                outside_from[k] = std::min(outside_from[k], from);
            }
        }
    }
    void outside_or_skip(int k) {
        const unsigned char from = outside_from[static_cast<std::size_t>(k)];
        if (from != skip_outside) outside(k, from);
        if (from != 0) std::fill(prm_l1.begin(), prm_l1.end(), 0.0);  // no multiloop weights from k for k + 1
    }
    void unpaired_or_clear(int k, const sink& out) {
        if (need[static_cast<std::size_t>(k)])
            unpaired_at(k, out);
        else
            std::fill_n(&pu_at(k, 0), pu_len, 0.0);
    }

    void run(std::string_view sequence, const plfold_options& o, const sink& out, std::span<const std::size_t> wanted = {}) {
        n = static_cast<int>(sequence.size());
        const plfold_options eff = effective_options(o, sequence.size());
        W = eff.window;
        span = eff.max_span;
        U = eff.max_unpaired;
        max_len = std::max(U, max_loop);
        if (n == 0) return;
        if (n < min_hairpin + 2 || U < 1) {
            std::vector<double> ones(static_cast<std::size_t>(std::max(U, 0)), 1.0);
            for (int k = 1; k <= n; ++k) out(static_cast<std::size_t>(k), ones.data(), std::min(U, k));
            return;
        }
        s.assign(static_cast<std::size_t>(n) + 2, -1);
        for (int i = 1; i <= n; ++i) s[static_cast<std::size_t>(i)] = static_cast<signed char>(nucleotide_code(sequence[static_cast<std::size_t>(i - 1)]));
        std::fill(pu.begin(), pu.end(), 0.0);
        qcol[qcol_cell(1, 0)] = 1.0;  // q(1, 0), the empty segment
        std::fill(prm_l1.begin(), prm_l1.end(), 0.0);
        std::fill(prm_l.begin(), prm_l.end(), 0.0);
        choose_rows(wanted);

        for (int j = 1; j <= n + W; ++j) {
            if (j <= n) forward(j);
            if (j > W) outside_or_skip(j - W);
            if (j > W + max_loop + 1) unpaired_or_clear(j - W - max_loop - 1, out);
        }
        for (int k = std::max(1, n - max_loop); k <= n; ++k) unpaired_or_clear(k, out);
    }
};

plfold::plfold(const energy_params& params, plfold_options options)
    : options_(options), tables_(std::make_shared<const boltzmann_tables>(params)),
      impl_(std::make_unique<impl>(*tables_, options)) {}
plfold::~plfold() = default;
plfold::plfold(plfold&&) noexcept = default;
plfold& plfold::operator=(plfold&&) noexcept = default;

void plfold::run(std::string_view sequence, const sink& out) { impl_->run(sequence, options_, out); }

unpaired_table plfold::unpaired(std::string_view sequence) {
    unpaired_table table(sequence.size(), options_.max_unpaired);
    run(sequence, [&](std::size_t pos, const double* p, int count) { std::copy(p, p + count, table.row(pos)); });
    return table;
}

std::size_t plfold::working_bytes() const { return impl_->bytes(); }

unpaired_table plfold::unpaired(std::string_view sequence, std::span<const std::size_t> positions) {
    const std::size_t n = sequence.size();
    std::vector<std::size_t> wanted;
    for (auto p : positions)
        if (p >= 1 && p <= n) wanted.push_back(p);
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    unpaired_table table(n, options_.max_unpaired, wanted);

    // Stretches ending at pos lie in windows starting at >= pos - W + 1, each needing the nt
    // before it, and get loop contributions from nt up to max(u, 30) before; windows end at
    // <= pos + W - 1, plus the nt after. A stretch shorter than the whole is at least W + 1 long,
    // so W, span and u are cut as for the whole sequence. Stretches are merged where they overlap,
    // up to max_stretch nt (beyond, the next one starts again W + 31 nt back: a little folded
    // twice, the working memory bounded).
    const plfold_options eff = effective_options(options_, n);
    const std::size_t before = static_cast<std::size_t>(std::max({eff.window, eff.max_unpaired, max_loop})) + 1;
    const std::size_t after = static_cast<std::size_t>(eff.window);
    const auto first_of = [&](std::size_t pos) { return pos > before ? pos - before : 1; };
    std::size_t w = 0;
    while (w < wanted.size()) {
        const std::size_t lo = first_of(wanted[w]);
        std::size_t hi = std::min(n, wanted[w] + after);
        std::size_t last = w;
        while (last + 1 < wanted.size() && first_of(wanted[last + 1]) <= hi + 1 &&
               std::min(n, wanted[last + 1] + after) - lo < max_stretch) {
            ++last;
            hi = std::min(n, wanted[last] + after);
        }
        const std::size_t offset = lo - 1;
        std::vector<std::size_t> here(wanted.begin() + static_cast<std::ptrdiff_t>(w), wanted.begin() + static_cast<std::ptrdiff_t>(last) + 1);
        for (auto& p : here) p -= offset;
        std::size_t next = w;
        impl_->run(sequence.substr(offset, hi - offset), options_,
                   [&](std::size_t pos, const double* p, int count) {
                       if (next <= last && pos + offset == wanted[next]) {
                           std::copy(p, p + count, table.row(pos + offset));
                           ++next;
                       }
                   },
                   here);
        w = last + 1;
    }
    return table;
}

}  // namespace mirhit::scoring
