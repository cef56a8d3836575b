#include "scoring/gene_score.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mirhit::scoring {

double best_total(std::span<const scored_site> sites, std::vector<std::size_t>* chosen) {
    // Weighted interval scheduling on -score, sites ordered by end.
    std::vector<std::size_t> order(sites.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return sites[a].end != sites[b].end ? sites[a].end < sites[b].end : sites[a].start < sites[b].start;
    });
    const std::size_t n = order.size();
    std::vector<double> best(n + 1, 0.0);  // best[i]: most negative total over the first i sites
    std::vector<std::size_t> previous(n);  // sites before order[i] that end at or before its start
    std::vector<bool> take(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& s = sites[order[i]];
        previous[i] = static_cast<std::size_t>(
            std::upper_bound(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(i), s.start,
                             [&](std::uint64_t start, std::size_t o) { return start < sites[o].end; }) -
            order.begin());
        const double with = best[previous[i]] + s.score;
        take[i] = with < best[i];
        best[i + 1] = take[i] ? with : best[i];
    }
    if (chosen) {
        chosen->clear();
        for (std::size_t i = n; i > 0;) {
            if (take[i - 1]) {
                chosen->push_back(order[i - 1]);
                i = previous[i - 1];
            } else {
                --i;
            }
        }
        std::sort(chosen->begin(), chosen->end(), [&](std::size_t a, std::size_t b) { return sites[a].start < sites[b].start; });
    }
    return best[n];
}

double cumulative_weighted_score(std::span<const scored_site> sites, std::span<const std::size_t> chosen) {
    double c = 0;
    for (auto it = chosen.rbegin(); it != chosen.rend(); ++it) {
        const auto& s = sites[*it];
        c += (1 - std::exp2(s.score)) * (s.air - c);
    }
    return std::log2(1 - c);
}

}  // namespace mirhit::scoring
