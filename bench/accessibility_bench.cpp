// RNAplfold-model accessibility (scoring/accessibility.hpp) throughput in nt/s on one thread, the
// fold of today against the one before the vectorised rewrite (bench/accessibility_reference.cpp)
// on the same sequences: unpaired probabilities for u = 1..20 of generated 2 kb 3'UTR-like
// sequences with TargetScan's settings (W 80, pairs j - i <= 40) and with a larger model.
// After the benchmarks it prints the speed-up (CPU time, old / new) measured in the same run.
// RNAplfold 2.7.1 does about 4,500-5,800 nt/s here.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <string>
#include <vector>

#include "bench/accessibility_reference.hpp"
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

plfold_options model(int window, int span) {
    plfold_options options;
    options.window = window;
    options.max_span = span;
    return options;
}

template <class fold_type>
void accessibility(benchmark::State& state) {
    const auto seqs = utrs(8, static_cast<std::size_t>(state.range(0)));
    fold_type fold(turner2004(), model(static_cast<int>(state.range(1)), static_cast<int>(state.range(2))));
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

double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

// CPU seconds of `rounds` passes over the sequences.
template <class fold_type>
double cpu_time_of(const std::vector<std::string>& seqs, const plfold_options& options, int rounds) {
    fold_type fold(turner2004(), options);
    double sum = 0;
    const double start = cpu_seconds();
    for (int r = 0; r < rounds; ++r)
        for (const auto& s : seqs) fold.run(s, [&](std::size_t, const double* p, int count) { sum += p[count - 1]; });
    benchmark::DoNotOptimize(sum);
    return cpu_seconds() - start;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t h = v.size() / 2;
    return v.size() % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
}

// Old and new interleaved, `rounds` rounds (old first in even rounds, new first in odd ones), so
// that load on the machine hits both alike; the median of the per-round ratios and throughputs.
void print_speed_up(int window, int span, int rounds) {
    const auto seqs = utrs(8, 2000);
    const auto options = model(window, span);
    std::vector<double> old_rate, new_rate, ratio;
    const double nt = 8.0 * 2000;
    for (int round = 0; round < rounds; ++round) {
        double old_s = 0, new_s = 0;
        if (round % 2) new_s = cpu_time_of<plfold>(seqs, options, 1);
        old_s = cpu_time_of<mirhit::plfold_reference::plfold>(seqs, options, 1);
        if (round % 2 == 0) new_s = cpu_time_of<plfold>(seqs, options, 1);
        old_rate.push_back(nt / old_s);
        new_rate.push_back(nt / new_s);
        ratio.push_back(old_s / new_s);
    }
    std::printf("W %d span %d: old %.0f nt/CPU-s, new %.0f nt/CPU-s, speed-up %.2fx (median of %d interleaved rounds; %.2f-%.2fx)\n",
                window, span, median(old_rate), median(new_rate), median(ratio), rounds, *std::min_element(ratio.begin(), ratio.end()),
                *std::max_element(ratio.begin(), ratio.end()));
}

}  // namespace

BENCHMARK_TEMPLATE(accessibility, plfold)->Name("new")->Args({2000, 80, 40})->Args({2000, 150, 100})->Unit(benchmark::kMillisecond);
BENCHMARK_TEMPLATE(accessibility, mirhit::plfold_reference::plfold)
    ->Name("old")
    ->Args({2000, 80, 40})
    ->Args({2000, 150, 100})
    ->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    print_speed_up(80, 40, 9);
    print_speed_up(150, 100, 5);
    return 0;
}
