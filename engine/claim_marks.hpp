#pragma once

#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/mirna.hpp"
#include "core/site.hpp"
#include "io/site_writer.hpp"
#include "reference/curated_claims.hpp"
#include "reference/gene_aliases.hpp"

namespace mirhit::engine {

// What a scan found for one curated claim: the UTRs of its gene in the input (in input order)
// and the sites of its miRNA on them, by type. Shards of a run add up to the whole run's tally.
struct claim_tally {
    std::string id, mirna, gene, effect, citation;
    bool scanned = false;  // the claim's miRNA is in the run's miRNA set
    std::vector<std::string> utrs;
    std::array<std::uint64_t, site_type_count> found{};

    // A tally as one '##' line of a shard's output, and back (false: not such a line).
    std::string line() const;
    static bool parse(std::string_view line, claim_tally& out);
    // Adds a later shard's tally of the same claim.
    void add(const claim_tally& later);
};

// A shard's --claims file: its '##' header, this line, then its claim tallies (for mirhit merge).
inline constexpr std::string_view claims_log_start = "## claim tallies of a shard, for mirhit merge\n";

// One line per claim whose gene is in the input, then a count of the others: for the '##'
// footer of a site file.
std::string claims_footer(const std::vector<claim_tally>& tallies);
// The same as a TSV table, every claim, for --claims FILE.
std::string claims_table(const std::vector<claim_tally>& tallies);

// The curated claims of a scan, looked up by the run's miRNA index and a UTR's gene (see
// claim_gene), and what the input shows for each claim: which of its gene's UTRs are present and
// which sites were found.
class claim_marks {
public:
    claim_marks(std::vector<reference::claim> claims, const mirna_set& mirnas);

    // The key under which a UTR header's gene is looked up: its upper-case symbol when a claim
    // names it, else the claimed symbol it resolves to uniquely as an alias (MMAC1 -> PTEN).
    std::string claim_gene(const std::string& header_gene) const;

    // The claims on this miRNA and gene (a claim_gene key), or null. Inline: asked for every site row.
    const io::claim_mark* find(std::uint32_t mirna, const std::string& gene) const {
        return claimed_[mirna] ? find_claimed(mirna, gene) : nullptr;
    }
    // The claims' indices for this miRNA and gene (empty when none).
    const std::vector<std::uint32_t>& claims_of(std::uint32_t mirna, const std::string& gene) const;

    // Records a UTR of the input (once per record; gene as in the header) and sites found for a claim.
    void add_utr(const std::string& utr_id, const std::string& header_gene);
    void add_sites(std::uint32_t claim, site_type type, std::uint64_t count);

    std::vector<claim_tally> tallies() const;

private:
    struct pair_marks {
        io::claim_mark mark;
        std::vector<std::uint32_t> claims;
    };
    const io::claim_mark* find_claimed(std::uint32_t mirna, const std::string& gene) const;

    std::vector<reference::claim> claims_;
    std::vector<std::unordered_map<std::string, pair_marks>> by_mirna_;  // by miRNA index, upper-case gene
    std::vector<std::uint8_t> claimed_;  // by miRNA index: any claim (a small table, checked for every site)
    std::unordered_map<std::string, std::vector<std::string>> utrs_by_gene_;  // claimed genes only
    std::vector<std::array<std::uint64_t, site_type_count>> found_;
    std::vector<bool> scanned_;  // the claim's miRNA is in the run's miRNA set
    reference::symbol_name_filter may_be_claimed_;  // header genes worth resolving
};

}  // namespace mirhit::engine
