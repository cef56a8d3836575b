#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/score_setup.hpp"
#include "io/validation_report.hpp"

namespace mirhit::engine {

// `mirhit validate` as the command line gives it.
struct validate_request {
    std::string mirna;                     // as written (miR-21, hsa-miR-21-5p, ...); empty with curated_all
    std::string gene;                      // symbol or alias (PTEN, VE-cadherin, ...); empty with curated_all
    bool curated_all = false;              // every claim of the claims tables instead of one pair
    std::vector<std::string> utr_files;    // "-" is standard input
    std::string index_file;                // --index: a mirhit index instead of utr_files
    std::vector<std::string> sites;        // --sites names as scan's; empty: every class (canonical and non-canonical)
    std::string mirna_file;                // empty: the built-in human set
    score_options score_inputs;            // --orf, --ta
    std::string energy_params_file;        // --energy-params: ViennaRNA .par file; empty: built-in Turner 2004
    std::vector<std::string> extra_claims;  // --curated: more claims tables
    bool no_builtin = false;               // --no-builtin: only the --curated tables
    std::string output = "-";
    std::string html;                      // also write an HTML report here
    bool quiet = false;                    // no progress on standard error
};

// Gene totals of every miRNA, for ranks: a gene's total is that of its best UTR; genes without
// a scored site total 0.
class gene_ranking {
public:
    explicit gene_ranking(std::size_t mirnas) : best_(mirnas) {}

    // A UTR of `gene` with its total context++ per miRNA that has a scored site.
    void add(const std::string& gene, const std::vector<std::pair<std::uint32_t, double>>& totals);
    // After the last add().
    void finish();
    std::size_t genes() const { return index_.size(); }
    // The genes' names, sorted.
    std::vector<std::string> names() const;
    // Every gene's total for the miRNA, ascending (after finish()).
    const std::vector<double>& totals(std::uint32_t mirna) const { return sorted_[mirna]; }
    // 1 + the other genes whose total is more negative than `total` (of a UTR of `gene`); 0 (not
    // ranked) for a total of 0, which ties with every gene without a site.
    std::size_t rank(std::uint32_t mirna, double total, const std::string& gene) const;

private:
    std::unordered_map<std::string, std::size_t> index_;
    std::vector<std::vector<double>> best_;  // per miRNA, per gene
    std::vector<std::vector<double>> sorted_;
};

// The graded verdict on a UTR's sites for one miRNA (io::grade_criteria), with the counts,
// context++ total and rank among `genes`. claimed: a curated claim is on
// the pair. gene_utrs: with more than one, a UTR without sites is the gene's best and speaks for all.
io::assessment verdict_of(const io::utr_view& u, std::size_t genes, bool claimed, std::size_t gene_utrs);

// The evaluation of a request: every pair's UTRs with their sites, scores, duplexes, ranks and
// verdicts, and the '##' parameters that say how (in output order, up to `rows` or `gene`).
struct evaluation {
    io::validation_report report;
    io::claim_rows rows;                      // --curated-all: the claims in table order, with their pair
    std::vector<std::string> unknown_mirna;   // --curated-all: claims whose miRNA is not in the set
    std::vector<std::pair<std::string, std::string>> params;
    std::string gene_utrs;                    // one pair: the gene's UTRs in the input, for '## gene:'
    std::string energy_source;
    site_type_set types;                      // the site classes looked for
    std::vector<reference::claim> claims;     // the claims the report points to
};

// Loads the miRNAs, claims and context++ inputs, scans every UTR once and evaluates the pairs.
// Throws input_error on bad input and (one pair) when the gene has no UTR in the input.
evaluation evaluate(const validate_request& request);

// Runs `mirhit validate`: evaluate(), then the text report or table (and the HTML page) written.
void run_validate(const validate_request& request, const std::string& command_line);

}  // namespace mirhit::engine
