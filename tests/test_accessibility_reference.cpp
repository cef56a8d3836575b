// The fold against its own former implementation (bench/accessibility_reference.cpp, which matched
// RNAplfold 2.7.1): random sequences of several compositions and lengths, TargetScan's model and
// others (spans up to the window, u beyond 30, windows longer than the sequence); every value
// equal up to rounding (the sums are taken in another order).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "bench/accessibility_reference.hpp"
#include "scoring/accessibility.hpp"
#include "scoring/energy_params.hpp"

namespace sc = mirhit::scoring;

namespace {

std::vector<std::vector<double>> rows_of(auto& fold, const std::string& seq) {
    std::vector<std::vector<double>> rows;
    fold.run(seq, [&](std::size_t pos, const double* p, int count) {
        EXPECT_EQ(pos, rows.size() + 1);
        rows.emplace_back(p, p + count);
    });
    return rows;
}

}  // namespace

TEST(AccessibilityReference, NewFoldEqualsTheOldOneOnRandomSequences) {
    std::mt19937 rng(5);
    const sc::plfold_options models[] = {{}, {30, 20, 10}, {20, 19, 20}, {150, 100, 40}, {60, 59, 35}};
    const int weights[][4] = {{1, 1, 1, 1}, {29, 21, 21, 29}, {1, 4, 4, 1}, {4, 1, 1, 4}};
    double max_diff = 0.0;
    std::size_t values = 0;
    for (const auto& o : models) {
        sc::plfold fold(sc::turner2004(), o);
        mirhit::plfold_reference::plfold old(sc::turner2004(), o);
        for (const auto& w : weights) {
            std::discrete_distribution<int> pick(std::begin(w), std::end(w));
            for (const std::size_t n : {std::size_t{3}, std::size_t{9}, std::size_t{40}, std::size_t{81}, std::size_t{700}}) {
                std::string seq(n, 'A');
                for (auto& c : seq) c = "ACGU"[pick(rng)];
                if (n == 700) seq[350] = 'N';  // a letter that does not pair
                const auto a = rows_of(fold, seq), b = rows_of(old, seq);
                ASSERT_EQ(a.size(), b.size());
                for (std::size_t i = 0; i < a.size(); ++i) {
                    ASSERT_EQ(a[i].size(), b[i].size()) << i;
                    for (std::size_t l = 0; l < a[i].size(); ++l) {
                        const double d = std::abs(a[i][l] - b[i][l]);
                        max_diff = std::max(max_diff, d);
                        ++values;
                        EXPECT_LT(d, 1e-9) << "W " << o.window << " n " << n << " pos " << i + 1 << " u " << l + 1;
                    }
                }
            }
        }
    }
    std::printf("compared %zu values: max |difference| %.3g\n", values, max_diff);
}
