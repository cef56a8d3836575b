#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/mirna.hpp"
#include "core/site.hpp"
#include "io/fasta_reader.hpp"
#include "reference/curated_claims.hpp"
#include "scoring/duplex.hpp"

namespace mirhit::io {

// What `mirhit validate` reports (filled in by engine/validation) and its presentations: the
// text report of one miRNA and gene, the table of --curated-all, and the HTML page.

// A gene the report is about: a UTR belongs to it when the gene of its header, or what that
// resolves to, is one of these symbols (upper case).
struct target_gene {
    std::string name;  // as written, or the claim's gene
    std::vector<std::string> symbols;
    std::string how;  // how the name was resolved
    bool known = false;  // a human gene symbol or alias
};

// The symbols for a known gene, else the name as written.
std::string display_name(const target_gene& t);

struct site_view {
    site_type type;
    std::uint64_t start;  // 0-based
    std::string seq;      // RNA
    std::optional<double> score;
    std::array<std::string, 3> diagram;
    scoring::duplex_result duplex;       // on the site's duplex window
    std::string duplex_text;             // "dG kcal/mol, structure ranges"
    std::vector<std::string> duplex_lines;  // the four-line diagram
};

// Graded evidence for a miRNA on a UTR (see grade_criteria).
enum class support { strong, moderate, weak, none };
extern const std::array<std::string_view, 4> support_names;
// The criteria of the grades, as --help, the README and the reports state them.
extern const std::string_view grade_criteria;

// Ranks mean something only among enough genes; a grade of strong needs the top 10% of them.
constexpr std::size_t min_ranked_genes = 100;
constexpr double strong_top_fraction = 0.10;
constexpr bool genes_ranked(std::size_t genes) { return genes >= min_ranked_genes; }

struct assessment {
    support level = support::none;
    std::string text;
};

// One UTR of a target gene for one miRNA.
struct utr_view {
    std::shared_ptr<const record_header> record;
    std::uint64_t length = 0;
    std::vector<site_view> sites;
    std::array<std::size_t, any_site_type_count> counts{};
    double total = 0;     // 0 without a scored site
    bool scored = false;  // a site of the UTR has a context++ score
    std::size_t rank = 0;  // 0: not ranked (no scored site, or fewer than min_ranked_genes genes)
    assessment verdict;
};

// One miRNA and one target gene: the claims on the pair and every UTR of the gene.
struct pair_view {
    std::uint32_t mirna = 0;
    std::uint32_t target = 0;
    std::vector<const reference::claim*> claims;
    std::vector<utr_view> utrs;
    std::size_t best = 0;  // the best UTR: most negative total, then the stronger sites, then input order
    assessment gene_verdict;  // the best UTR's
    std::vector<double> gene_totals;  // when ranked: every gene's total context++ for the miRNA, ascending
};

// Everything the report shows.
struct validation_report {
    mirna_set mirnas;  // the miRNAs validated
    std::vector<target_gene> targets;
    std::vector<pair_view> pairs;
    std::size_t utrs = 0;
    std::size_t genes = 0;
    std::string score_description;
};

using claim_rows = std::vector<std::pair<const reference::claim*, std::size_t>>;  // claim, its pair

// Numbers as the report writes them: 3 decimals (no "-0.000"), thousands with commas, a rank
// among genes ("rank 3 of 1,200 genes (top 0.25%)"; "not ranked (5 genes in the input)" below
// min_ranked_genes, "not ranked" for 0), a UTR's total context++ ("NA" when no site was scored).
std::string fixed3(double x);
std::string total_text(const utr_view& u);
std::string with_commas(std::uint64_t n);
std::string rank_text(std::size_t rank, std::size_t genes);
// Site letters as RNA, upper case; other letters (N, IUPAC codes) kept.
std::string rna(std::string_view letters);

// The text report of one miRNA and gene (every pair's sites, diagrams, verdicts).
std::string validation_text(const validation_report& r);
// --curated-all: the column header and one row per claim.
extern const std::string_view validation_table_header;
std::string validation_table_row(const validation_report& r, const reference::claim& c, const pair_view& p);

// The HTML page: the grades and a summary table linking to one section per pair (the gene's
// place among the input's genes, the UTR maps, the sites with their pairing), then the inputs.
// curated_all: rows are the claims; else mirna and gene name the pair as written.
struct html_request {
    bool curated_all = false;
    std::string mirna, gene;
    std::string command_line;
    std::vector<std::pair<std::string, std::string>> params;
};
std::string validation_html(const validation_report& r, const html_request& request, const claim_rows& rows);

}  // namespace mirhit::io
