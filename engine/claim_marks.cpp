#include "engine/claim_marks.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/text.hpp"
#include "io/line_reader.hpp"
#include "reference/gene_aliases.hpp"

namespace mirhit::engine {

namespace {

const std::vector<std::uint32_t> no_claims;

std::vector<std::string> claimed_genes(const std::vector<reference::claim>& claims) {
    std::vector<std::string> genes;
    for (const auto& c : claims) genes.push_back(upper(c.gene));
    return genes;
}

}  // namespace

claim_marks::claim_marks(std::vector<reference::claim> claims, const mirna_set& mirnas)
    : claims_(std::move(claims)), by_mirna_(mirnas.size()), claimed_(mirnas.size()), found_(claims_.size()),
      scanned_(claims_.size()), may_be_claimed_(claimed_genes(claims_)) {
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
    if (utrs_by_gene_.contains(key) || !may_be_claimed_.may_name(header_gene)) return key;
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

void claim_marks::add_sites(std::uint32_t claim, site_type type, std::uint64_t count) {
    if (!is_canonical(type)) return;  // the tallies count canonical sites; rows still carry the claim columns
    found_[claim][static_cast<std::size_t>(type)] += count;
}

std::vector<claim_tally> claim_marks::tallies() const {
    std::vector<claim_tally> out;
    for (std::uint32_t i = 0; i < claims_.size(); ++i) {
        const auto& c = claims_[i];
        out.push_back({c.id, c.mirna, c.gene, c.effect, c.citation, scanned_[i], utrs_by_gene_.at(upper(c.gene)), found_[i]});
    }
    return out;
}

namespace {

constexpr std::string_view tally_prefix = "## claim tally: ";

std::string summary_of(const claim_tally& t) {
    if (!t.scanned) return "miRNA not scanned";
    std::string sites;
    for (std::size_t k = 0; k < site_type_count; ++k)
        if (t.found[k]) sites += (sites.empty() ? "" : ", ") + std::to_string(t.found[k]) + " " + std::string(site_type_names[k]);
    return sites.empty() ? "no canonical site" : sites;
}

}  // namespace

std::string claim_tally::line() const {
    std::string out = std::string(tally_prefix) + id + '\t' + mirna + '\t' + gene + '\t' + effect + '\t' + citation + '\t' +
                      (scanned ? "1" : "0") + '\t' + join(utrs, ",");
    for (std::size_t k = 0; k < site_type_count; ++k) out += (k ? ',' : '\t') + std::to_string(found[k]);
    return out + '\n';
}

bool claim_tally::parse(std::string_view line, claim_tally& out) {
    if (!line.starts_with(tally_prefix)) return false;
    line.remove_prefix(tally_prefix.size());
    std::vector<std::string_view> fields;
    io::split_fields(line, fields);
    if (fields.size() != 8 || (fields[5] != "0" && fields[5] != "1")) return false;
    out = {std::string(fields[0]), std::string(fields[1]), std::string(fields[2]), std::string(fields[3]),
           std::string(fields[4]), fields[5] == "1", {}, {}};
    std::vector<std::string_view> utrs;
    io::split_list(fields[6], ',', utrs);
    out.utrs.assign(utrs.begin(), utrs.end());
    std::string_view counts = fields[7];
    for (std::size_t k = 0; k < site_type_count; ++k) {
        auto [end, ec] = std::from_chars(counts.data(), counts.data() + counts.size(), out.found[k]);
        if (ec != std::errc()) return false;
        counts.remove_prefix(static_cast<std::size_t>(end - counts.data()));
        if (k + 1 < site_type_count) {
            if (!counts.starts_with(',')) return false;
            counts.remove_prefix(1);
        }
    }
    return counts.empty();
}

void claim_tally::add(const claim_tally& later) {
    utrs.insert(utrs.end(), later.utrs.begin(), later.utrs.end());
    for (std::size_t k = 0; k < site_type_count; ++k) found[k] += later.found[k];
}

std::string claims_footer(const std::vector<claim_tally>& tallies) {
    std::string out;
    std::size_t absent = 0;
    for (const auto& t : tallies) {
        if (t.utrs.empty()) {
            ++absent;
            continue;
        }
        out += "## claim " + t.id + " " + t.mirna + " -> " + t.gene + " (" + t.effect + "; " + t.citation + "): " +
               summary_of(t) + " in " + join(t.utrs, ",") + "\n";
    }
    out += "## claims: " + std::to_string(tallies.size() - absent) + " of " + std::to_string(tallies.size()) +
           " curated claims have their gene in the input\n";
    return out;
}

std::string claims_table(const std::vector<claim_tally>& tallies) {
    std::string out = "id\tmirna\tgene\teffect\tcitation\tutrs";
    for (const auto name : site_type_names) (out += '\t') += name;
    out += "\tfound\n";
    for (const auto& t : tallies) {
        out += t.id + '\t' + t.mirna + '\t' + t.gene + '\t' + t.effect + '\t' + t.citation + '\t' +
               (t.utrs.empty() ? "NA" : join(t.utrs, ","));
        std::uint64_t total = 0;
        for (auto n : t.found) {
            out += '\t' + std::to_string(n);
            total += n;
        }
        out += '\t';
        out += t.utrs.empty() ? "gene not in input" : total ? "yes" : summary_of(t);
        out += '\n';
    }
    return out;
}

}  // namespace mirhit::engine
