// RNAplfold-model accessibility (scoring/accessibility.hpp) throughput in nt/s on one thread:
// unpaired probabilities for u = 1..20 of generated 2 kb 3'UTR-like sequences with TargetScan's
// settings (W 80, pairs j - i <= 40). RNAplfold 2.1.9 does about 7,500 nt/s here (2.7.1: 5,800).
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "scoring/accessibility.hpp"
#include "scoring/energy_params.hpp"

namespace {

using namespace mirhit::scoring;

// 3'UTR-like composition: A 0.29, C 0.21, G 0.21, U 0.29.
std::vector<std::string> utrs(std::size_t count, std::size_t length) {
    std::mt19937 rng(1);
    std::discrete_distribution<int> pick({29, 21, 21, 29});
    std::vector<std::string> out(count, std::string(length, 'A'));
    for (auto& s : out)
        for (auto& c : s) c = "ACGU"[pick(rng)];
    return out;
}

void accessibility(benchmark::State& state) {
    const auto seqs = utrs(8, static_cast<std::size_t>(state.range(0)));
    plfold_options options;
    options.window = static_cast<int>(state.range(1));
    options.max_span = static_cast<int>(state.range(2));
    plfold fold(turner2004(), options);
    double sum = 0;
    std::size_t k = 0, nt = 0;
    for (auto _ : state) {
        const auto& s = seqs[k++ % seqs.size()];
        fold.run(s, [&](std::size_t, const double* p, int count) { sum += p[count - 1]; });
        nt += s.size();
    }
    benchmark::DoNotOptimize(sum);
    state.counters["nt/s"] = benchmark::Counter(static_cast<double>(nt), benchmark::Counter::kIsRate);
}

}  // namespace

BENCHMARK(accessibility)->Args({2000, 80, 40})->Args({2000, 150, 100})->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
