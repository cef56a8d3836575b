#include "reference/curated_claims.hpp"

#include <set>
#include <tuple>
#include <unordered_map>

#include "core/error.hpp"

// Defined in the build-time generated curated_claims_data.cpp (see reference/cmake/embed_file.cmake).
namespace mirhit::reference::detail {
extern const unsigned char curated_claims_bytes[];
extern const std::size_t curated_claims_size;
}  // namespace mirhit::reference::detail

namespace mirhit::reference {

std::vector<claim> parse_claims(std::string_view text, const std::string& name) {
    std::vector<claim> claims;
    std::set<std::string> ids;
    std::set<std::tuple<std::string, std::string, std::string, std::string>> pairs;
    bool header_seen = false;
    std::uint64_t line_number = 0;
    std::vector<std::string> fields;
    for (std::size_t begin = 0; begin < text.size();) {
        auto end = text.find('\n', begin);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(begin, end - begin);
        begin = end + 1;
        ++line_number;
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (line.empty() || line.starts_with('#')) continue;
        auto fail = [&](const std::string& problem) { throw input_error_at(name, line_number, problem); };
        fields.clear();
        for (std::size_t b = 0;;) {
            const auto tab = line.find('\t', b);
            fields.emplace_back(line.substr(b, tab - b));
            if (tab == std::string_view::npos) break;
            b = tab + 1;
        }
        if (!header_seen) {
            header_seen = true;
            bool same = fields.size() == claim_columns.size();
            for (std::size_t i = 0; same && i < fields.size(); ++i) same = fields[i] == claim_columns[i];
            if (!same) fail("expected the header row of a claims table: id, mirna_as_written, mirna, ... note (14 columns)");
            continue;
        }
        if (fields.size() != claim_columns.size())
            fail("expected 14 tab-separated fields, found " + std::to_string(fields.size()));
        claim c{fields[0], fields[1], fields[2], fields[3], fields[4],  fields[5],  fields[6],
                fields[7], fields[8], fields[9], fields[10], fields[11], fields[12], fields[13]};
        for (const auto& [value, column] : {std::pair{&c.id, "id"}, {&c.mirna, "mirna"}, {&c.gene, "gene"},
                                            {&c.citation, "citation"}, {&c.quote, "quote"}})
            if (value->empty()) fail(std::string("empty ") + column);
        if (c.effect != "pro-metastatic" && c.effect != "anti-metastatic" && c.effect != "unclear")
            fail("effect '" + c.effect + "' is not pro-metastatic, anti-metastatic or unclear");
        if (!ids.insert(c.id).second) fail("claim id '" + c.id + "' appears twice");
        if (!pairs.emplace(c.mirna, c.gene, c.document, c.reference).second)
            fail("duplicate claim " + c.mirna + " -> " + c.gene + " from " + c.document + " " + c.reference);
        claims.push_back(std::move(c));
    }
    if (!header_seen) throw input_error(name + ": empty claims table");
    return claims;
}

void add_claim_table(std::vector<claim>& claims, std::vector<std::string>& table_of_earlier, std::vector<claim> more,
                     const std::string& table) {
    std::unordered_map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < claims.size(); ++i) index.emplace(claims[i].id, i);
    for (const auto& c : more)
        if (auto it = index.find(c.id); it != index.end())
            throw input_error(table + ": claim id '" + c.id + "' is also in " + table_of_earlier[it->second] +
                              "; claim ids must differ across claims tables");
    table_of_earlier.resize(claims.size() + more.size(), table);
    claims.insert(claims.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

const std::vector<claim>& builtin_claims() {
    static const std::vector<claim> claims = parse_claims(
        {reinterpret_cast<const char*>(detail::curated_claims_bytes), detail::curated_claims_size}, "built-in claims table");
    return claims;
}

std::string_view builtin_claims_description() {
    static const std::string text = "built-in: " + std::to_string(builtin_claims().size()) +
                                    " curated metastasis miRNA-target claims (reference/data/curated_metastasis_targets.tsv)";
    return text;
}

std::string format_claims(const std::vector<const claim*>& claims) {
    std::string out;
    for (std::size_t i = 0; i < claim_columns.size(); ++i) (out += i ? "\t" : "") += claim_columns[i];
    out += '\n';
    for (const auto* c : claims) {
        for (const auto* f : {&c->id, &c->mirna_as_written, &c->mirna, &c->target_as_written, &c->gene, &c->effect,
                              &c->cancer_type, &c->cell_source, &c->organ_or_process, &c->document, &c->reference,
                              &c->citation, &c->quote, &c->note}) {
            if (f != &c->id) out += '\t';
            out += *f;
        }
        out += '\n';
    }
    return out;
}

}  // namespace mirhit::reference
