#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/site.hpp"
#include "scoring/context_model.hpp"

// Context++ scores exactly as TargetScan 7's targetscan_70_context_scores.pl (v7.02) computes
// and writes them, for `mirhit targetscan-context`; the per-site features are in
// scoring/context_features.hpp. The file layer (io/targetscan_context_files.hpp) fills `inputs`,
// passes the target rows through a `sequencer` in file order and scores them.
namespace mirhit::targetscan_context {

// Malformed input; the file layer adds the file name and line number.
class format_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A value as the reference holds it: text read from a file, or a number it computed.
struct perl_value {
    bool truthy = false;  // Perl's truth: not missing, "" or "0" (a number: not 0)
    bool number = false;  // matches the reference's number pattern
    double value = 0;

    static perl_value text(std::string_view s);
    static perl_value of(double v) { return {v != 0, true, v}; }
};

// The context++ coefficients and scaling bounds: the published ones (scoring/context_model.hpp),
// or the rows of TargetScan's Agarwal_2015_parameters.txt.
class parameters {
public:
    static parameters builtin();
    // An empty table, to be filled from the file's intercept line and feature lines, split into
    // fields (the name first). Empty or missing values are 0, as in the reference; a feature name
    // it does not use is ignored.
    parameters() = default;
    void set_intercepts(const std::vector<std::string_view>& fields);
    void set_feature(const std::vector<std::string_view>& fields);
    // The name of the first feature (or "Intercept") not set yet, or nullptr.
    const char* missing_feature() const;

    // The reference's getAgarwalContribution: coefficient × scaled value, to 3 decimals; "0" for
    // a value that is not a number.
    std::string contribution(scoring::feature f, std::size_t type_index, double raw) const;
    std::string contribution(scoring::feature f, std::size_t type_index, const perl_value& raw) const;
    const std::string& intercept_text(std::size_t type_index) const { return intercept_text_[type_index]; }

private:
    std::array<std::string, scoring::scored_type_count> intercept_text_;
    std::array<scoring::feature_parameters, scoring::feature_count> features_ = scoring::parameters;
    bool intercepts_seen_ = false;
    std::array<bool, scoring::feature_count> seen_{};
};

// TA and SPS of one seed (nt 2-8), as TA_SPS_by_seed_region.txt gives them or as computed.
struct seed_values {
    perl_value sps_seven;  // 8mer and 7mer-m8 sites
    perl_value sps_six;    // 7mer-A1 and 6mer sites
    perl_value ta;
};

// One line of the AIR file, scaled to a species' UTR: the isoform ending at `end` (the key of
// utr_data::isoforms) starts at `start`; AIR in percent as written.
struct isoform {
    std::uint64_t start = 0;
    double air = 0;
    bool truthy = false;  // the AIR's text is not "0"
};

// For SA: the probability that the 14 nt ending at each position (index = position - 1) of a UTR
// are unpaired, from RNAplfold's model with TargetScan's settings (W 80, pairs j - i <= 40); NaN
// where fewer than 14 nt end there or where no row reads it. Folded on first use (only UTRs with
// sites are folded, and only around the rows' positions), once, whichever thread gets there
// first: the values do not depend on it.
struct lazy_unpaired {
    std::once_flag once;
    // sa_position of every target row of the UTR, gathered before scoring; empty: fold the whole
    // UTR (targets read from standard input cannot be read twice).
    std::vector<std::size_t> rows;
    std::vector<double> p;
};

struct utr_data {
    std::string sequence;                        // gaps removed, T written U, case kept
    std::map<std::uint64_t, isoform> isoforms;   // by scaled end; see sequencer for the order
    std::optional<perl_value> orf_length;
    std::unordered_map<std::string, perl_value> orf_8mers;  // by seed
    std::unique_ptr<lazy_unpaired> unpaired_14 = std::make_unique<lazy_unpaired>();
};

struct mirna {
    std::string id;
    std::string sequence;  // upper case, as read (T is not turned into U)
};

struct inputs {
    parameters params = parameters::builtin();
    bool fixed = false;  // --fixed: the corrections described in io/targetscan_context_files.hpp
    std::unordered_map<std::string, std::string> family_seed;    // the first seed seen per family
    std::unordered_map<std::string, std::vector<mirna>> mirnas;  // by family_species_key
    // UTRs of the scored species by gene, then species.
    std::unordered_map<std::string, std::unordered_map<std::string, utr_data>> utrs;
    std::unordered_map<std::string, seed_values> seeds;  // by seed; a seed not here has neither value
    std::optional<std::string> last_mirna_seed;          // the seed of the miRNA file's last line

    utr_data* find_utr(std::string_view gene, std::string_view species);
};

inline std::string family_species_key(std::string_view family, std::string_view species) {
    return std::string(family).append(1, '\t').append(species);
}

// One line of the AIR file (start and end on the human UTR, AIR in percent as written): scales it
// to the UTR of each scored species of the gene by the ratio of UTR lengths, rounding as the
// reference does, and records it (a later line with the same scaled end replaces an earlier one).
// Genes without UTRs are ignored. Throws format_error when the gene has no human UTR to scale by
// (where the reference dies dividing by zero).
void add_air(inputs& in, std::string_view gene, std::uint64_t start, std::uint64_t end, std::string_view air_text);

// The species the reference scores, and the one whose UTR lengths the AIRs refer to.
bool is_scored_species(std::string_view species);
inline constexpr std::string_view reference_species = "9606";

// The reference's site type names: 8mer-1a, 7mer-m8, 7mer-1a, 6mer.
std::optional<site_type> parse_reference_type(std::string_view name);
std::string_view reference_type_name(site_type type);

// A row of the targets file that the reference scores (a scored species with miRNAs of the
// family): what it reads from it, then what the sequencer adds.
struct target_row {
    std::string gene, family, species, start_text, end_text, group;
    std::optional<std::string> pct;  // the Pct column, when the row has it
    site_type type = site_type::eight_mer;
    std::uint64_t start = 0, end = 0;  // 1-based, inclusive
    const utr_data* utr = nullptr;
    const std::vector<mirna>* mirnas = nullptr;

    double air = 1;
    bool own_isoform = false;  // --fixed: no isoform with AIR reaches the site; the UTR is used
    std::optional<std::string> stale_seed;  // for sites too close to the stop codon, see sequencer
};

// The state the reference carries from one target row to the next, which makes two columns
// depend on the rows before (call next() on every target_row in file order):
// - AIR: for a UTR without AIRs the first site gets 1; after that Perl has autovivified the
//   UTR's empty AIR table and the lookup falls through to the AIR of whichever region was nearest
//   to a site in the last lookup that did not find one containing its site (100 if none).
//   The reference visits a UTR's regions in Perl's hash order, which changes from run to run; we
//   visit them by increasing end, one of the orders it may take. With --fixed a UTR without AIRs
//   gets AIR 1 for every site.
// - too_close sites (starting in the first 14 nt) print "too_close" or "NA" for TA and SPS
//   depending on whether the seed of the last scored site (or of the miRNA file's last line)
//   has both values.
class sequencer {
public:
    explicit sequencer(const inputs& in);
    void next(target_row& row);

private:
    double reference_air(const utr_data& utr, std::uint64_t site_end);

    const inputs& in_;
    std::unordered_set<const utr_data*> seen_;
    std::optional<perl_value> nearest_air_;
    std::optional<std::string> seed_;
};

// A percentile key: a score exactly as written ("-0.123", "-0.000", or a cap like "-0.03"),
// comparable as the reference compares numbers and strings.
struct score_key {
    enum form : std::uint8_t { none, plain, negative_zero, cap };
    std::int64_t units = 0;  // thousandths (scores) or ten-thousandths (weighted scores)
    form kind = none;

    bool numeric() const { return kind != none; }
    bool truthy() const { return !(kind == cap && units == 0); }  // only the text "0" is false
    friend bool operator==(const score_key&, const score_key&) = default;
};

// One output line with its percentile columns still "NA".
struct scored_line {
    std::string text;  // without the newline
    std::string mirna_id;
    score_key score, weighted;
};

// The UTR position whose 14-nt stretch gives a row's SA: the site's end for 8mer and 7mer-A1 sites,
// one further for 7mer-m8 and two further for 6mers (one would be opposite nt 1; --fixed uses one).
std::uint64_t sa_position(const inputs& in, const target_row& row);

// The output lines of one target row, one per miRNA of its family in its species.
void score_row(const inputs& in, const target_row& row, std::vector<scored_line>& out);

// The output's first line, newline included.
extern const std::string_view output_header;

// Percentile ranks per miRNA over all lines, as the reference computes them (see the .cpp).
class percentile_table {
public:
    struct line_keys {
        std::uint32_t mirna = 0;
        score_key score, weighted;
    };
    // Registers a line (in output order) and returns what finish() needs of it.
    line_keys add(const scored_line& line);
    void compute();
    // The line's text with its two percentile columns filled in, as the reference writes it.
    std::string finish(std::string_view text, const line_keys& keys) const;

private:
    struct key_hash {
        std::size_t operator()(const score_key& k) const { return std::hash<std::int64_t>{}(k.units * 4 + k.kind); }
    };
    struct mirna_scores {
        std::vector<score_key> scores, weighted;  // the numeric ones, in output order
        std::unordered_map<score_key, int, key_hash> score_rank, weighted_rank;
    };
    std::unordered_map<std::string, std::uint32_t> index_;
    std::vector<mirna_scores> mirnas_;
};

}  // namespace mirhit::targetscan_context
