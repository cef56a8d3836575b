#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/targetscan70.hpp"
#include "scoring/phylo_tree.hpp"

// Branch lengths (BL) and probabilities of conserved targeting (PCT, Friedman et al. 2008) as
// TargetScan 7's targetscan_70_BL_bins.pl and targetscan_70_BL_PCT.pl compute and write them; the
// trees and PCT coefficients are TargetScan's PCT_parameters files, read by the io layer.
namespace mirhit::targetscan_pct {

// The species whose UTR positions the bins count, and the default species of a site.
inline constexpr std::string_view reference_species = "9606";

// The 84 NCBI taxonomy ids TargetScan 7's scripts look up in their trees; other labels are not used.
bool is_targetscan7_species(std::string_view species);

// A tree with species looked up as the originals do: only TargetScan 7's species, or (all_labels,
// --fixed) every labelled node.
class species_tree {
public:
    species_tree(scoring::phylo_tree tree, bool all_labels) : tree_(std::move(tree)), all_labels_(all_labels) {}
    // The species' node, or phylo_tree::none when it is not used.
    std::int32_t node(std::string_view species) const;
    const scoring::phylo_tree& tree() const { return tree_; }

private:
    scoring::phylo_tree tree_;
    bool all_labels_;
};

// ---- targetscan_70_BL_bins.pl ----

struct aligned_utr {
    std::string species;
    std::string alignment;
};

struct utr_conservation {
    std::optional<double> median;  // none when no human position is aligned: the original's empty field
    int bin = 1;                   // 1-10
};

// The median, over the human UTR's non-gap columns, of the BL (on the generic tree) of the species
// with the human letter (ignoring case) in that column, and its bin. `rows` are the gene's lines
// in file order; a species given twice counts with its last alignment, as in the original.
utr_conservation utr_branch_length(const species_tree& generic, const std::vector<aligned_utr>& rows);
// The bin (1-10) of a median BL by TargetScan 7's thresholds; bin 1 without a median.
int conservation_bin(std::optional<double> median);
// A number as Perl prints it (%.15g).
std::string perl_number(double value);

// ---- targetscan_70_BL_PCT.pl ----

using site_type = targetscan70::site_type;

// The coefficients b0-b3 of PCT = b0 + b1 / (1 + e^(-b2 BL + b3)) for one seed and site type.
using pct_coefficients = std::array<double, 4>;

class pct_table {
public:
    // From the 8mer, 7mer-m8 and 7mer-1a parameter files.
    void add(std::string_view seed, site_type type, const pct_coefficients& b);
    bool has(std::string_view seed) const { return seeds_.contains(std::string(seed)); }
    // Coefficients of a seed and site type; all 0 when the files do not give them (as the original).
    pct_coefficients find(std::string_view seed, site_type type) const;

private:
    std::unordered_map<std::string, std::array<std::optional<pct_coefficients>, 3>> seeds_;
};

// One site's values as the original writes them in its last three columns.
struct site_conservation {
    std::string branch_length;  // "0" for a site in one species, else %.4f
    std::string pct;            // %.4f, "0.0", or "NA" (no PCT for the family, or a masked site)
    bool conserved = false;     // BL at or above the site type's threshold (never for 6mers)
    bool missing_coefficients = false;  // the seed has PCT but not for this site type (PCT from 0s)
};

// The BL of a site on its bin's tree from the species having it (the original's space-separated
// list, the site's group's species with its type), and the PCT when `seed` (nt 2-8 as in the PCT
// files) has PCT parameters and the site is not masked (overlaps no ORF). The BL climbs from the
// list's first species, as the original does.
site_conservation conserve_site(const species_tree& bin_tree, const pct_table& pct, std::optional<std::string_view> seed,
                                site_type type, std::string_view species_list, bool masked);

// Whether the list names more than one species (else BL is 0 without a tree).
bool several_species(std::string_view species_list);

// ---- in-process: both scripts for the sites of one aligned gene ----

// Everything the two scripts read from PCT_parameters (io::load_pct_model reads it).
struct pct_model {
    std::vector<species_tree> trees;  // trees[0]: Tree.generic.txt; trees[b]: Tree.bin_b (1-10)
    pct_table pct;
};

// The bin of an aligned gene (as targetscan-bl-bins) and, for each row of its targetscan70
// result (same order), the BL, PCT and conservation targetscan-bl-pct writes for it: the species
// list is the row's group's species with its site type (else the group's species), the seed the
// family's, and a site overlapping the ORF is masked.
struct gene_conservation {
    utr_conservation utr;
    std::vector<site_conservation> sites;
};
gene_conservation conserve_gene(const pct_model& model, const targetscan70::family_table& families,
                                const targetscan70::gene_set& gene, const targetscan70::gene_result& result);

}  // namespace mirhit::targetscan_pct
