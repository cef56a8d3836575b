// miRNA-target duplex folding throughput (duplexes/s, one thread): 22-nt miRNAs against 40-nt
// windows of 3'UTR-like sequence, the shape of `mirhit scan --score duplex`. RNAduplex (ViennaRNA
// 2.7.1) does about 1,340 of these per second here.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "scoring/duplex.hpp"

namespace {

using namespace mirhit;

// The first 22 nt of ten human miRNAs (let-7a-5p, miR-103a-3p, -105-5p, -155-5p, -19a-3p,
// -200c-3p, -21-5p, -23b-3p, -29a-3p, -9-5p) and 1,000 random 40-nt windows (A 0.29, C 0.21,
// G 0.21, U 0.29).
const std::vector<std::string> mirnas = {
    "UGAGGUAGUAGGUUGUAUAGUU", "AGCAGCAUUGUACAGGGCUAUG", "UCAAAUGCUCAGACUCCUGUGG", "UUAAUGCUAAUCGUGAUAGGGG",
    "UGUGCAAAUCUAUGCAAAACUG", "UAAUACUGCCGGGUAAUGAUGG", "UAGCUUAUCAGACUGAUGUUGA", "AUCACAUUGCCAGGGAUUACCA",
    "UAGCACCAUCUGAAAUCGGUUA", "UCUUUGGUUAUCUAGCUGUAUG",
};

const std::vector<std::string>& windows() {
    static const std::vector<std::string> w = [] {
        std::mt19937 rng(1);
        std::discrete_distribution<int> pick({29, 21, 21, 29});
        std::vector<std::string> out(1000, std::string(40, 'A'));
        for (auto& s : out)
            for (auto& c : s) c = "ACGU"[pick(rng)];
        return out;
    }();
    return w;
}

template <bool with_structure>
void duplex_benchmark(benchmark::State& state) {
    scoring::duplex_folder folder;
    std::size_t done = 0;
    for (auto _ : state) {
        for (const auto& m : mirnas)
            for (const auto& w : windows()) {
                if constexpr (with_structure) benchmark::DoNotOptimize(folder.fold(m, w));
                else benchmark::DoNotOptimize(folder.energy(m, w));
            }
        done += mirnas.size() * windows().size();
    }
    state.counters["duplexes/s"] = benchmark::Counter(static_cast<double>(done), benchmark::Counter::kIsRate);
}

void BM_duplex_energy_22x40(benchmark::State& state) { duplex_benchmark<false>(state); }
BENCHMARK(BM_duplex_energy_22x40)->Unit(benchmark::kMillisecond);

void BM_duplex_fold_22x40(benchmark::State& state) { duplex_benchmark<true>(state); }
BENCHMARK(BM_duplex_fold_22x40)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
