#include "app/claim_marks.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"
#include "reference/gene_aliases.hpp"

namespace mirhit::app {

namespace {

const std::vector<std::uint32_t> no_claims;

}  // namespace

claim_marks::claim_marks(std::vector<reference::claim> claims, const mirna_set& mirnas)
    : claims_(std::move(claims)), by_mirna_(mirnas.size()), claimed_(mirnas.size()), found_(claims_.size()),
      scanned_(claims_.size()) {
    for (std::uint32_t i = 0; i < claims_.size(); ++i) {
        const auto& c = claims_[i];
        const auto* m = mirnas.find(c.mirna);
        utrs_by_gene_.try_emplace(upper(c.gene));
        if (!m) continue;
        scanned_[i] = true;
        claimed_[static_cast<std::size_t>(m - mirnas.mirnas().data())] = 1;
        auto& p = by_mirna_[static_cast<std::size_t>(m - mirnas.mirnas().data())][upper(c.gene)];
        const bool first = p.claims.empty();
        p.claims.push_back(i);
        p.mark.ids += (first ? "" : ",") + c.id;
        p.mark.effects += (first ? "" : ",") + c.effect;
        p.mark.citations += (first ? "" : "; ") + c.citation;
    }
}

std::string claim_marks::claim_gene(const std::string& header_gene) const {
    auto key = upper(header_gene);
    if (utrs_by_gene_.contains(key)) return key;
    const auto resolved = reference::resolve_gene(header_gene);
    if (resolved.symbols.size() == 1)
        if (auto symbol = upper(resolved.symbols.front()); utrs_by_gene_.contains(symbol)) return symbol;
    return key;
}

const io::claim_mark* claim_marks::find_claimed(std::uint32_t mirna, const std::string& gene) const {
    const auto& map = by_mirna_[mirna];
    const auto it = map.find(gene);
    return it == map.end() ? nullptr : &it->second.mark;
}

const std::vector<std::uint32_t>& claim_marks::claims_of(std::uint32_t mirna, const std::string& gene) const {
    if (!claimed_[mirna]) return no_claims;
    const auto& map = by_mirna_[mirna];
    const auto it = map.find(gene);
    return it == map.end() ? no_claims : it->second.claims;
}

void claim_marks::add_utr(const std::string& utr_id, const std::string& header_gene) {
    if (auto it = utrs_by_gene_.find(claim_gene(header_gene)); it != utrs_by_gene_.end()) it->second.push_back(utr_id);
}

void claim_marks::add_site(std::uint32_t claim, site_type type) { ++found_[claim][static_cast<std::size_t>(type)]; }

std::string claim_marks::summary_of(std::uint32_t i) const {
    if (!scanned_[i]) return "miRNA not scanned";
    std::string sites;
    for (std::size_t t = 0; t < site_type_count; ++t)
        if (found_[i][t]) sites += (sites.empty() ? "" : ", ") + std::to_string(found_[i][t]) + " " + std::string(site_type_names[t]);
    return sites.empty() ? "no canonical site" : sites;
}

std::string claim_marks::footer() const {
    std::string out;
    std::size_t absent = 0;
    for (std::uint32_t i = 0; i < claims_.size(); ++i) {
        const auto& c = claims_[i];
        const auto& utrs = utrs_by_gene_.at(upper(c.gene));
        if (utrs.empty()) {
            ++absent;
            continue;
        }
        std::string ids;
        for (const auto& u : utrs) ids += (ids.empty() ? "" : ",") + u;
        out += "## claim " + c.id + " " + c.mirna + " -> " + c.gene + " (" + c.effect + "; " + c.citation + "): " +
               summary_of(i) + " in " + ids + "\n";
    }
    out += "## claims: " + std::to_string(claims_.size() - absent) + " of " + std::to_string(claims_.size()) +
           " curated claims have their gene in the input\n";
    return out;
}

std::string claim_marks::table() const {
    std::string out = "id\tmirna\tgene\teffect\tcitation\tutrs";
    for (const auto name : site_type_names) (out += '\t') += name;
    out += "\tfound\n";
    for (std::uint32_t i = 0; i < claims_.size(); ++i) {
        const auto& c = claims_[i];
        const auto& utrs = utrs_by_gene_.at(upper(c.gene));
        std::string ids;
        for (const auto& u : utrs) ids += (ids.empty() ? "" : ",") + u;
        out += c.id + '\t' + c.mirna + '\t' + c.gene + '\t' + c.effect + '\t' + c.citation + '\t' + (ids.empty() ? "NA" : ids);
        std::uint64_t total = 0;
        for (auto n : found_[i]) {
            out += '\t' + std::to_string(n);
            total += n;
        }
        out += '\t';
        out += utrs.empty() ? "gene not in input" : total ? "yes" : summary_of(i);
        out += '\n';
    }
    return out;
}

}  // namespace mirhit::app
