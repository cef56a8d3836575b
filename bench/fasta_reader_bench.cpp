// FASTA reading, SeqAn3 against mirhit's own streaming reader, on the same in-memory UTR set
// (2,000 records of 2,000 nt in 60-letter lines, 3'UTR composition): bytes/s of each.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "io/fasta_reader.hpp"
#include "io/seqan_records.hpp"

namespace {

using namespace mirhit;

const std::string& utr_fasta() {
    static const std::string text = [] {
        std::mt19937 rng(1);
        std::discrete_distribution<int> pick({29, 21, 21, 29});
        std::string s;
        for (int r = 0; r < 2000; ++r) {
            s += ">UTR" + std::to_string(r) + " gene=G" + std::to_string(r) + "\n";
            for (int i = 0; i < 2000; ++i) {
                s += "ACGT"[pick(rng)];
                if (i % 60 == 59) s += '\n';
            }
            s += '\n';
        }
        return s;
    }();
    return text;
}

void seqan3_reader(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(io::read_fasta_records(utr_fasta(), "mem"));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * utr_fasta().size()));
}

void mirhit_reader(benchmark::State& state) {
    for (auto _ : state) {
        io::fasta_reader reader(io::byte_source::from_memory("mem", utr_fasta()), 0);
        reader.keep_records_whole();
        std::vector<io::sequence_piece> pieces;
        while (reader.read_batch(pieces, 1u << 20)) pieces.clear();
        benchmark::DoNotOptimize(reader.records());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * utr_fasta().size()));
}

BENCHMARK(seqan3_reader)->Unit(benchmark::kMillisecond);
BENCHMARK(mirhit_reader)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
