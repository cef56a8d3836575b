#include "core/targetscan70.hpp"

#include <algorithm>
#include <charconv>
#include <numeric>
#include <utility>

#include "core/text.hpp"

namespace mirhit::targetscan70 {

namespace {

constexpr std::size_t mask_length = 14;
constexpr std::uint8_t invalid_code = 4;
constexpr std::uint8_t code_a = 0;
constexpr unsigned core_letters = 6;
constexpr std::uint32_t core_code_count = 1u << (2 * core_letters);
constexpr site_type all_types[] = {site_type::seven_mer_1a, site_type::seven_mer_m8, site_type::eight_mer_1a,
                                   site_type::six_mer};

// A/C/G/U in either case; everything else (N, gaps, other letters) cannot be part of a site.
std::uint8_t nucleotide_code(char c) {
    switch (c) {
    case 'A': case 'a': return 0;
    case 'C': case 'c': return 1;
    case 'G': case 'g': return 2;
    case 'U': case 'u': return 3;
    default: return invalid_code;
    }
}

char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

bool is_perl_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

std::uint32_t site_letters(site_type type) {
    switch (type) {
    case site_type::eight_mer_1a: return 8;
    case site_type::six_mer: return 6;
    default: return 7;
    }
}

// Whether a site of type `big` implies one of type `small` at the same place (column 13).
bool implies(site_type big, site_type small) {
    if (big == small) return true;
    if (big == site_type::eight_mer_1a) return true;
    return small == site_type::six_mer && big != site_type::six_mer;
}

// The value Perl's <=> sees for a string: its leading decimal number, 0 when there is none.
// (Perl would also read "inf"/"nan"; species ids like that are not expected.)
double perl_numeric_value(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && is_perl_space(s[i])) ++i;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    std::size_t begin = i, digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    }
    if (digits == 0) return 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
        if (j < s.size() && s[j] >= '0' && s[j] <= '9') {
            while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
            i = j;
        }
    }
    double value = 0;
    std::from_chars(s.data() + begin, s.data() + i, value);
    return negative ? -value : value;
}

// The reference's list order: unique, sorted as strings, then stably by numeric value.
std::string join_like_perl(std::vector<std::string_view>& names) {
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::vector<std::pair<double, std::string_view>> keyed;
    keyed.reserve(names.size());
    for (auto name : names) keyed.emplace_back(perl_numeric_value(name), name);
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string out;
    for (const auto& [value, name] : keyed) {
        if (!out.empty()) out += ' ';
        out += name;
    }
    return out;
}

// The reference splits this list on whitespace, so a species id holding spaces becomes several.
void append_words(std::vector<std::string_view>& out, std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_perl_space(s[i])) ++i;
        std::size_t begin = i;
        while (i < s.size() && !is_perl_space(s[i])) ++i;
        if (i > begin) out.push_back(s.substr(begin, i - begin));
    }
}

// One species' UTR ready for scanning: letters without gaps, their columns, and an index of
// where every 6-letter word starts (built on first use).
struct prepared_utr {
    std::string_view species;
    std::uint32_t species_id = 0;
    std::string alignment;               // normalized, case kept
    std::vector<std::uint32_t> columns;  // 0-based column of each non-gap character
    std::vector<std::uint8_t> codes;     // nucleotide code of each non-gap character
    std::vector<std::uint32_t> bucket_start;
    std::vector<std::uint32_t> core_starts;

    void build_index() {
        bucket_start.assign(core_code_count + 1, 0);
        for_each_core([&](std::uint32_t code, std::uint32_t) { ++bucket_start[code + 1]; });
        std::partial_sum(bucket_start.begin(), bucket_start.end(), bucket_start.begin());
        core_starts.resize(bucket_start.back());
        std::vector<std::uint32_t> fill(bucket_start.begin(), bucket_start.end() - 1);
        for_each_core([&](std::uint32_t code, std::uint32_t start) { core_starts[fill[code]++] = start; });
    }

    template <class F>
    void for_each_core(F&& f) const {
        std::uint32_t code = 0, run = 0;
        for (std::uint32_t i = 0; i < codes.size(); ++i) {
            if (codes[i] == invalid_code) {
                run = 0;
                continue;
            }
            code = ((code << 2) | codes[i]) & (core_code_count - 1);
            if (++run >= core_letters) f(code, i + 1 - core_letters);
        }
    }
};

struct site {
    std::uint32_t utr = 0;    // index into the prepared UTRs
    std::uint32_t first = 0;  // index of the first letter among the non-gap characters
    site_type type = site_type::six_mer;
    std::uint32_t msa_start = 0, msa_end = 0;
    bool orf_overlap = false;
    std::string key;  // "species::start::end", whose byte order drives the grouping
    std::uint32_t group = 0;
};

// The reference's pair test in its order (its first three branches merged): a shared start or end,
// then an offset overlap that must reach two columns, then containment.
bool pair_groups(const site& s1, const site& s2) {
    const std::int64_t a1 = s1.msa_start, b1 = s1.msa_end, a2 = s2.msa_start, b2 = s2.msa_end;
    constexpr std::int64_t required_overlap = 2;
    if (a1 == a2 || b1 == b2) return true;
    if (a1 > a2 && a1 <= b2) return b2 - a1 + 1 >= required_overlap;
    if (b1 >= a2 && b1 < b2) return b1 - a2 + 1 >= required_overlap;
    return (a1 > a2 && b1 < b2) || (a2 > a1 && b2 < b1);
}

class gene_processor {
public:
    gene_processor(const family_table& families, const gene_set& gene) : families_(families) {
        for (const auto& utr : gene.utrs) {
            const std::uint32_t* id = families.species_id(utr.species);
            if (!id) continue;  // no family is searched in this species
            auto& p = utrs_.emplace_back();
            p.species = utr.species;
            p.species_id = *id;
            p.alignment = utr.alignment;
            normalize_alignment(p.alignment);
            for (std::uint32_t col = 0; col < p.alignment.size(); ++col) {
                if (p.alignment[col] == '-') continue;
                p.columns.push_back(col);
                p.codes.push_back(nucleotide_code(p.alignment[col]));
            }
        }
    }

    gene_result run() {
        for (const auto& [id, fam] : families_.families()) {
            sites_.clear();
            for (std::uint32_t u = 0; u < utrs_.size(); ++u)
                if (std::binary_search(fam.species.begin(), fam.species.end(), utrs_[u].species_id)) call_sites(fam, u);
            if (sites_.empty()) continue;
            std::uint32_t first_group = next_group_;
            assign_groups();
            summarize(first_group);
            emit_rows(id);
        }
        return std::move(result_);
    }

private:
    // Finds the sites of one family in one species and drops those contained in longer ones.
    void call_sites(const family& fam, std::uint32_t u) {
        prepared_utr& p = utrs_[u];
        if (p.bucket_start.empty()) p.build_index();
        six_.clear();
        seven_.clear();
        eight_.clear();
        const auto n = static_cast<std::uint32_t>(p.codes.size());
        for (std::uint32_t b = p.bucket_start[fam.core_code]; b < p.bucket_start[fam.core_code + 1]; ++b) {
            const std::uint32_t k = p.core_starts[b];
            const bool a1 = k + core_letters < n && p.codes[k + core_letters] == code_a;
            const bool m8 = k > 0 && p.codes[k - 1] == fam.m8_code;
            six_.push_back(k);
            if (a1) seven_.emplace_back(k, site_type::seven_mer_1a);
            if (m8) seven_.emplace_back(k - 1, site_type::seven_mer_m8);
            if (a1 && m8) eight_.push_back(k - 1);
        }
        // Only a seed of all U lets a 7mer-1a and a 7mer-m8 cover the same letters; the reference
        // keeps one label per position and we keep 7mer-m8.
        std::sort(seven_.begin(), seven_.end(), [](const auto& x, const auto& y) {
            return x.first != y.first ? x.first < y.first : x.second > y.second;
        });
        seven_.erase(std::unique(seven_.begin(), seven_.end(),
                                 [](const auto& x, const auto& y) { return x.first == y.first; }),
                     seven_.end());
        // The reference removes subsets in hash order; 8mers first is one of its possible orders
        // and the only one that matters (just the all-U seed could tell orders apart).
        auto has_eight = [&](std::uint32_t first) { return std::binary_search(eight_.begin(), eight_.end(), first); };
        removed_six_.clear();
        for (auto e : eight_) {
            removed_six_.push_back(e + 1);
            add_site(p, u, e, site_type::eight_mer_1a);
        }
        for (const auto& [first, type] : seven_) {
            if (has_eight(first) || (first > 0 && has_eight(first - 1))) continue;
            removed_six_.push_back(type == site_type::seven_mer_m8 ? first + 1 : first);
            add_site(p, u, first, type);
        }
        std::sort(removed_six_.begin(), removed_six_.end());
        for (auto k : six_)
            if (!std::binary_search(removed_six_.begin(), removed_six_.end(), k)) add_site(p, u, k, site_type::six_mer);
    }

    void add_site(const prepared_utr& p, std::uint32_t u, std::uint32_t first, site_type type) {
        site& s = sites_.emplace_back();
        s.utr = u;
        s.first = first;
        s.type = type;
        s.msa_start = p.columns[first] + 1;
        s.msa_end = p.columns[first + site_letters(type) - 1] + 1;
        // The reference compares case over the columns one to the right of the site (it passes
        // the 1-based start to a 0-based substr).
        const std::size_t from = s.msa_start;
        const std::size_t to = std::min<std::size_t>(from + (s.msa_end - s.msa_start + 1), p.alignment.size());
        s.orf_overlap = std::any_of(p.alignment.begin() + from, p.alignment.begin() + to,
                                    [](char c) { return c >= 'a' && c <= 'z'; });
        s.key.reserve(p.species.size() + 24);
        s.key.append(p.species).append("::").append(std::to_string(s.msa_start)).append("::").append(
            std::to_string(s.msa_end));
    }

    // Reproduces the reference's all-against-all pass in key order, including that two sites
    // which already have different groups are never merged. Only overlapping pairs can group,
    // so each site looks at the sites starting near it and takes them in key order.
    void assign_groups() {
        const auto count = static_cast<std::uint32_t>(sites_.size());
        key_order_.resize(count);
        std::iota(key_order_.begin(), key_order_.end(), 0u);
        std::sort(key_order_.begin(), key_order_.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return sites_[a].key < sites_[b].key; });
        rank_.resize(count);
        for (std::uint32_t r = 0; r < count; ++r) rank_[key_order_[r]] = r;
        by_start_ = key_order_;
        std::sort(by_start_.begin(), by_start_.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return sites_[a].msa_start < sites_[b].msa_start; });
        std::uint32_t max_span = 0;
        for (const auto& s : sites_) max_span = std::max(max_span, s.msa_end - s.msa_start);

        for (std::uint32_t i : key_order_) {
            const site& s1 = sites_[i];
            // A partner overlaps s1 by two columns: it starts at most at s1's end - 1 and ends at
            // least at s1's start + 1, so it starts no earlier than that minus the longest span.
            const std::uint32_t lowest = s1.msa_start + 1 > max_span ? s1.msa_start + 1 - max_span : 0;
            auto it = std::lower_bound(by_start_.begin(), by_start_.end(), lowest,
                                       [&](std::uint32_t j, std::uint32_t v) { return sites_[j].msa_start < v; });
            candidates_.clear();
            for (; it != by_start_.end() && sites_[*it].msa_start < s1.msa_end; ++it) {
                const site& s2 = sites_[*it];
                if (s2.utr != s1.utr && pair_groups(s1, s2)) candidates_.push_back(rank_[*it]);
            }
            std::sort(candidates_.begin(), candidates_.end());
            for (std::uint32_t r : candidates_) group_pair(sites_[i], sites_[key_order_[r]]);
        }
        for (std::uint32_t i : key_order_)
            if (!sites_[i].group) sites_[i].group = ++next_group_;
    }

    void group_pair(site& s1, site& s2) {
        if (s1.group && s2.group) return;
        if (s1.group)
            s2.group = s1.group;
        else if (s2.group)
            s1.group = s2.group;
        else
            s1.group = s2.group = ++next_group_;
    }

    void summarize(std::uint32_t first_group) {
        const std::uint32_t count = next_group_ - first_group;
        members_.assign(count, {});
        for (std::uint32_t i : key_order_) members_[sites_[i].group - first_group - 1].push_back(i);
        for (const auto& members : members_) {
            group_summary& g = result_.groups.emplace_back();
            std::array<bool, 4> present{};
            std::vector<std::string_view> species;
            for (std::uint32_t i : members) {
                present[site_type_index(sites_[i].type)] = true;
                species.push_back(utrs_[sites_[i].utr].species);
            }
            for (site_type t : all_types) {
                if (!present[site_type_index(t)]) continue;
                if (!g.types.empty()) g.types += '+';
                g.types += site_type_name(t);
            }
            g.species = join_like_perl(species);
            for (site_type t : all_types) {
                if (!present[site_type_index(t)] || g.types == site_type_name(t)) continue;
                std::vector<std::string_view> words;
                for (std::uint32_t i : members)
                    if (implies(sites_[i].type, t)) append_words(words, utrs_[sites_[i].utr].species);
                g.species_with_type[site_type_index(t)] = join_like_perl(words);
            }
        }
    }

    void emit_rows(std::string_view family_id) {
        std::stable_sort(key_order_.begin(), key_order_.end(),
                         [&](std::uint32_t a, std::uint32_t b) { return sites_[a].group < sites_[b].group; });
        for (std::uint32_t i : key_order_) {
            const site& s = sites_[i];
            site_row& row = result_.rows.emplace_back();
            row.family = family_id;
            row.species = utrs_[s.utr].species;
            row.msa_start = s.msa_start;
            row.msa_end = s.msa_end;
            row.utr_start = s.first + 1;
            row.utr_end = s.first + site_letters(s.type);
            row.group = s.group;
            row.type = s.type;
            row.orf_overlap = s.orf_overlap;
        }
    }

    const family_table& families_;
    std::vector<prepared_utr> utrs_;
    std::vector<site> sites_;
    std::uint32_t next_group_ = 0;
    gene_result result_;
    // Scratch space reused across families.
    std::vector<std::uint32_t> six_, eight_, removed_six_;
    std::vector<std::pair<std::uint32_t, site_type>> seven_;
    std::vector<std::uint32_t> key_order_, rank_, by_start_, candidates_;
    std::vector<std::vector<std::uint32_t>> members_;
};

}  // namespace

std::string_view site_type_name(site_type type) {
    switch (type) {
    case site_type::seven_mer_1a: return "7mer-1a";
    case site_type::seven_mer_m8: return "7mer-m8";
    case site_type::eight_mer_1a: return "8mer-1a";
    case site_type::six_mer: return "6mer";
    }
    return {};
}

void family_table::add(std::string_view id, std::string_view seed, std::string_view species_list) {
    if (id.empty()) throw format_error("empty miRNA family id");
    std::string normalized;
    for (char c : seed) normalized += c == 't' || c == 'T' ? 'U' : ascii_upper(c);
    if (normalized.size() != 7 ||
        !std::all_of(normalized.begin(), normalized.end(), [](char c) { return nucleotide_code(c) != invalid_code; }))
        throw format_error("seed '" + std::string(seed) + "' must be 7 nt of A, C, G, U/T");

    std::vector<std::uint32_t> ids;
    std::size_t begin = 0;
    while (begin <= species_list.size()) {
        std::size_t end = std::min(species_list.find(';', begin), species_list.size());
        if (end > begin) {
            std::string name(species_list.substr(begin, end - begin));
            auto next = static_cast<std::uint32_t>(species_ids_.size());
            ids.push_back(species_ids_.emplace(std::move(name), next).first->second);
        }
        begin = end + 1;
    }
    if (ids.empty()) throw format_error("no species ids in '" + std::string(species_list) + "'");

    auto it = families_.find(id);
    if (it == families_.end()) it = families_.emplace(std::string(id), family{}).first;
    family& fam = it->second;
    fam.seed = std::move(normalized);
    // Site letters pair with the seed read backwards: complement of nt 8 first, then nt 7..2.
    fam.m8_code = static_cast<std::uint8_t>(3 - nucleotide_code(fam.seed[6]));
    fam.core_code = 0;
    for (int i = 5; i >= 0; --i)
        fam.core_code = static_cast<std::uint16_t>((fam.core_code << 2) | (3 - nucleotide_code(fam.seed[i])));
    fam.species.insert(fam.species.end(), ids.begin(), ids.end());
    std::sort(fam.species.begin(), fam.species.end());
    fam.species.erase(std::unique(fam.species.begin(), fam.species.end()), fam.species.end());
}

const std::uint32_t* family_table::species_id(std::string_view species) const {
    auto it = species_ids_.find(species);
    return it == species_ids_.end() ? nullptr : &it->second;
}

void gene_set::set_utr(std::string_view species, std::string alignment) {
    for (auto& u : utrs)
        if (u.species == species) {
            u.alignment = std::move(alignment);
            return;
        }
    utrs.push_back({std::string(species), std::move(alignment)});
}

void normalize_alignment(std::string& alignment) {
    std::size_t masked = 0;
    for (char& c : alignment) {
        if (c == 't' || c == 'T') c = 'U';
        if (masked < mask_length && nucleotide_code(c) != invalid_code) {
            c = 'N';
            ++masked;
        }
    }
}

gene_result process_gene(const family_table& families, const gene_set& gene) {
    return gene_processor(families, gene).run();
}

const std::string_view output_header =
    "a_Gene_ID\tmiRNA_family_ID\tspecies_ID\tMSA_start\tMSA_end\tUTR_start\tUTR_end\tGroup_num\tSite_type\t"
    "miRNA in this species\tGroup_type\tSpecies_in_this_group\tSpecies_in_this_group_with_this_site_type\t"
    "ORF_overlap\n";

void append_rows(std::string& out, std::string_view gene, const gene_result& result, std::uint64_t group_offset) {
    for (const site_row& row : result.rows) {
        const group_summary& g = result.groups[row.group - 1];
        out.append(gene).append(1, '\t').append(row.family).append(1, '\t').append(row.species).append(1, '\t');
        append_number(out, row.msa_start);
        out += '\t';
        append_number(out, row.msa_end);
        out += '\t';
        append_number(out, row.utr_start);
        out += '\t';
        append_number(out, row.utr_end);
        out += '\t';
        append_number(out, group_offset + row.group);
        out.append(1, '\t').append(site_type_name(row.type)).append("\tx\t").append(g.types).append(1, '\t');
        out.append(g.species).append(1, '\t').append(g.species_with_type[site_type_index(row.type)]).append(1, '\t');
        out.append(row.orf_overlap ? "1\n" : "0\n");
    }
}

}  // namespace mirhit::targetscan70
