#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/mirna.hpp"
#include "core/site.hpp"
#include "scoring/accessibility.hpp"
#include "scoring/target_abundance.hpp"

namespace mirhit::scoring {

// The terms of a context++ score as mirhit reports them: the site-type intercept, then one term
// per feature. Identity features (miRNA nt 1 and 8, the UTR nt 5' of the site) are one term each
// whose raw value is the nucleotide and whose contribution is that of its indicator.
enum class term : std::uint8_t {
    site_type,
    three_prime_pairing,
    local_au,
    min_dist,
    utr_length,
    orf_length,
    orf_8mers,
    offset_6mers,
    accessibility,
    target_abundance,
    seed_stability,
    pct,
    mirna_nt1,
    mirna_nt8,
    site_nt8,
};
inline constexpr std::size_t term_count = 15;
inline constexpr std::array<std::string_view, term_count> term_names = {
    "intercept", "3P_score", "Local_AU", "Min_dist", "Len_3UTR", "Len_ORF", "ORF8m", "Off6m",
    "SA", "TA_3UTR", "SPS", "PCT", "sRNA1", "sRNA8", "Site8"};

struct term_value {
    double raw = 0;           // for identity terms: the nucleotide letter's code in `letter`
    double contribution = 0;  // 0 when the term is not available
    char letter = 0;          // identity terms: A, C, G or U; 0 for numeric terms
    bool available = false;   // false: an optional input is missing; the term is left out
};

struct site_score {
    std::array<term_value, term_count> terms;
    double score = 0;  // rounded to 3 dp and capped, as TargetScan 7
};

// Isoform ratios of one UTR in TargetScan's AIR format: the regions [start, end] (1-based) and the
// percentage of the gene's transcripts whose 3'UTR reaches each.
struct air_region {
    std::uint64_t start, end;
    double air;  // 0-1
};

// nt opened for SA: 14 ending opposite miRNA nt 1 (Agarwal et al. 2015).
inline constexpr int sa_length = 14;
// nt opened for dG_open (scan --score access): those opposite miRNA nt 1-8.
inline constexpr int open_length = 8;

// Unpaired probabilities stored per position (a mirhit index, io/utr_index.hpp) instead of
// folded: for each position, in this order, those of the stretches of these lengths ending there,
// exactly as plfold computes them; NaN where it has none.
inline constexpr std::array<int, 2> stored_stretches = {open_length, sa_length};
struct stored_unpaired {
    std::span<const double> values{};  // stored_stretches.size() per position; empty: none stored
};

// What the scorer knows of one UTR beyond its sequence.
struct utr_inputs {
    std::optional<std::uint64_t> orf_length;
    std::span<const air_region> isoforms;  // empty: no isoform data
    // PCT by site (key start << 3 | site type); null: none for this UTR. A site not in it has no PCT.
    const std::unordered_map<std::uint64_t, double>* pct = nullptr;
    // Unpaired probabilities of the UTR (accessibility.hpp) for SA, folded or stored (stored ones
    // are used when given); neither: SA left out.
    const unpaired_table* unpaired = nullptr;
    stored_unpaired stored{};
};

// The 1-based UTR position opposite miRNA nt 1 for a site whose last (3'-most) nt is `last`: the
// site's own last nt for 8mer and 7mer-A1 sites, one further 3' for 7mer-m8 and 6mer sites (which
// end opposite nt 2), two for offset 6mers (nt 3).
std::uint64_t opposite_mirna_nt1(site_type type, std::uint64_t last);

// The probability that the `length` nt ending opposite miRNA nt 1 are unpaired, or nullopt when
// they leave the UTR or the table stops short of that length.
std::optional<double> site_unpaired(const unpaired_table& unpaired, site_type type, std::uint64_t last, int length);
// The same from stored values (length one of stored_stretches), equal to the folded table's.
std::optional<double> site_unpaired(const stored_unpaired& stored, site_type type, std::uint64_t last, int length);
// From the stored values when there are any, else from the table (null: none).
std::optional<double> site_unpaired(const unpaired_table* table, const stored_unpaired& stored, site_type type, std::uint64_t last,
                                    int length);

// The rows of the unpaired table that site_unpaired reads for these sites (positions opposite
// miRNA nt 1): give them to plfold::unpaired(sequence, positions) to fold only around the sites.
std::vector<std::size_t> unpaired_rows(std::span<const family_site> sites);

// The 3P_score of three_prime_pairing_of (context_features.hpp) without its pairing diagram, for
// scanning: the same alignment, no strings built.
double three_prime_score(std::string_view utr, std::size_t start, site_type type, std::string_view mirna);

// The AIR of a site ending at site_end (1-based): that of the isoform region holding it, else of
// the nearest region (TargetScan's rule for rounding slips), at least 0.0001; 1 without regions.
double air_of_site(std::span<const air_region> isoforms, std::uint64_t site_end);

// Scores sites with the context++ model from sequence: every term, SA (site accessibility) when
// unpaired probabilities are given; the ORF terms only when an ORF is given, PCT only for sites
// in a BL_PCT file. A term without its input is left out (contribution 0, reported as NA) instead of
// entering as raw 0, which the reference does and which shifts scores by up to 0.6. Scaled
// features are clamped to [0, 1] as in the authors' model (TargetScan's script does not clamp).
class context_scorer {
public:
    // mirnas: the run's miRNAs; ta: TA by seed code (target_abundance.hpp).
    context_scorer(const mirna_set& mirnas, const ta_values& ta);

    // Scores the sites of one UTR for every member miRNA of each site's family. sites: every site
    // of the UTR, all five types (offset 6mers are counted for Off6m), in position order.
    // orf_8mers: 8mer sites in the ORF per seed family (empty without an ORF).
    // out[k] is the score of the k-th (site, member) pair in that order; nullopt for offset 6mers
    // and for sites starting in the first 15 nt (too close to the stop codon to be scored).
    void score(std::string_view utr, std::span<const family_site> sites, const utr_inputs& inputs,
               std::span<const std::uint32_t> orf_8mers, std::vector<std::optional<site_score>>& out) const;

private:
    const mirna_set& mirnas_;
    std::vector<double> ta_by_family_;
    std::vector<std::array<double, 2>> sps_by_family_;  // 8mer/7mer-m8, 7mer-A1/6mer
};

}  // namespace mirhit::scoring
