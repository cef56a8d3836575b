// A copy of scoring/accessibility.cpp as it was before the vectorised rewrite (issue 13), kept
// only as the oracle and the baseline: bench/accessibility_bench.cpp reports the speed-up over it
// and tests/test_accessibility_reference.cpp checks the new fold against it.
#include "bench/accessibility_reference.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "scoring/loop_energy.hpp"

namespace mirhit::plfold_reference {

using namespace scoring;

namespace {

plfold_options reference_effective_options(const plfold_options& options, std::size_t length) {
    plfold_options e = options;
    if (length < static_cast<std::size_t>(e.window)) e.window = static_cast<int>(length);
    e.max_span = std::min(e.max_span, e.window - 1);
    e.max_unpaired = std::min(e.max_unpaired, e.window);
    return e;
}

constexpr int min_hairpin = 3;  // unpaired nt inside a hairpin
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
    }

    // Interior loop (ViennaRNA exp_E_IntLoop): u1 unpaired 5' of the inner pair, u2 3' of it;
    // type of the outer pair, type2 the reversed type of the inner pair; si/sj the nt inside the
    // outer pair, sp/sq those outside the inner pair.
    double interior(int u1, int u2, int type, int type2, int si, int sj, int sp, int sq) const {
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

// The recursions of RNAplfold (ViennaRNA LPfold.c), streamed along the sequence: column j of the
// inside matrices is computed, then the outside ("pR") values of the pairs starting at j - W,
// then the unpaired probabilities ending at j - W - 31. Matrices are rings of rows indexed by the
// 5' position, each row indexed by segment length (q, qb, ...) or loop length (qi5, qmb, q2l);
// only the exterior-loop q holds segments up to W long, the others stop at the span (or at 30-nt
// loops or u), so the memory is O(W^2) for q and O(W x span) for the ten others.
// Boltzmann weights are not rescaled: within an 80-nt window they stay far from overflow.
struct plfold::impl {
    const boltzmann_tables& bt;
    int cfg_window;
    int rows;      // ring size (rows of the matrices)
    int q_len;     // cfg_window + 1: q's row length
    int row_len;   // the other matrices' row length: max(span + 3, max_loop + 2, u + 2)
    int pu_rows, pu_len;
    std::vector<double> q, qb, qm, qm1, qm2, pr, prc, hp, qi5, qmb, q2l, inv_z;
    std::vector<double> prml, prm_l, prm_l1, ext, qbe, pu, ml_base_pow;
    std::vector<signed char> s;  // codes with s[0] = s[n+1] = -1
    std::string_view seq;
    int n = 0, W = 0, span = 0, U = 0, max_len = 0;

    impl(const boltzmann_tables& tables, const plfold_options& o) : bt(tables), cfg_window(o.window) {
        rows = 2 * o.window + max_loop + 4;
        q_len = o.window + 1;
        row_len = std::max({std::min(o.max_span, o.window - 1) + 3, max_loop + 2, o.max_unpaired + 2});
        q.assign(static_cast<std::size_t>(rows) * static_cast<std::size_t>(q_len), 0.0);
        const auto cells = static_cast<std::size_t>(rows) * static_cast<std::size_t>(row_len);
        for (auto* v : {&qb, &qm, &qm1, &qm2, &pr, &prc, &hp, &qi5, &qmb, &q2l}) v->assign(cells, 0.0);
        inv_z.assign(static_cast<std::size_t>(rows), 0.0);
        prml.assign(static_cast<std::size_t>(o.window + 2), 0.0);
        prm_l = prml;
        prm_l1 = prml;
        ext.assign(static_cast<std::size_t>(q_len), 0.0);
        pu_len = std::max(o.max_unpaired, max_loop) + 2;
        pu_rows = pu_len + 1;
        pu.assign(static_cast<std::size_t>(pu_rows) * static_cast<std::size_t>(pu_len), 0.0);
        qbe.assign(static_cast<std::size_t>(pu_len), 0.0);
        ml_base_pow.assign(static_cast<std::size_t>(std::max(q_len, row_len)) + 1, 1.0);
        for (std::size_t l = 1; l < ml_base_pow.size(); ++l) ml_base_pow[l] = ml_base_pow[l - 1] * bt.ml_base;
    }

    std::size_t cell(int i, int j) const {
        return static_cast<std::size_t>(i % rows) * static_cast<std::size_t>(row_len) + static_cast<std::size_t>(j - i + 1);
    }
    std::size_t qcell(int i, int j) const {
        return static_cast<std::size_t>(i % rows) * static_cast<std::size_t>(q_len) + static_cast<std::size_t>(j - i + 1);
    }
    // Row i of a matrix, indexed by segment length (j - i + 1) or loop length.
    double* row(std::vector<double>& v, int i) {
        return v.data() + static_cast<std::size_t>(i % rows) * static_cast<std::size_t>(row_len);
    }
    const double* row(const std::vector<double>& v, int i) const {
        return v.data() + static_cast<std::size_t>(i % rows) * static_cast<std::size_t>(row_len);
    }
    std::size_t lcell(int i, int len) const {
        return static_cast<std::size_t>(i % rows) * static_cast<std::size_t>(row_len) + static_cast<std::size_t>(len);
    }
    double& pu_at(int e, int len) {
        return pu[static_cast<std::size_t>(e % pu_rows) * static_cast<std::size_t>(pu_len) + static_cast<std::size_t>(len)];
    }
    double& ring(std::vector<double>& v, int m) { return v[static_cast<std::size_t>(m % (cfg_window + 2))]; }
    int type(int i, int j) const { return bt.pair[s[static_cast<std::size_t>(i)]][s[static_cast<std::size_t>(j)]]; }
    int at(int i) const { return s[static_cast<std::size_t>(i)]; }
    double closing(int t, int i, int j) const { return bt.ml_stem[reversed_pair_type[t]][at(j - 1) + 1][at(i + 1) + 1] * bt.ml_closing; }

    void init_row(int i) {
        const auto start = static_cast<std::size_t>(i % rows) * static_cast<std::size_t>(row_len);
        for (auto* v : {&qb, &qm, &qm1, &qm2, &pr, &prc, &hp, &qi5, &qmb, &q2l})
            std::fill_n(v->begin() + static_cast<std::ptrdiff_t>(start), row_len, 0.0);
        const auto q_start = static_cast<std::size_t>(i % rows) * static_cast<std::size_t>(q_len);
        std::fill_n(q.begin() + static_cast<std::ptrdiff_t>(q_start), q_len, 0.0);
        q[q_start] = 1.0;  // empty segment
    }

    double hairpin(int i, int j, int t) const {
        const int size = j - i - 1;
        if (size <= 6) {
            char loop[8];
            for (int x = 0; x <= size + 1; ++x) loop[x] = "NACGU"[at(i + x)];
            return bt.hairpin(size, t, at(i + 1), at(j - 1), std::string_view(loop, static_cast<std::size_t>(size + 2)));
        }
        return bt.hairpin(size, t, at(i + 1), at(j - 1), seq.substr(static_cast<std::size_t>(i - 1), static_cast<std::size_t>(size + 2)));
    }

    double interior_inside(int i, int j, int t) const {
        double sum = 0.0;
        const int si = at(i + 1), sj = at(j - 1);
        const int kmax = std::min(i + max_loop + 1, j - min_hairpin - 2);
        for (int k = i + 1; k <= kmax; ++k) {
            const int u1 = k - i - 1;
            const int lmin = std::max(k + min_hairpin + 1, j - 1 - (max_loop - u1));
            const int sp = at(k - 1);
            const double* qb_k = row(qb, k) + 1 - k;  // qb_k[l] = qb(k, l)
            const int* pair_k = bt.pair[at(k)];
            for (int l = j - 1; l >= lmin; --l) {
                const double qkl = qb_k[l];
                if (qkl == 0.0) continue;
                sum += qkl * bt.interior(u1, j - 1 - l, t, reversed_pair_type[pair_k[at(l)]], si, sj, sp, at(l + 1));
            }
        }
        return sum;
    }

    void forward(int j) {
        init_row(j);
        const int lo = std::max(1, j - W + 1);
        for (int i = j; i >= lo; --i) {
            const int d = j - i;
            if (d <= min_hairpin) {
                q[qcell(i, j)] = 1.0;
                ext[static_cast<std::size_t>(d)] = 0.0;
                continue;
            }
            const int t = d <= span ? type(i, j) : 0;
            double qbv = 0.0;
            if (t != 0) {
                const double h = hairpin(i, j, t);
                hp[cell(i, j)] = h;
                qbv = h + interior_inside(i, j, t) + qm2[cell(i + 1, j - 1)] * closing(t, i, j);
                qb[cell(i, j)] = qbv;
            }
            if (d <= span + 1) {
                const double stem = t != 0 ? qbv * bt.ml_stem[t][at(i - 1) + 1][at(j + 1) + 1] : 0.0;
                const double m1 = qm1[cell(i, j - 1)] * bt.ml_base + stem;
                qm1[cell(i, j)] = m1;
                double vm = 0.0, vm2 = 0.0;
                const double* qm_i = row(qm, i);  // qm_i[len] = qm(i, i + len - 1)
                for (int k = i; k <= j - min_hairpin - 1; ++k) {
                    const double a = row(qm1, k)[j - k + 1];
                    if (a == 0.0) continue;
                    const double left = qm_i[k - i];
                    vm += (ml_base_pow[static_cast<std::size_t>(k - i)] + left) * a;
                    vm2 += left * a;
                }
                qm[cell(i, j)] = vm;
                qm2[cell(i, j)] = vm2;
            }
            ext[static_cast<std::size_t>(d)] = t != 0 ? qbv * bt.ext_stem[t][at(i - 1) + 1][at(j + 1) + 1] : 0.0;
            double* q_i = q.data() + static_cast<std::size_t>(i % rows) * static_cast<std::size_t>(q_len);  // q_i[len] = q(i, i + len - 1)
            double v = q_i[j - i];    // j unpaired
            for (int k = std::max(i, j - span); k <= j - min_hairpin - 1; ++k) v += q_i[k - i] * ext[static_cast<std::size_t>(j - k)];
            q_i[j - i + 1] = v;
        }
        if (j - W + 1 >= 1) inv_z[static_cast<std::size_t>((j - W + 1) % rows)] = 1.0 / q[qcell(j - W + 1, j)];
    }

    double iz(int a) const { return inv_z[static_cast<std::size_t>(a % rows)]; }

    // Outside weights of the pairs (k, l), summed over the windows that hold them (not yet
    // multiplied by qb or divided by the number of windows: unpaired probabilities need neither).
    void outside(int k) {
        const int mod = cfg_window + 2;
        for (int m = k; m <= std::min(n, k + W); ++m) {
            prml[static_cast<std::size_t>(m % mod)] = 0.0;
            prm_l[static_cast<std::size_t>(m % mod)] = 0.0;
        }
        prm_l1[static_cast<std::size_t>(k % mod)] = 0.0;

        const int lmax = std::min({n, k + W - 1, k + span});
        for (int l = k + min_hairpin + 1; l <= lmax; ++l) {
            const double qkl = qb[cell(k, l)];
            if (qkl == 0.0) continue;
            const int t = type(k, l);
            double v = 0.0;
            if (l - k + 1 == W) {
                v = 1.0 / q[qcell(k, l)];
            } else {
                const int amax = std::min(k - 1, n - W + 1);
                for (int a = std::max(1, l - W + 2); a <= amax; ++a) v += q[qcell(a, k - 1)] * q[qcell(l + 1, a + W - 1)] * iz(a);
                if (k + W - 1 <= n) v += q[qcell(l + 1, k + W - 1)] * iz(k);
                if (l - W + 1 >= 1) v += q[qcell(l - W + 1, k - 1)] * iz(l - W + 1);
            }
            v *= bt.ext_stem[t][at(k - 1) + 1][at(l + 1) + 1];

            const int t2 = reversed_pair_type[t];
            const int sk = at(k - 1), sl = at(l + 1);
            const int start_i = std::max({k - max_loop - 1, l - W + 1, 1});
            double* qi5_l = row(qi5, l);
            for (int i = k - 1; i >= start_i; --i) {
                const int u1 = k - 1 - i;
                const int max_m = std::min({i + W - 1, l + max_loop - u1 + 1, n, i + span});
                const int si = at(i + 1);
                const double* pr_i = row(pr, i) + 1 - i;  // pr_i[m] = pr(i, m)
                const int* pair_i = bt.pair[at(i)];
                double sum_i = 0.0;
                for (int m = l + 1; m <= max_m; ++m) {
                    const double pim = pr_i[m];
                    if (pim == 0.0) continue;
                    const double w = pim * bt.interior(u1, m - l - 1, pair_i[at(m)], t2, si, at(m - 1), sk, sl);
                    qi5_l[m - l - 1] += w * qkl;
                    sum_i += w;
                }
                row(qi5, i)[u1] += sum_i * qkl;
                v += sum_i;
            }
            pr[cell(k, l)] = v;
        }

        if (k > 1) {
            double prm_mlb = 0.0;
            const double b1 = bt.ml_base;
            const int lstart = std::min({n - 1, k + W - 2, k + span - 2});
            const int mmax = std::min({k + W - 2, n, k + span - 1});
            for (int l = lstart; l >= k + min_hairpin + 1; --l) {
                const int m = l + 1;
                double prmt = 0.0;
                for (int i = std::max({1, l - W + 2, m - span}); i <= k - 2; ++i)
                    prmt += row(prc, i)[m - i + 1] * row(qm, i + 1)[k - i - 1];
                const double prmt1 = m - (k - 1) <= span ? prc[cell(k - 1, m)] : 0.0;
                double& pl = ring(prm_l, m);
                pl = ring(prm_l1, m) * b1 + prmt1;
                prm_mlb = prm_mlb * b1 + prmt;
                ring(prml, m) = prmt + pl;

                const double qkl = qb[cell(k, l)];
                if (qkl == 0.0) continue;
                const double st = bt.ml_stem[type(k, l)][at(k - 1) + 1][at(l + 1) + 1];
                const double dang = qkl * st;
                double temp = prm_mlb;
                for (int m2 = l + 2; m2 <= mmax; ++m2) {
                    const double a = ring(prml, m2);
                    qmb[lcell(l, m2 - l - 1)] += a * dang;
                    q2l[lcell(l, m2 - l - 1)] += (a - ring(prm_l, m2)) * dang;
                    temp += a * qm[cell(l + 1, m2 - 1)];
                }
                pr[cell(k, l)] += temp * st;
            }
        }
        std::swap(prm_l, prm_l1);

        for (int l = k + min_hairpin + 1; l <= lmax; ++l) {
            const double v = pr[cell(k, l)];
            if (v != 0.0) prc[cell(k, l)] = v * closing(type(k, l), k, l);
        }
    }

    // Unpaired probabilities of the stretches ending at k (LPfold's compute_pU): the stretch
    // k+1..k+len lies in a loop closed by a pair, either with k paired (qbe) or k unpaired too
    // (the stretch one longer); stretches of exactly U nt in hairpins and multiloops are summed
    // over their closing pairs directly. Exterior-loop stretches are added last.
    void unpaired_at(int k, const sink& out) {
        std::fill(qbe.begin(), qbe.end(), 0.0);
        const int e = k + U;
        double acc = 0.0;
        for (int i5 = std::max({k + U - W + 1, 1, e + 1 - span}); i5 <= k; ++i5) {
            const int j3max = std::min({n, i5 + W - 1, i5 + span});
            for (int j3 = e + 1; j3 <= j3max; ++j3) {
                const double prv = pr[cell(i5, j3)];
                if (prv == 0.0) continue;
                double temp = 0.0;
                if (i5 < k) temp += qm2[cell(i5 + 1, k)] * ml_base_pow[static_cast<std::size_t>(j3 - k - 1)];
                if (j3 - 1 > e) {
                    temp += qm2[cell(e + 1, j3 - 1)] * ml_base_pow[static_cast<std::size_t>(e - i5)];
                    if (i5 < k) temp += qm[cell(i5 + 1, k)] * qm[cell(e + 1, j3 - 1)] * ml_base_pow[static_cast<std::size_t>(U)];
                }
                acc += (temp * closing(type(i5, j3), i5, j3) + hp[cell(i5, j3)]) * prv;
            }
        }
        if (acc != 0.0) pu_at(e, U) += acc;

        double temp = 0.0;
        for (int len = max_len; len >= 1; --len) {
            if (len <= max_loop) temp += qi5[lcell(k, len)];
            qbe[static_cast<std::size_t>(len)] += temp;
        }

        const int top = std::min({n, k + W - 1, k + span});
        temp = 0.0;
        for (int obp = top; obp > k + U; --obp) temp += pr[cell(k, obp)] * hp[cell(k, obp)];
        for (int obp = std::min(top, k + U); obp > k + 1; --obp) {
            temp += pr[cell(k, obp)] * hp[cell(k, obp)];
            qbe[static_cast<std::size_t>(obp - k - 1)] += temp;
        }

        temp = 0.0;
        for (int len = std::min(W, row_len - 1); len >= U; --len) temp += q2l[lcell(k, len)] * ml_base_pow[static_cast<std::size_t>(len)];
        for (int len = U - 1; len > 0; --len) {
            temp += q2l[lcell(k, len)] * ml_base_pow[static_cast<std::size_t>(len)];
            qbe[static_cast<std::size_t>(len)] += temp;
        }

        for (int len = 1; len < U; ++len) {
            const int omax = std::min({n, k + W - 1, k + span});
            double add = 0.0;
            for (int obp = k + len + min_hairpin; obp <= omax; ++obp)
                add += qmb[lcell(k, obp - k - 1)] * qm[cell(k + len + 1, obp - 1)];
            for (int obp = k + len + 2 * min_hairpin; obp <= omax; ++obp) {
                const double c = prc[cell(k, obp)];
                if (c != 0.0) add += c * qm2[cell(k + len + 1, obp - 1)];
            }
            qbe[static_cast<std::size_t>(len)] += add * ml_base_pow[static_cast<std::size_t>(len)];
        }

        const int lmax = std::min(max_len, n - k);
        for (int len = 1; len <= lmax; ++len) pu_at(k + len, len) += pu_at(k + len, len + 1) + qbe[static_cast<std::size_t>(len)];

        if (U >= W && k >= U) pu_at(k, W) = 1.0 / q[qcell(k - W + 1, k)];

        const int smax = std::min(U, k);
        for (int su = smax; su > 0; --su) {
            double v = 0.0;
            const int amax = std::min(k - su, n - W + 1);
            for (int a = std::max(1, k - W + 2); a <= amax; ++a) v += q[qcell(a, k - su)] * q[qcell(k + 1, a + W - 1)] * iz(a);
            if (k >= W && su + 1 <= W) v += q[qcell(k - W + 1, k - su)] * iz(k - W + 1);
            if (k <= n - W + su && k < n && su + 1 <= W) v += q[qcell(k + 1, k - su + W)] * iz(k - su + 1);
            const int leftmost = std::max(1, k - W + 1), rightmost = std::min(n - W + 1, k - su + 1);
            double& p = pu_at(k, su);
            p = (p + v) / (rightmost - leftmost + 1);
        }
        out(static_cast<std::size_t>(k), &pu_at(k, 1), smax);
        std::fill_n(&pu_at(k, 0), pu_len, 0.0);
    }

    void run(std::string_view sequence, const plfold_options& o, const sink& out) {
        seq = sequence;
        n = static_cast<int>(sequence.size());
        const plfold_options eff = reference_effective_options(o, sequence.size());
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
        std::fill(prm_l1.begin(), prm_l1.end(), 0.0);
        std::fill(prm_l.begin(), prm_l.end(), 0.0);

        for (int j = 1; j <= n + W; ++j) {
            if (j <= n) forward(j);
            if (j > W) outside(j - W);
            if (j > W + max_loop + 1) unpaired_at(j - W - max_loop - 1, out);
        }
        for (int k = std::max(1, n - max_loop); k <= n; ++k) unpaired_at(k, out);
    }
};

plfold::plfold(const energy_params& params, plfold_options options)
    : options_(options), tables_(std::make_shared<const boltzmann_tables>(params)),
      impl_(std::make_unique<impl>(*tables_, options)) {}
plfold::~plfold() = default;

void plfold::run(std::string_view sequence, const sink& out) { impl_->run(sequence, options_, out); }

}  // namespace mirhit::plfold_reference
