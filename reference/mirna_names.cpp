#include "reference/mirna_names.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"

namespace mirhit::reference {

namespace {

std::string trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

// "-5p" or "-3p" at the end, else empty.
std::string_view arm_of(std::string_view name) {
    if (name.size() >= 3 && name[name.size() - 3] == '-' && (name[name.size() - 2] == '5' || name[name.size() - 2] == '3') &&
        (name.back() == 'p' || name.back() == 'P'))
        return name.substr(name.size() - 3);
    return {};
}

// Lower case with the species prefix made explicit (hsa- when none is written).
std::string canonical(std::string_view name) {
    std::string s = lower(name);
    const bool has_species = s.size() > 4 && s[3] == '-' && std::isalpha(static_cast<unsigned char>(s[0])) &&
                             std::isalpha(static_cast<unsigned char>(s[1])) && std::isalpha(static_cast<unsigned char>(s[2])) &&
                             s.compare(0, 3, "mir") != 0 && s.compare(0, 3, "let") != 0;
    if (!has_species) s = "hsa-" + s;
    return s;
}

// Whether `candidate` (lower case) is `base` followed by a paralog letter and/or a locus number,
// then optionally an arm: hsa-mir-103 → hsa-mir-103a-3p, hsa-mir-103a-1-5p, hsa-mir-103b.
bool extends(std::string_view candidate, std::string_view base) {
    if (!candidate.starts_with(base)) return false;
    std::string_view rest = candidate.substr(base.size());
    if (!arm_of(rest).empty()) rest.remove_suffix(3);
    if (!rest.empty() && std::isalpha(static_cast<unsigned char>(rest.front()))) rest.remove_prefix(1);
    if (rest.starts_with('-')) {
        rest.remove_prefix(1);
        if (rest.empty()) return false;
        while (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest.front()))) rest.remove_prefix(1);
    }
    // A letter right after the base must not be followed by more digits (miR-10 is not miR-103).
    return rest.empty() && !(candidate.size() > base.size() && std::isdigit(static_cast<unsigned char>(candidate[base.size()])));
}

mirna_resolution resolve_one(const std::string& written, std::span<const std::string> known) {
    mirna_resolution r{written, {}, {}};
    std::string name = written;
    const bool star = !name.empty() && name.back() == '*';
    if (star) name.pop_back();
    const std::string key = canonical(name);
    auto find_all = [&](auto&& match) {
        std::vector<std::string> found;
        for (const auto& k : known)
            if (match(lower(k))) found.push_back(k);
        // -5p before -3p, then by name
        std::sort(found.begin(), found.end(), [](const std::string& a, const std::string& b) {
            const bool a5 = arm_of(a) == "-5p", b5 = arm_of(b) == "-5p";
            return a5 != b5 ? a5 : a < b;
        });
        return found;
    };
    const std::string star_note = star ? "star (minor) arm, not named in miRBase 22: " : "";
    if (auto exact = find_all([&](const std::string& k) { return k == key; }); !exact.empty() && !star) {
        r.names = exact;
        r.how = "exact";
        return r;
    }
    const bool has_arm = !arm_of(key).empty();
    if (!has_arm) {
        auto arms = find_all([&](const std::string& k) { return k == key + "-5p" || k == key + "-3p"; });
        if (!arms.empty()) {
            r.names = arms;
            r.how = star_note + (arms.size() == 1 ? "no arm given: the only arm" : "no arm given: both arms (" + join(arms, ", ") + ")");
            return r;
        }
    }
    const std::string base = has_arm ? key.substr(0, key.size() - 3) : key;
    const std::string arm = has_arm ? key.substr(key.size() - 3) : "";
    auto related = find_all([&](const std::string& k) {
        if (!extends(k, base)) return false;
        return arm.empty() || arm_of(k).empty() || arm_of(k) == arm;
    });
    r.names = related;
    if (related.empty())
        r.how = "not found in the miRNA set";
    else if (related.size() == 1)
        r.how = star_note + "the only match: " + related[0];
    else
        r.how = star_note + "ambiguous: " + std::to_string(related.size()) + " paralogs, loci or arms (" + join(related, ", ") + ")";
    return r;
}

}  // namespace

std::vector<std::string> split_combined_mirna(std::string_view written) {
    std::vector<std::string> parts;
    std::string text = trim(written);
    std::size_t begin = 0;
    while (true) {
        const auto slash = text.find('/', begin);
        parts.push_back(trim(std::string_view(text).substr(begin, slash - begin)));
        if (slash == std::string::npos) break;
        begin = slash + 1;
    }
    if (parts.size() == 1) return parts;
    const std::string arm(arm_of(parts.back()));
    // The first part's prefix up to its number ("miR-", "hsa-let-"), and its stem without a
    // trailing paralog letter ("miR-200" of "miR-200b").
    const std::string& first = parts.front();
    std::size_t number = first.size();
    for (std::size_t i = 0; i < first.size(); ++i)
        if (std::isdigit(static_cast<unsigned char>(first[i]))) {
            number = i;
            break;
        }
    const std::string prefix = first.substr(0, number);
    std::string stem = first.substr(0, first.size() - arm_of(first).size());
    while (!stem.empty() && std::isalpha(static_cast<unsigned char>(stem.back()))) stem.pop_back();
    for (std::size_t i = 1; i < parts.size(); ++i) {
        std::string& p = parts[i];
        const std::string_view bare = std::string_view(p).substr(0, p.size() - arm_of(p).size());
        if (!bare.empty() && std::all_of(bare.begin(), bare.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
            p = stem + p;  // "b" of "miR-200b/c" → miR-200c
        else if (!p.empty() && std::isdigit(static_cast<unsigned char>(p.front())))
            p = prefix + p;  // "222-3p" of "miR-221/222-3p" → miR-222-3p
    }
    if (!arm.empty())
        for (auto& p : parts)
            if (arm_of(p).empty()) p += arm;
    return parts;
}

std::vector<mirna_resolution> resolve_mirna(std::string_view written, std::span<const std::string> known) {
    std::vector<mirna_resolution> out;
    for (const auto& part : split_combined_mirna(written)) out.push_back(resolve_one(part, known));
    return out;
}

std::string mirna_suggestion(std::string_view written, std::span<const std::string> known) {
    const auto key = lower(written);
    // One edit only: two can turn one real miRNA into another (hsa-miR-99999 is not hsa-miR-9899).
    const std::size_t limit = 1;
    const std::string* best = nullptr;
    std::size_t best_distance = limit + 1;
    for (const auto& name : known) {
        const auto full = lower(name);
        const auto dash = full.find('-');
        std::size_t d = edit_distance(key, full);
        if (dash != std::string::npos) d = std::min(d, edit_distance(key, std::string_view(full).substr(dash + 1)));
        if (d < best_distance) best = &name, best_distance = d;
    }
    return best ? "; did you mean '" + *best + "'?" : "";
}

}  // namespace mirhit::reference
