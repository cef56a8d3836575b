#include "scoring/targetscan_pct.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numbers>

namespace mirhit::targetscan_pct {

namespace {

// @all_orgs of both scripts, sorted for binary search.
constexpr std::array<std::string_view, 84> targetscan7_species = {
    "10029", "10036", "10090", "10116", "10141", "10160", "10181", "1230840", "127582", "13146", "132908", "13616",
    "13735", "143302", "176014", "181119", "185453", "225400", "241585", "246437", "27679", "28377", "28737",
    "29078", "30538", "30611", "345164", "34839", "419612", "42254", "43179", "44394", "48883", "51337", "55534",
    "59463", "59538", "59729", "59894", "60711", "61853", "7897", "79684", "8364", "8469", "8478", "8496", "8839",
    "8932", "8954", "9031", "9103", "9258", "9305", "9315", "9361", "9365", "9371", "9402", "9483", "9541", "9544",
    "9557", "9595", "9598", "9601", "9606", "9615", "9646", "9669", "9685", "9708", "9713", "9733", "9739", "9785",
    "9796", "9807", "9823", "9913", "9925", "9940", "9978", "9986"};

// Minimum median BL of bins 2-10 (TargetScan 7).
constexpr std::array<double, 9> bin_thresholds = {1.21207417, 2.17396073, 2.80215414, 3.26272822, 3.65499277,
                                                  4.01461968, 4.40729032, 4.90457274, 5.78196252};

// A site is conserved at BL >= this (TargetScanHuman 7), by site type index.
constexpr std::array<double, 3> conserved_bl = {3.6, 2.8, 1.8};  // 7mer-1a, 7mer-m8, 8mer-1a

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string fixed4(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%.4f", value);
    return text;
}

// The list split at single spaces, trailing empty words dropped (Perl's split / /).
std::vector<std::string_view> split_species(std::string_view list) {
    std::vector<std::string_view> words;
    std::size_t from = 0;
    while (true) {
        const std::size_t space = list.find(' ', from);
        words.push_back(list.substr(from, space == std::string_view::npos ? std::string_view::npos : space - from));
        if (space == std::string_view::npos) break;
        from = space + 1;
    }
    while (!words.empty() && words.back().empty()) words.pop_back();
    return words;
}

}  // namespace

bool is_targetscan7_species(std::string_view species) {
    return std::binary_search(targetscan7_species.begin(), targetscan7_species.end(), species);
}

std::int32_t species_tree::node(std::string_view species) const {
    if (!all_labels_ && !is_targetscan7_species(species)) return scoring::phylo_tree::none;
    return tree_.find(species);
}

std::string perl_number(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%.15g", value);
    return text;
}

int conservation_bin(std::optional<double> median) {
    const double bl = median.value_or(0);
    int bin = 1;
    for (std::size_t i = 0; i < bin_thresholds.size(); ++i)
        if (bl > bin_thresholds[i]) bin = static_cast<int>(i) + 2;
    return bin;
}

utr_conservation utr_branch_length(const species_tree& generic, const std::vector<aligned_utr>& rows) {
    // Each species once, with its last alignment, in Perl's string order.
    std::vector<const aligned_utr*> species;
    for (auto it = rows.rbegin(); it != rows.rend(); ++it)
        if (std::none_of(species.begin(), species.end(), [&](const aligned_utr* s) { return s->species == it->species; }))
            species.push_back(&*it);
    std::sort(species.begin(), species.end(), [](const aligned_utr* a, const aligned_utr* b) { return a->species < b->species; });
    auto reference = std::find_if(species.begin(), species.end(), [](const aligned_utr* s) { return s->species == reference_species; });
    utr_conservation out;
    if (reference == species.end()) return out;
    const std::string& human = (*reference)->alignment;
    const std::int32_t start = generic.node(reference_species);
    std::vector<std::int32_t> nodes(species.size());
    for (std::size_t s = 0; s < species.size(); ++s) nodes[s] = generic.node(species[s]->species);

    // Columns with the same species share a BL: computed once per set.
    std::unordered_map<std::string, double> by_set;
    std::string set(species.size(), '0');
    std::vector<std::int32_t> members;
    std::vector<double> lengths;
    for (std::size_t i = 0; i < human.size(); ++i) {
        if (human[i] == '-') continue;
        const char letter = lower(human[i]);
        std::size_t count = 0;
        for (std::size_t s = 0; s < species.size(); ++s) {
            const std::string& a = species[s]->alignment;
            const bool match = i < a.size() && lower(a[i]) == letter;
            set[s] = match ? '1' : '0';
            count += match;
        }
        if (count == 1) {
            lengths.push_back(0);
            continue;
        }
        auto [it, inserted] = by_set.try_emplace(set, 0.0);
        if (inserted) {
            members.clear();
            for (std::size_t s = 0; s < species.size(); ++s)
                if (set[s] == '1') members.push_back(nodes[s]);
            it->second = generic.tree().branch_length(start, members);
        }
        lengths.push_back(it->second);
    }
    if (lengths.empty()) return out;
    std::sort(lengths.begin(), lengths.end());
    const std::size_t n = lengths.size();
    out.median = n % 2 ? lengths[n / 2] : (lengths[n / 2 - 1] + lengths[n / 2]) / 2;
    out.bin = conservation_bin(out.median);
    return out;
}

void pct_table::add(std::string_view seed, site_type type, const pct_coefficients& b) {
    seeds_[std::string(seed)][targetscan70::site_type_index(type)] = b;
}

pct_coefficients pct_table::find(std::string_view seed, site_type type) const {
    auto it = seeds_.find(std::string(seed));
    if (it == seeds_.end() || type == site_type::six_mer) return {};
    return it->second[targetscan70::site_type_index(type)].value_or(pct_coefficients{});
}

bool several_species(std::string_view species_list) { return split_species(species_list).size() > 1; }

site_conservation conserve_site(const species_tree& bin_tree, const pct_table& pct, std::optional<std::string_view> seed,
                                site_type type, std::string_view species_list, bool masked) {
    site_conservation out;
    double bl = 0;
    const auto words = split_species(species_list);
    if (words.size() <= 1) {
        out.branch_length = "0";
    } else {
        std::vector<std::int32_t> nodes;
        for (std::string_view w : words) nodes.push_back(bin_tree.node(w));
        out.branch_length = fixed4(bin_tree.tree().branch_length(nodes.front(), nodes));
        bl = std::strtod(out.branch_length.c_str(), nullptr);
    }
    const bool six = type == site_type::six_mer;
    out.conserved = !six && bl >= conserved_bl[targetscan70::site_type_index(type)];
    if (!seed || masked || !pct.has(*seed)) {
        out.pct = "NA";
    } else if (bl > 0 && !six) {
        const pct_coefficients b = pct.find(*seed, type);
        out.missing_coefficients = b == pct_coefficients{};
        out.pct = fixed4(b[0] + b[1] / (1 + std::pow(std::numbers::e, (0 - b[2]) * bl + b[3])));
        if (std::strtod(out.pct.c_str(), nullptr) < 0) out.pct = "0.0";
    } else {
        out.pct = bl >= 0 ? "0.0" : "NA";
    }
    return out;
}

gene_conservation conserve_gene(const pct_model& model, const targetscan70::family_table& families,
                                const targetscan70::gene_set& gene, const targetscan70::gene_result& result) {
    gene_conservation out;
    std::vector<aligned_utr> rows;
    for (const auto& utr : gene.utrs) rows.push_back({utr.species, utr.alignment});
    out.utr = utr_branch_length(model.trees.at(0), rows);
    const species_tree& tree = model.trees.at(static_cast<std::size_t>(out.utr.bin));
    for (const auto& row : result.rows) {
        const auto& group = result.groups.at(row.group - 1);
        const std::string& with_type = group.species_with_type[targetscan70::site_type_index(row.type)];
        const auto family = families.families().find(row.family);
        const std::optional<std::string_view> seed =
            family == families.families().end() ? std::nullopt : std::optional<std::string_view>(family->second.seed);
        out.sites.push_back(conserve_site(tree, model.pct, seed, row.type, with_type.empty() ? group.species : with_type,
                                          row.orf_overlap));
    }
    return out;
}

}  // namespace mirhit::targetscan_pct
