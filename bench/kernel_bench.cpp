// Scan kernel throughput (bytes/s, sites/s) with few and with all human miRNAs, beside zlib
// inflating the same sequence: the kernel with few miRNAs should be at least as fast as the
// decompression that feeds it.
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/scan_kernel.hpp"
#include "io/mirna_reader.hpp"
#include "reference/builtin_mirnas.hpp"

namespace {

using namespace mirhit;

constexpr std::size_t sequence_length = 4u << 20;

// 3'UTR-like composition: A 0.29, C 0.21, G 0.21, U 0.29.
const std::string& utr_sequence() {
    static const std::string seq = [] {
        std::mt19937 rng(1);
        std::discrete_distribution<int> pick({29, 21, 21, 29});
        std::string s(sequence_length, 'A');
        for (auto& c : s) c = "ACGT"[pick(rng)];
        return s;
    }();
    return seq;
}

const mirna_set& human_mirnas() {
    static const mirna_set set =
        io::read_mirnas(io::byte_source::from_memory("built-in", reference::builtin_mirna_fasta()));
    return set;
}

mirna_set first_mirnas(std::size_t n) {
    mirna_set set;
    for (std::size_t i = 0; i < n; ++i) {
        const auto& m = human_mirnas().mirnas()[i];
        set.add(m.name, m.accession, m.sequence);
    }
    return set;
}

void scan_benchmark(benchmark::State& state, const mirna_set& mirnas, site_type_set types = site_type_set::all()) {
    const auto& seq = utr_sequence();
    seed_index index(mirnas.families(), types, mirnas.mirnas());
    std::vector<family_site> sites;
    std::size_t found = 0;
    for (auto _ : state) {
        sites.clear();
        scan_piece(index, seq, 0, owned_starts(0, 0, seq.size(), true), sites);
        found += sites.size();
        benchmark::DoNotOptimize(sites.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * seq.size()));
    state.counters["sites/s"] = benchmark::Counter(static_cast<double>(found), benchmark::Counter::kIsRate);
    state.counters["families"] = static_cast<double>(mirnas.families().size());
}

void BM_scan_few_mirnas(benchmark::State& state) {
    scan_benchmark(state, first_mirnas(static_cast<std::size_t>(state.range(0))));
}
BENCHMARK(BM_scan_few_mirnas)->Arg(1)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);

void BM_scan_all_human_mirnas(benchmark::State& state) { scan_benchmark(state, human_mirnas()); }
BENCHMARK(BM_scan_all_human_mirnas)->Unit(benchmark::kMillisecond);

// The same with the non-canonical classes too (--sites all): one pass, more k-mers per family.
void BM_scan_all_human_mirnas_all_classes(benchmark::State& state) {
    scan_benchmark(state, human_mirnas(), site_type_set::every());
}
BENCHMARK(BM_scan_all_human_mirnas_all_classes)->Unit(benchmark::kMillisecond);

// The genome-scale question: 8mer and 7mer sites of all human miRNAs on both strands, with the
// general kernel (forward pass, reverse-complement pass, sort) and with the 7-mer fast path.
site_type_set eight_and_seven() {
    site_type_set types;
    for (auto t : {site_type::eight_mer, site_type::seven_mer_m8, site_type::seven_mer_a1}) types.insert(t);
    return types;
}

template <class Scan>
void both_strands_benchmark(benchmark::State& state, Scan&& scan) {
    const auto& seq = utr_sequence();
    const auto owned = owned_starts(0, 0, seq.size(), true);
    std::vector<family_site> sites;
    std::size_t found = 0;
    for (auto _ : state) {
        sites.clear();
        scan(seq, owned, sites);
        found += sites.size();
        benchmark::DoNotOptimize(sites.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * seq.size()));
    state.counters["sites/s"] = benchmark::Counter(static_cast<double>(found), benchmark::Counter::kIsRate);
}

void BM_both_strands_8mer_7mer_general(benchmark::State& state) {
    const seed_index index(human_mirnas().families(), eight_and_seven());
    std::string scratch;
    both_strands_benchmark(state, [&](const std::string& seq, owned_range owned, std::vector<family_site>& sites) {
        scan_piece(index, seq, 0, owned, sites);
        scan_piece_reverse(index, seq, 0, owned, sites, scratch);
        std::sort(sites.begin(), sites.end());
    });
}
BENCHMARK(BM_both_strands_8mer_7mer_general)->Unit(benchmark::kMillisecond);

void BM_both_strands_8mer_7mer_seven(benchmark::State& state) {
    const seed7_index index(human_mirnas().families(), eight_and_seven(), true);
    both_strands_benchmark(state, [&](const std::string& seq, owned_range owned, std::vector<family_site>& sites) {
        scan_piece_seven(index, seq, 0, owned, sites);
    });
}
BENCHMARK(BM_both_strands_8mer_7mer_seven)->Unit(benchmark::kMillisecond);

// The same question answered as counts per family, strand and type (scan --format counts):
// 8-mers counted, then read off per index entry, one call per 4 MB.
void BM_both_strands_8mer_7mer_count(benchmark::State& state) {
    const auto& seq = utr_sequence();
    const seed7_index index(human_mirnas().families(), eight_and_seven(), true);
    seven_counter counter;
    std::vector<site_count> counts;
    std::uint64_t found = 0;
    for (auto _ : state) {
        counts.clear();
        counter.count(index, seq, 0, owned_starts(0, 0, seq.size(), true), counts);
        for (const auto& c : counts) found += c.count;
        benchmark::DoNotOptimize(counts.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * seq.size()));
    state.counters["sites/s"] = benchmark::Counter(static_cast<double>(found), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_both_strands_8mer_7mer_count)->Unit(benchmark::kMillisecond);

// The same path with few miRNAs: the cost per base without the cost per site.
void BM_both_strands_8mer_7mer_seven_few_mirnas(benchmark::State& state) {
    const auto mirnas = first_mirnas(static_cast<std::size_t>(state.range(0)));
    const seed7_index index(mirnas.families(), eight_and_seven(), true);
    both_strands_benchmark(state, [&](const std::string& seq, owned_range owned, std::vector<family_site>& sites) {
        scan_piece_seven(index, seq, 0, owned, sites);
    });
}
BENCHMARK(BM_both_strands_8mer_7mer_seven_few_mirnas)->Arg(1)->Arg(100)->Unit(benchmark::kMillisecond);

// zlib inflating the same sequence written as 60-nt FASTA lines and gzip-compressed.
void BM_zlib_inflate_same_input(benchmark::State& state) {
    const auto& seq = utr_sequence();
    std::string fasta;
    for (std::size_t i = 0; i < seq.size(); i += 60) fasta += seq.substr(i, 60) + "\n";
    uLongf packed_size = compressBound(fasta.size());
    std::vector<Bytef> packed(packed_size);
    compress2(packed.data(), &packed_size, reinterpret_cast<const Bytef*>(fasta.data()), fasta.size(), 6);
    std::vector<Bytef> out(fasta.size());
    for (auto _ : state) {
        uLongf out_size = out.size();
        uncompress(out.data(), &out_size, packed.data(), packed_size);
        benchmark::DoNotOptimize(out.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * fasta.size()));
}
BENCHMARK(BM_zlib_inflate_same_input)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
