#include "scoring/context_score.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <unordered_map>

#include "core/encoding.hpp"
#include "scoring/context_features.hpp"
#include "scoring/context_model.hpp"
#include "scoring/seed_stability.hpp"

namespace mirhit::scoring {

namespace {

double round3(double x) { return std::round(x * 1000.0) / 1000.0; }

double log10_or_zero(double x) { return x > 0 ? std::log10(x) : 0.0; }

term_value numeric(feature f, std::size_t type, double raw) {
    return {raw, round3(contribution(f, type, raw, true)), 0, true};
}

// An identity term: the letter's indicator feature (A, C or G; U is the reference level).
term_value identity(feature a, std::size_t type, char letter) {
    const auto code = code_of(letter);
    term_value v{0, 0, code > 3 ? 'N' : rna_letter[code], true};
    if (code < 3) v.contribution = round3(contribution(static_cast<feature>(static_cast<std::size_t>(a) + code), type, 1.0));
    return v;
}

// AIR-weighted mean of value(isoform end) over the isoforms that contain the site, rounded to a
// whole number as TargetScan does; without isoform data, value(UTR end).
template <class Value>
double isoform_weighted(std::span<const air_region> isoforms, std::uint64_t utr_length, std::uint64_t site_end,
                        Value value) {
    if (isoforms.empty()) return value(utr_length);
    double sum = 0, weights = 0;
    for (const auto& r : isoforms)
        if (r.end >= site_end) {
            sum += r.air * value(r.end);
            weights += r.air;
        }
    return weights > 0 ? std::round(sum / weights) : value(utr_length);
}

}  // namespace

double three_prime_score(std::string_view utr, std::size_t start, site_type type, std::string_view mirna) {
    // The UTR read 3' to 5' from the nucleotide opposite miRNA nt 9 (nt 8 for 7mer-A1, whose
    // alignment starts one nucleotide earlier in the miRNA; for 6mers the nucleotide opposite nt 8
    // is skipped), back to 15 nt before the site; the miRNA 5' to 3' from the same nucleotide.
    // Each is held as one bit mask per nucleotide, so an offset's pairs are a few shifts and ANDs.
    const bool a1 = type == site_type::seven_mer_a1;
    const std::size_t skip = type == site_type::six_mer ? 2 : 1;
    const std::size_t first = start >= 15 ? start - 15 : 0;
    std::array<std::uint32_t, 4> u{}, m{};
    std::size_t un = 0, mn = 0;
    for (std::size_t p = start; p >= first + skip; --p, ++un)
        if (const auto c = code_of(utr[p - skip]); c < 4) u[c] |= 1u << un;
    for (std::size_t i = a1 ? 7 : 8; i < mirna.size() && mn < 32; ++i, ++mn)
        if (const auto c = code_of(mirna[i]); c < 4) m[c] |= 1u << mn;
    // Pairs earn +1 at miRNA nt 13-16 (mask index 4-7 of the miRNA from nt 9), +0.5 elsewhere.
    const std::uint32_t bonus = 0xf0u << (a1 ? 1 : 0);
    // The best run of at least two consecutive pairs in a mask of pair positions.
    auto best_run = [](std::uint32_t pairs, std::uint32_t bonus_here) {
        double best = 0;
        while (pairs) {
            const int low = std::countr_zero(pairs);
            const int length = std::countr_one(pairs >> low);
            const std::uint32_t run = (length >= 32 ? ~0u : ((1u << length) - 1)) << low;
            if (length >= 2) best = std::max(best, 0.5 * length + 0.5 * std::popcount(run & bonus_here));
            pairs &= ~run;
        }
        return best;
    };
    double best = 0;
    for (std::size_t d = 0; d < std::max(un, mn); ++d) {
        const double penalty = std::max(0.0, (static_cast<double>(d) - 2) / 2);
        // The miRNA shifted by d (a gap in the UTR) and the UTR shifted by d (a gap in the miRNA).
        std::uint32_t top = 0, bottom = 0;
        for (int c = 0; c < 4; ++c) {
            top |= u[c] & (m[3 - c] >> d);
            bottom |= (u[c] >> d) & m[3 - c];
        }
        best = std::max(best, std::max(best_run(top, bonus >> d), best_run(bottom, bonus)) - penalty);
    }
    return best;
}

std::uint64_t opposite_mirna_nt1(site_type type, std::uint64_t last) { return opposite_nt1(type, last - length_of(type)) + 1; }

std::vector<std::size_t> unpaired_rows(std::span<const family_site> sites) {
    std::vector<std::size_t> rows;
    rows.reserve(sites.size());
    for (const auto& s : sites) rows.push_back(opposite_mirna_nt1(s.type, s.start + length_of(s.type)));
    return rows;
}

std::optional<double> site_unpaired(const unpaired_table& unpaired, site_type type, std::uint64_t last, int length) {
    const std::uint64_t pos = opposite_mirna_nt1(type, last);
    if (length > unpaired.max_unpaired() || pos > unpaired.length() || pos < static_cast<std::uint64_t>(length))
        return std::nullopt;
    const double p = unpaired.at(pos, length);
    if (!(p >= 0)) return std::nullopt;  // NaN: beyond the effective u of a short UTR
    return p;
}

std::optional<double> site_unpaired(const stored_unpaired& stored, site_type type, std::uint64_t last, int length) {
    const std::uint64_t pos = opposite_mirna_nt1(type, last);
    constexpr std::size_t per_position = stored_stretches.size();
    const auto column = std::find(stored_stretches.begin(), stored_stretches.end(), length) - stored_stretches.begin();
    if (static_cast<std::size_t>(column) == per_position || pos < 1 || pos > stored.values.size() / per_position) return std::nullopt;
    const double p = stored.values[(pos - 1) * per_position + static_cast<std::size_t>(column)];
    if (!(p >= 0)) return std::nullopt;  // NaN: none in the fold
    return p;
}

std::optional<double> site_unpaired(const unpaired_table* table, const stored_unpaired& stored, site_type type, std::uint64_t last,
                                    int length) {
    if (!stored.values.empty()) return site_unpaired(stored, type, last, length);
    if (table) return site_unpaired(*table, type, last, length);
    return std::nullopt;
}

double air_of_site(std::span<const air_region> isoforms, std::uint64_t site_end) {
    if (isoforms.empty()) return 1.0;
    const air_region* nearest = nullptr;
    std::uint64_t nearest_distance = 0;
    for (const auto& r : isoforms) {
        if (r.start <= site_end && site_end <= r.end) return std::max(r.air, 0.0001);
        const auto distance = std::min(r.end > site_end ? r.end - site_end : site_end - r.end,
                                       r.start > site_end ? r.start - site_end : site_end - r.start);
        if (!nearest || distance < nearest_distance) nearest = &r, nearest_distance = distance;
    }
    return std::max(nearest->air, 0.0001);
}

context_scorer::context_scorer(const mirna_set& mirnas, const ta_values& ta) : mirnas_(mirnas) {
    for (const auto& f : mirnas.families()) {
        ta_by_family_.push_back(ta.by_seed[seed_code(f.seed)]);
        sps_by_family_.push_back({seed_pairing_stability(f.seed, true), seed_pairing_stability(f.seed, false)});
    }
}

void context_scorer::score(std::string_view utr, std::span<const family_site> sites, const utr_inputs& inputs,
                           std::span<const std::uint32_t> orf_8mers, std::vector<std::optional<site_score>>& out) const {
    out.clear();
    const std::uint64_t length = utr.size();
    // The ends of each family's offset 6mers (position order), for Off6m.
    std::unordered_map<std::uint32_t, std::vector<std::uint64_t>> offset_ends;
    for (const auto& s : sites)
        if (s.type == site_type::offset_six_mer) offset_ends[s.family].push_back(s.start + 6);
    static const std::vector<std::uint64_t> none;
    for (const auto& s : sites) {
        const auto type_index = scored_type_index(s.type);
        const auto& members = mirnas_.families()[s.family].members;
        if (!type_index || s.start < near_stop_length) {
            out.insert(out.end(), members_of(members, s).size(), std::nullopt);
            continue;
        }
        const std::size_t t = *type_index;
        const std::uint64_t first = s.start + 1, last = s.start + length_of(s.type);  // 1-based

        const auto found = offset_ends.find(s.family);
        const auto& ends = found == offset_ends.end() ? none : found->second;
        const double offset_count = isoform_weighted(inputs.isoforms, length, last, [&](std::uint64_t end) {
            return static_cast<double>(std::upper_bound(ends.begin(), ends.end(), end) - ends.begin());
        });

        site_score base;
        auto& terms = base.terms;
        terms[static_cast<std::size_t>(term::site_type)] = {0, intercept[t], 0, true};
        terms[static_cast<std::size_t>(term::local_au)] = numeric(feature::local_au, t, local_au(utr, s.start, s.start + length_of(s.type), s.type));
        const double min_dist = isoform_weighted(inputs.isoforms, length, last, [&](std::uint64_t end) {
            return static_cast<double>(std::min(first - 1, end - last));
        });
        terms[static_cast<std::size_t>(term::min_dist)] = numeric(feature::min_dist, t, log10_or_zero(min_dist));
        const double utr_length = isoform_weighted(inputs.isoforms, length, last, [](std::uint64_t end) { return double(end); });
        terms[static_cast<std::size_t>(term::utr_length)] = numeric(feature::utr_length, t, log10_or_zero(utr_length));
        if (inputs.orf_length) {
            terms[static_cast<std::size_t>(term::orf_length)] =
                numeric(feature::orf_length, t, log10_or_zero(static_cast<double>(*inputs.orf_length)));
            terms[static_cast<std::size_t>(term::orf_8mers)] = numeric(feature::orf_8mers, t, orf_8mers[s.family]);
        }
        terms[static_cast<std::size_t>(term::offset_6mers)] = numeric(feature::offset_6mers, t, offset_count);
        if (const auto p = site_unpaired(inputs.unpaired, inputs.stored, s.type, last, sa_length); p && *p > 0)
            terms[static_cast<std::size_t>(term::accessibility)] = numeric(feature::accessibility, t, std::log10(*p));
        terms[static_cast<std::size_t>(term::target_abundance)] =
            numeric(feature::target_abundance, t, ta_by_family_[s.family]);
        terms[static_cast<std::size_t>(term::seed_stability)] =
            numeric(feature::sps, t, sps_by_family_[s.family][t < 2 ? 0 : 1]);
        if (inputs.pct)
            if (auto found = inputs.pct->find(s.start << 3 | static_cast<std::uint64_t>(s.type)); found != inputs.pct->end())
                terms[static_cast<std::size_t>(term::pct)] = numeric(feature::pct, t, found->second);
        terms[static_cast<std::size_t>(term::site_nt8)] = identity(feature::site8_a, t, s.start > 0 ? utr[s.start - 1] : 'N');

        for (auto m : members) {
            const auto& seq = mirnas_.mirnas()[m].sequence;
            site_score sc = base;
            sc.terms[static_cast<std::size_t>(term::three_prime_pairing)] =
                numeric(feature::three_prime_pairing, t, three_prime_score(utr, s.start, s.type, seq));
            sc.terms[static_cast<std::size_t>(term::mirna_nt1)] = identity(feature::mirna1_a, t, seq[0]);
            sc.terms[static_cast<std::size_t>(term::mirna_nt8)] = identity(feature::mirna8_a, t, seq[7]);
            double total = 0;
            for (const auto& v : sc.terms) total += v.contribution;
            sc.score = std::min(round3(total), score_cap[t]);
            out.emplace_back(sc);
        }
    }
}

}  // namespace mirhit::scoring
