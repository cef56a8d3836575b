#include "engine/score_setup.hpp"

#include <atomic>

#include "core/text.hpp"
#include "io/ta_table.hpp"

namespace mirhit::engine {

score_setup::score_setup(const score_options& options, const mirna_set& mirnas, bool accessibility)
    : families_(mirnas.families().size()) {
    if (!options.ta_file.empty()) ta_from_file_ = io::read_ta_table(io::byte_source::open(options.ta_file));
    std::vector<std::string> used = {"intercept", "3P_score", "Local_AU", "Min_dist", "Len_3UTR", "Off6m", "TA_3UTR",
                                     "SPS", "sRNA1", "sRNA8", "Site8"};
    std::vector<std::string> left_out;
    if (accessibility)
        used.emplace_back("SA");
    else
        left_out.emplace_back("SA (not computed)");
    if (!options.pct_file.empty()) {
        pct_ = io::read_pct(io::byte_source::open(options.pct_file), options.pct_species);
        used.emplace_back("PCT (sites in " + options.pct_file + ", species " + options.pct_species + ")");
    } else {
        left_out.emplace_back("PCT (no --pct)");
    }
    if (!options.orf_file.empty()) {
        orfs_ = io::read_orfs(io::byte_source::open(options.orf_file));
        site_type_set eight;
        eight.insert(site_type::eight_mer);
        orf_index_ = std::make_unique<seed_index>(mirnas.families(), eight);
        used.insert(used.end(), {"Len_ORF", "ORF8m"});
    } else {
        left_out.emplace_back("Len_ORF and ORF8m (no --orf)");
    }
    if (!options.isoforms_file.empty()) isoforms_ = io::read_isoforms(io::byte_source::open(options.isoforms_file));
    description_ = "context++ (Agarwal et al. 2015, eLife 4:e05005); terms: " + join(used, ",") +
                   "; left out (contribution 0, NA): " + join(left_out, "; ") + "; TA: " + ta().source +
                   "; isoforms: " + (options.isoforms_file.empty() ? "none (one isoform per UTR)" : options.isoforms_file);
}

const scoring::ta_values& score_setup::ta() const { return ta_from_file_ ? *ta_from_file_ : io::builtin_ta_values(); }

void score_setup::inputs_for(const std::string& utr_id, scoring::utr_inputs& inputs, std::vector<std::uint32_t>& orf_8mers,
                             std::vector<family_site>& scratch) const {
    inputs = {};
    orf_8mers.clear();
    if (auto orf = orfs_.find(utr_id); orf != orfs_.end()) {
        inputs.orf_length = orf->second.size();
        scratch.clear();
        scan_piece(*orf_index_, orf->second, 0, owned_starts(0, 0, orf->second.size(), true), scratch);
        orf_8mers.assign(families_, 0);
        for (const auto& o : scratch) ++orf_8mers[o.family];
    }
    if (auto iso = isoforms_.find(utr_id); iso != isoforms_.end()) inputs.isoforms = iso->second;
    if (auto pct = pct_.find(utr_id); pct != pct_.end()) inputs.pct = &pct->second;
}

namespace {
std::atomic<std::uint64_t> folded_sequences{0}, folded_nucleotides{0};
}  // namespace

scoring::unpaired_table fold_around_sites(scoring::plfold& fold, std::string_view seq, std::span<const family_site> sites) {
    if (sites.empty()) return {};
    folded_sequences.fetch_add(1, std::memory_order_relaxed);
    folded_nucleotides.fetch_add(seq.size(), std::memory_order_relaxed);
    return fold.unpaired(seq, scoring::unpaired_rows(sites));
}

fold_tally folds_done() { return {folded_sequences.load(), folded_nucleotides.load()}; }

}  // namespace mirhit::engine
