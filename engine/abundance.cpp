#include "engine/abundance.hpp"

#include <cstdio>

#include "core/encoding.hpp"
#include "core/error.hpp"
#include "core/pipeline.hpp"
#include "core/scan_kernel.hpp"
#include "engine/input_progress.hpp"
#include "io/atomic_output.hpp"
#include "io/fasta_reader.hpp"
#include "io/site_writer.hpp"
#include "io/utr_index.hpp"
#include "scoring/target_abundance.hpp"

#include <oneapi/tbb/info.h>

namespace mirhit::engine {

namespace {

// Site counts by seed code and the nucleotides counted.
struct seed_counts {
    std::vector<std::uint64_t> sites;
    std::uint64_t nucleotides = 0;
};

seed_counts count_fasta(const abundance_request& args) {
    scoring::site_abundance_counter total(args.both_strands);
    constexpr std::size_t chunk = 1u << 20;
    const std::size_t live_batches = 2 * static_cast<std::size_t>(oneapi::tbb::info::default_concurrency()) + 2;
    input_progress progress(args.utr_files, "mirhit abundance", progress_mode_for_stderr(args.quiet));
    for (const auto& file : args.utr_files) {
        io::fasta_reader reader(io::byte_source::open(file), site_context);
        run_ordered_pipeline<std::vector<io::sequence_piece>>(
            live_batches,
            [&](std::vector<io::sequence_piece>& pieces) {
                if (!reader.read_batch(pieces, chunk)) return false;
                progress.add(pieces);
                return true;
            },
            [&](std::vector<io::sequence_piece>& pieces) {
                scoring::site_abundance_counter counter(args.both_strands);
                for (const auto& p : pieces) {
                    const auto owned = owned_starts(p.offset, p.overlap, p.seq.size(), p.last);
                    counter.add(p.seq, owned.begin - p.offset, owned.end - p.offset);
                }
                return counter;
            },
            [&](const scoring::site_abundance_counter& counter) { total.merge(counter); });
        progress.next_file();
    }
    progress.finish();
    seed_counts out{std::vector<std::uint64_t>(scoring::seed_code_count), total.nucleotides()};
    for (std::uint32_t s = 0; s < scoring::seed_code_count; ++s) out.sites[s] = total.sites(s);
    return out;
}

}  // namespace

void run_abundance(const abundance_request& args, const std::string& command_line) {
    seed_counts total;
    std::string utrs;
    if (!args.index.empty()) {
        const io::utr_index index(args.index);
        auto stored = index.abundance();
        total = args.both_strands ? seed_counts{std::move(stored.sites_both), stored.nucleotides_both}
                                  : seed_counts{std::move(stored.sites), stored.nucleotides};
        utrs = index.description();
    } else {
        total = count_fasta(args);
        for (const auto& f : args.utr_files) utrs += (utrs.empty() ? "" : " ") + f;
    }
    if (total.nucleotides == 0) throw input_error("no A, C, G, T/U nucleotides in the input: nothing to count");

    io::run_metadata meta{command_line,
                          {{"sequences", utrs},
                           {"strands", args.both_strands ? "both" : "as given"},
                           {"nucleotides", std::to_string(total.nucleotides)},
                           {"ta", "log10((sites + 1) * " + std::to_string(static_cast<long long>(scoring::reference_utrome_length)) +
                                      " / nucleotides); sites = 8mer, 7mer-m8 and 7mer-A1 matches to miRNA nt 2-8"}}};
    io::atomic_output out(args.output);
    out.write(io::format_preamble(io::output_format::tsv, meta));
    out.write("seed\tsites\tta\n");
    const auto ta = scoring::ta_from_counts(total.sites, total.nucleotides);
    std::string line;
    char number[32];
    for (std::uint32_t s = 0; s < scoring::seed_code_count; ++s) {
        line.clear();
        for (int i = 6; i >= 0; --i) line += rna_letter[s >> (2 * i) & 3u];
        std::snprintf(number, sizeof number, "\t%llu\t%.3f\n", static_cast<unsigned long long>(total.sites[s]), ta[s]);
        line += number;
        out.write(line);
    }
    out.commit();
}

}  // namespace mirhit::engine
