#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/mirna.hpp"
#include "core/scan_kernel.hpp"
#include "io/score_inputs.hpp"
#include "scoring/accessibility.hpp"
#include "scoring/context_score.hpp"

namespace mirhit::engine {

// The optional inputs of context++ scoring, as given on the command line (empty: not given).
struct score_options {
    std::string ta_file, orf_file, isoforms_file, pct_file;
    std::string pct_species = "9606";
};

// What context++ scoring needs beyond the UTRs: TA, ORFs, isoform ratios, PCT, loaded once.
class score_setup {
public:
    // accessibility: the SA term is computed (the caller passes unpaired probabilities).
    score_setup(const score_options& options, const mirna_set& mirnas, bool accessibility = false);

    const scoring::ta_values& ta() const;
    // The '## score:' line: terms used and left out, and where their inputs come from.
    const std::string& description() const { return description_; }
    // The inputs of one UTR; orf_8mers gets the 8mer sites per seed family in its ORF (empty
    // without one). scratch is reused between calls.
    void inputs_for(const std::string& utr_id, scoring::utr_inputs& inputs, std::vector<std::uint32_t>& orf_8mers,
                    std::vector<family_site>& scratch) const;

private:
    std::optional<scoring::ta_values> ta_from_file_;
    io::orf_table orfs_;
    std::unique_ptr<seed_index> orf_index_;  // 8mers only
    io::isoform_table isoforms_;
    io::pct_table pct_;
    std::size_t families_;
    std::string description_;
};

// The unpaired probabilities of one UTR strand around its sites (an empty table without sites).
// scan and validate call it once per strand of a record, with the sites of all their miRNAs
// together, so that a run folds each UTR at most once whatever the number of miRNAs and claims.
scoring::unpaired_table fold_around_sites(scoring::plfold& fold, std::string_view seq, std::span<const family_site> sites);

// What fold_around_sites has folded in this process: sequences and their nucleotides (for tests).
struct fold_tally {
    std::uint64_t sequences = 0;
    std::uint64_t nucleotides = 0;
};
fold_tally folds_done();

}  // namespace mirhit::engine
