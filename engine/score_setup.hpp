#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "core/mirna.hpp"
#include "core/scan_kernel.hpp"
#include "io/score_inputs.hpp"
#include "io/targetscan_pct_files.hpp"
#include "scoring/accessibility.hpp"
#include "scoring/context_score.hpp"

namespace mirhit::engine {

// The optional inputs of context++ scoring, as given on the command line (empty: not given).
struct score_options {
    std::string ta_file, orf_file, isoforms_file, pct_file;
    std::string pct_species = "9606";  // the species of --pct rows, and the reference species of --alignments
    // --alignments: BL and PCT computed from TargetScan's aligned UTRs instead of read from --pct,
    // with TargetScan's PCT_parameters directory and miR family file (empty: every scanned seed
    // family annotated in every species of the alignments).
    std::string alignments_file, pct_params = "PCT_parameters", mirna_families_file;

    // BL and PCT given (--pct or --alignments): the sites get bl and pct columns.
    bool conservation() const { return !pct_file.empty() || !alignments_file.empty(); }
};

// What context++ scoring needs beyond the UTRs: TA, ORFs, isoform ratios, PCT, loaded once; and
// the sites' BL and PCT for their columns.
class score_setup {
public:
    // accessibility: the SA term is computed (the caller passes unpaired probabilities).
    score_setup(const score_options& options, const mirna_set& mirnas, bool accessibility = false);

    // The BL and PCT of a UTR's sites by io::pct_key (null: none for this UTR).
    const std::unordered_map<std::uint64_t, io::site_conservation_text>* conservation_of(const std::string& utr_id) const;
    // Where BL and PCT come from (the '## conservation:' line); empty without them.
    const std::string& conservation_description() const { return conservation_description_; }
    // With --alignments: the reference species' UTRs (the input when no UTR files are given).
    const std::vector<io::reference_utr>& aligned_utrs() const { return aligned_utrs_; }

    const scoring::ta_values& ta() const;
    // The '## score:' line: terms used and left out, and where their inputs come from.
    const std::string& description() const { return description_; }
    // The inputs of one UTR; orf_8mers gets the 8mer sites per seed family in its ORF (empty
    // without one). scratch is reused between calls.
    void inputs_for(const std::string& utr_id, scoring::utr_inputs& inputs, std::vector<std::uint32_t>& orf_8mers,
                    std::vector<family_site>& scratch) const;

private:
    // Reads --pct or computes --alignments; returns the PCT term's entry for the '## score:' line.
    std::string load_conservation(const score_options& options, const mirna_set& mirnas);

    std::optional<scoring::ta_values> ta_from_file_;
    io::orf_table orfs_;
    std::unique_ptr<seed_index> orf_index_;  // 8mers only
    io::isoform_table isoforms_;
    io::conservation_table conservation_;
    io::pct_table pct_;
    std::vector<io::reference_utr> aligned_utrs_;
    std::string conservation_description_;
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
