#include "io/utr_index_builder.hpp"

#include <limits>

#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/info.h>

#include "core/pipeline.hpp"
#include "core/text.hpp"
#include "mirhit/version.hpp"
#include "reference/gene_aliases.hpp"
#include "scoring/target_abundance.hpp"

namespace mirhit::io {

namespace {

struct folded_record {
    std::shared_ptr<const record_header> record;
    std::vector<std::string> symbols;
    std::string seq;
    std::vector<double> values;
};

struct folded_batch {
    std::vector<folded_record> records;
    scoring::site_abundance_counter given{false}, both{true};
};

// Per position, the probabilities of the utr_index_stretches ending there, NaN where the fold
// has none (a stretch longer than the position or than the effective u): what site_unpaired reads.
std::vector<double> stretch_values(scoring::plfold& fold, std::string_view seq) {
    constexpr std::size_t k = utr_index_stretches.size();
    std::vector<double> values(seq.size() * k, std::numeric_limits<double>::quiet_NaN());
    fold.run(seq, [&](std::size_t pos, const double* p, int count) {
        for (std::size_t s = 0; s < k; ++s)
            if (utr_index_stretches[s] <= count) values[(pos - 1) * k + s] = p[utr_index_stretches[s] - 1];
    });
    return values;
}

std::vector<std::string> gene_symbols(const std::string& gene) {
    std::vector<std::string> out;
    for (const auto& s : reference::resolve_gene(gene).symbols) out.push_back(upper(s));
    return out;
}

}  // namespace

utr_index_model index_model(const scoring::plfold_options& access, const scoring::energy_choice& energy) {
    return {static_cast<std::uint32_t>(access.window), static_cast<std::uint32_t>(access.max_span),
            static_cast<std::uint32_t>(access.max_unpaired), energy_params_hash(energy.params()), energy.source(), version};
}

void build_utr_index(const utr_index_build& build, const std::function<bool(std::vector<sequence_piece>&)>& read,
                     const std::function<void(std::uint64_t records, std::uint64_t nt)>& progress) {
    const scoring::energy_choice energy(build.energy_params_file);
    utr_index_writer writer(build.output, index_model(build.access, energy), build.sources);
    oneapi::tbb::enumerable_thread_specific<scoring::plfold> folds([&] { return scoring::plfold(energy.params(), build.access); });
    scoring::site_abundance_counter given(false), both(true);
    std::uint64_t records = 0, nt = 0;
    const std::size_t live_batches = 2 * static_cast<std::size_t>(oneapi::tbb::info::default_concurrency()) + 2;
    run_ordered_pipeline<std::vector<sequence_piece>>(
        live_batches, [&](std::vector<sequence_piece>& pieces) { return read(pieces); },
        [&](std::vector<sequence_piece>& pieces) {
            folded_batch out;
            for (auto& p : pieces) {
                out.given.add(p.seq);
                out.both.add(p.seq);
                auto values = stretch_values(folds.local(), p.seq);
                out.records.push_back({p.record, gene_symbols(p.record->gene), std::move(p.seq), std::move(values)});
            }
            return out;
        },
        [&](const folded_batch& batch) {
            given.merge(batch.given);
            both.merge(batch.both);
            for (const auto& r : batch.records) {
                writer.add(*r.record, r.symbols, r.seq, r.values);
                ++records;
                nt += r.seq.size();
            }
            progress(records, nt);
        });
    if (records == 0) throw input_error(join(build.sources, ", ") + ": no records to index");
    utr_index_abundance counts;
    for (std::uint32_t s = 0; s < scoring::seed_code_count; ++s) {
        counts.sites.push_back(given.sites(s));
        counts.sites_both.push_back(both.sites(s));
    }
    counts.nucleotides = given.nucleotides();
    counts.nucleotides_both = both.nucleotides();
    writer.finish(counts);
}

}  // namespace mirhit::io
