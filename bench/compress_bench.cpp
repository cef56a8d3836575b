// gzip output: ISA-L's igzip (io::gzip_member, what mirhit writes .gz with) against Boost.Iostreams'
// zlib filter at its default level 6, on 4 MB of scan-like TSV rows; bytes/s and output sizes.
#include <benchmark/benchmark.h>

#include <boost/iostreams/device/back_inserter.hpp>
#include <boost/iostreams/filter/gzip.hpp>
#include <boost/iostreams/filtering_stream.hpp>
#include <random>
#include <string>

#include "io/atomic_output.hpp"

namespace {

const std::string& scan_rows() {
    static const std::string text = [] {
        std::mt19937 rng(1);
        std::uniform_int_distribution<int> utr(1, 5000), mirna(1, 2656), start(1, 4000), type(0, 4);
        const char* types[] = {"8mer", "7mer-m8", "7mer-A1", "6mer", "offset-6mer"};
        std::string s;
        while (s.size() < (4u << 20)) {
            const int at = start(rng);
            s += "NM_" + std::to_string(100000 + utr(rng)) + "\tGENE" + std::to_string(utr(rng) % 900) + "\thsa-miR-" +
                 std::to_string(mirna(rng)) + "-5p\tAGCUUAU\t" + types[type(rng)] + '\t' + std::to_string(at) + '\t' +
                 std::to_string(at + 7) + "\t+\tAUAAGCUA\t0\n";
        }
        return s;
    }();
    return text;
}

void isal_gzip_member(benchmark::State& state) {
    std::size_t size = 0;
    for (auto _ : state) size = mirhit::io::gzip_member(scan_rows()).size();
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * scan_rows().size()));
    state.counters["ratio"] = static_cast<double>(scan_rows().size()) / static_cast<double>(size);
}

void boost_zlib_level6(benchmark::State& state) {
    std::size_t size = 0;
    for (auto _ : state) {
        std::string member;
        boost::iostreams::filtering_ostream out;
        out.push(boost::iostreams::gzip_compressor(boost::iostreams::gzip_params(6), 1 << 16));
        out.push(boost::iostreams::back_inserter(member));
        out.write(scan_rows().data(), static_cast<std::streamsize>(scan_rows().size()));
        out.reset();
        size = member.size();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * scan_rows().size()));
    state.counters["ratio"] = static_cast<double>(scan_rows().size()) / static_cast<double>(size);
}

}  // namespace

BENCHMARK(isal_gzip_member)->Unit(benchmark::kMillisecond);
BENCHMARK(boost_zlib_level6)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
