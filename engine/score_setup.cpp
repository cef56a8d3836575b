#include "engine/score_setup.hpp"

#include <algorithm>
#include <atomic>
#include <iostream>

#include "core/error.hpp"
#include "core/text.hpp"
#include "io/targetscan_files.hpp"
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
    if (auto pct = load_conservation(options, mirnas); !pct.empty())
        used.push_back(std::move(pct));
    else
        left_out.emplace_back("PCT (no --pct or --alignments)");
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

namespace {

// The miR families whose sites get BL and PCT: --mirna-families, else every scanned seed family
// annotated in every species of the alignments (its id the seed).
targetscan70::family_table alignment_families(const score_options& options, const mirna_set& mirnas, std::string& source) {
    if (!options.mirna_families_file.empty()) {
        source = "the families of " + options.mirna_families_file;
        return io::read_targetscan_families(options.mirna_families_file);
    }
    const auto species = io::alignment_species(options.alignments_file);
    if (species.empty()) throw input_error(options.alignments_file + ": no species rows (only consensus rows, species 0)");
    targetscan70::family_table families;
    for (const auto& family : mirnas.families())
        if (family.seed.find_first_not_of("ACGU") == std::string::npos) families.add(family.seed, family.seed, join(species, ";"));
    source = "each scanned seed family annotated in all " + std::to_string(species.size()) + " species of the alignments";
    return families;
}

void warn_without_species(const score_options& options, const io::aligned_conservation& aligned) {
    const auto& genes = aligned.without_species;
    if (genes.empty()) return;
    const std::vector<std::string> first(genes.begin(), genes.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(genes.size(), 3)));
    std::cerr << "mirhit: warning: " << options.alignments_file << ": " << genes.size() << " of " << aligned.genes
              << " genes have no letters of species " << options.pct_species << " (" << join(first, ", ")
              << (genes.size() > first.size() ? ", ..." : "") << "): no UTR and no BL or PCT from them\n";
}

}  // namespace

std::string score_setup::load_conservation(const score_options& options, const mirna_set& mirnas) {
    const std::string& species = options.pct_species;
    std::string term;
    if (!options.pct_file.empty()) {
        conservation_ = io::read_conservation(io::byte_source::open(options.pct_file), species);
        term = "PCT (sites in " + options.pct_file + ", species " + species + ")";
        conservation_description_ = "bl, pct: species " + species + " rows of " + options.pct_file +
                                    " (TargetScan 7's BL_PCT output), as written there; NA: no row for the site";
    } else if (!options.alignments_file.empty()) {
        const auto model = io::load_pct_model({options.pct_params, false, 0});
        std::string families_source;
        const auto families = alignment_families(options, mirnas, families_source);
        auto aligned = io::conservation_from_alignments(options.alignments_file, families, model, species);
        warn_without_species(options, aligned);
        conservation_ = std::move(aligned.sites);
        aligned_utrs_ = std::move(aligned.utrs);
        term = "PCT (computed from " + options.alignments_file + ", species " + species + ")";
        conservation_description_ =
            "bl, pct: branch length and PCT (Friedman et al. 2008) of species " + species + " sites, computed from " +
            options.alignments_file + " as TargetScan 7's targetscan_70, BL_bins and BL_PCT scripts compute them (trees and "
            "coefficients of " + options.pct_params + "; families: " + families_source + "), written as in their BL_PCT "
            "output; NA: no TargetScan site there";
    }
    pct_ = io::pct_values(conservation_);
    return term;
}

const std::unordered_map<std::uint64_t, io::site_conservation_text>* score_setup::conservation_of(const std::string& utr_id) const {
    const auto it = conservation_.find(utr_id);
    return it == conservation_.end() ? nullptr : &it->second;
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
