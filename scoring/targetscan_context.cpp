#include "scoring/targetscan_context.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

#include "scoring/accessibility.hpp"
#include "scoring/context_features.hpp"
#include "scoring/context_score.hpp"
#include "scoring/energy_params.hpp"

namespace mirhit::targetscan_context {

namespace {

using scoring::feature;
using scoring::sa_length;

// Sites starting before this 1-based position are "too_close" to the stop codon.
constexpr std::uint64_t min_distance_to_cds = 15;
constexpr std::string_view too_close = "too_close";
constexpr double min_air = 0.0001;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The reference's number pattern: /^([+-]?)(?=\d|\.\d)\d*(\.\d*)?([Ee]([+-]?\d+))?$/
bool matches_number_pattern(std::string_view s) {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!(i < s.size() && (is_digit(s[i]) || (s[i] == '.' && i + 1 < s.size() && is_digit(s[i + 1]))))) return false;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i < s.size() && s[i] == '.')
        for (++i; i < s.size() && is_digit(s[i]);) ++i;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
        if (!(j < s.size() && is_digit(s[j]))) return false;
        while (j < s.size() && is_digit(s[j])) ++j;
        i = j;
    }
    return i == s.size();
}

// The value of a string that matches the pattern.
double number_of(std::string_view s) {
    if (!s.empty() && s[0] == '+') s.remove_prefix(1);
    double v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

std::string format(const char* spec, double v) {
    char text[64];
    const int n = std::snprintf(text, sizeof text, spec, v);
    return std::string(text, static_cast<std::size_t>(std::clamp(n, 0, static_cast<int>(sizeof text) - 1)));
}
std::string fixed3(double v) { return format("%.3f", v); }
std::string fixed4(double v) { return format("%.4f", v); }
// How Perl prints a number it computed.
std::string perl_number_text(double v) { return format("%.15g", v); }

// Perl's sprintf("%.0f") (its S_F0convert fast path): adds 0.5 in floating point, truncates, and
// rounds halves to even.
double perl_round0(double nv) {
    const bool negative = nv < 0;
    if (negative) nv = -nv;
    if (nv == 0 || nv >= 18446744073709551616.0) return std::nearbyint(negative ? -nv : nv);
    auto uv = static_cast<std::uint64_t>(nv);
    if (static_cast<double>(uv) != nv) {
        nv += 0.5;
        uv = static_cast<std::uint64_t>(nv);
        if ((uv & 1) && static_cast<double>(uv) == nv) --uv;
    }
    return negative ? -static_cast<double>(uv) : static_cast<double>(uv);
}

// The reference's log10: log(x) / log(10), 0 for 0.
double log10_like_reference(double x) { return x != 0 ? std::log(x) / std::log(10.0) : 0; }

constexpr std::array<std::string_view, 10> scored_species = {"10090", "10116", "13616", "8364", "9031",
                                                            "9544",  "9598",  "9606",  "9615", "9913"};

// 3'UTR length, Min_dist and Off6m over the isoforms that reach the site, as the reference
// weights them by AIR (regions by increasing end; see sequencer).
double reference_utr_length(const utr_data& utr, std::uint64_t site_end) {
    // The reference skips AIRs written "0" but not their lengths, so later lengths pair with
    // earlier AIRs and the last ones with none.
    std::vector<double> lengths, airs;
    for (const auto& [end, iso] : utr.isoforms) {
        if (end < site_end) continue;
        lengths.push_back(static_cast<double>(end));
        if (iso.truthy) airs.push_back(iso.air);
    }
    double sum = 0, weights = 0;
    for (std::size_t i = 0; i < lengths.size(); ++i) {
        const double air = i < airs.size() ? airs[i] : 0;
        sum += lengths[i] * air;
        weights += air;
    }
    return weights != 0 ? perl_round0(sum / weights) : 0;
}

double reference_min_distance(const utr_data& utr, std::uint64_t site_start, std::uint64_t site_end) {
    double sum = 0, weights = 0;
    for (const auto& [end, iso] : utr.isoforms) {
        if (end < site_end) continue;
        const std::uint64_t before = site_start - 1, after = end - site_end;
        sum += static_cast<double>(before <= after ? before : after) * iso.air;
        weights += iso.air;
    }
    return weights != 0 ? perl_round0(sum / weights) : 0;
}

double air_reaching(const utr_data& utr, std::uint64_t site_end) {
    double weights = 0;
    for (const auto& [end, iso] : utr.isoforms)
        if (end >= site_end) weights += iso.air;
    return weights;
}

// The reference means to count the offset 6mers (the match to miRNA nt 3-8) of the seed in the
// UTR, weighted over isoforms; it searches a Perl hash reference instead of the sequence, finds
// nothing, and so counts 1 wherever an isoform with AIR reaches the site (0 elsewhere).
double reference_offset_6mers(const utr_data& utr, std::uint64_t site_end) {
    return air_reaching(utr, site_end) != 0 ? 1 : 0;
}

// --fixed: what the reference meant, its regex's non-overlapping case-insensitive matches of the
// offset 6mer, by 1-based end position, counted in each isoform that reaches the site.
double offset_6mer_count(const utr_data& utr, std::string_view seed, std::uint64_t site_end, bool own_isoform) {
    std::string site;
    for (std::size_t i = 6; i >= 1; --i) {
        switch (seed[i]) {
        case 'A': site += 'U'; break;
        case 'C': site += 'G'; break;
        case 'G': site += 'C'; break;
        default: site += 'A'; break;  // U or T
        }
    }
    std::vector<std::uint64_t> ends;
    const std::string& s = utr.sequence;
    for (std::size_t i = 0; i + site.size() <= s.size();) {
        bool match = true;
        for (std::size_t k = 0; k < site.size() && match; ++k) {
            char c = s[i + k];
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            match = c == site[k];
        }
        if (match) {
            ends.push_back(i + site.size());
            i += site.size();
        } else {
            ++i;
        }
    }
    if (own_isoform) return static_cast<double>(ends.size());
    double sum = 0, weights = 0;
    for (const auto& [end, iso] : utr.isoforms) {
        if (end < site_end) continue;
        const auto count = std::upper_bound(ends.begin(), ends.end(), end) - ends.begin();
        sum += static_cast<double>(count) * iso.air;
        weights += iso.air;
    }
    return weights != 0 ? perl_round0(sum / weights) : 0;
}

score_key key_of(double rounded, int digits) {
    const auto units = static_cast<std::int64_t>(std::llround(rounded * std::pow(10.0, digits)));
    return {units, units == 0 && std::signbit(rounded) ? score_key::negative_zero : score_key::plain};
}

}  // namespace

perl_value perl_value::text(std::string_view s) {
    const bool number = matches_number_pattern(s);
    return {!(s.empty() || s == "0"), number, number ? number_of(s) : 0};
}

parameters parameters::builtin() {
    parameters p;
    for (std::size_t t = 0; t < scoring::scored_type_count; ++t)
        p.intercept_text_[t] = perl_number_text(scoring::intercept[t]);
    p.intercepts_seen_ = true;
    p.seen_.fill(true);
    return p;
}

void parameters::set_intercepts(const std::vector<std::string_view>& fields) {
    for (std::size_t t = 0; t < scoring::scored_type_count; ++t) {
        const std::string_view value = t + 1 < fields.size() ? fields[t + 1] : std::string_view();
        if (!matches_number_pattern(value))
            throw format_error("intercept '" + std::string(value) + "' is not a number");
        intercept_text_[t] = value;
    }
    intercepts_seen_ = true;
}

void parameters::set_feature(const std::vector<std::string_view>& fields) {
    auto it = std::find_if(features_.begin(), features_.end(),
                           [&](const auto& f) { return !fields.empty() && f.name == fields[0]; });
    if (it == features_.end()) return;
    auto value = [&](std::size_t i) {
        const std::string_view v = i < fields.size() ? fields[i] : std::string_view();
        if (v.empty()) return 0.0;
        if (!matches_number_pattern(v))
            throw format_error(std::string(it->name) + ": '" + std::string(v) + "' is not a number");
        return number_of(v);
    };
    for (std::size_t t = 0; t < scoring::scored_type_count; ++t) {
        it->coefficient[t] = value(1 + t);
        it->min[t] = value(5 + t);
        it->max[t] = value(9 + t);
        if (it->scaled && it->max[t] == it->min[t])
            throw format_error(std::string(it->name) + ": the minimum and maximum of a scaled feature must differ");
    }
    seen_[static_cast<std::size_t>(it - features_.begin())] = true;
}

const char* parameters::missing_feature() const {
    if (!intercepts_seen_) return "Intercept";
    for (std::size_t f = 0; f < features_.size(); ++f)
        if (!seen_[f]) return features_[f].name.data();
    return nullptr;
}

std::string parameters::contribution(feature f, std::size_t type_index, double raw) const {
    // scoring::contribution's formula, on these parameters
    const auto& p = features_[static_cast<std::size_t>(f)];
    const double x = p.scaled ? (raw - p.min[type_index]) / (p.max[type_index] - p.min[type_index]) : raw;
    return fixed3(p.coefficient[type_index] * x);
}

std::string parameters::contribution(feature f, std::size_t type_index, const perl_value& raw) const {
    return raw.number ? contribution(f, type_index, raw.value) : "0";
}

utr_data* inputs::find_utr(std::string_view gene, std::string_view species) {
    auto g = utrs.find(std::string(gene));
    if (g == utrs.end()) return nullptr;
    auto s = g->second.find(std::string(species));
    return s == g->second.end() ? nullptr : &s->second;
}

void add_air(inputs& in, std::string_view gene, std::uint64_t start, std::uint64_t end, std::string_view air_text) {
    auto g = in.utrs.find(std::string(gene));
    if (g == in.utrs.end()) return;
    auto human = g->second.find(std::string(reference_species));
    const perl_value air = perl_value::text(air_text);
    for (auto& [species, utr] : g->second) {
        if (human == g->second.end())
            throw format_error("gene '" + std::string(gene) + "' has no " + std::string(reference_species) +
                               " UTR to scale its AIRs to species " + species + " by");
        const double factor =
            static_cast<double>(human->second.sequence.size()) / static_cast<double>(utr.sequence.size());
        const auto scaled_end = static_cast<std::uint64_t>(perl_round0(static_cast<double>(end) / factor));
        const auto scaled_start =
            start > 1 ? static_cast<std::uint64_t>(perl_round0(static_cast<double>(start) / factor)) : 1;
        utr.isoforms[scaled_end] = {scaled_start, air.value, air.truthy};
    }
}

bool is_scored_species(std::string_view species) {
    return std::find(scored_species.begin(), scored_species.end(), species) != scored_species.end();
}

std::optional<site_type> parse_reference_type(std::string_view name) {
    if (name == "8mer-1a") return site_type::eight_mer;
    if (name == "7mer-m8") return site_type::seven_mer_m8;
    if (name == "7mer-1a") return site_type::seven_mer_a1;
    if (name == "6mer") return site_type::six_mer;
    return std::nullopt;
}

std::string_view reference_type_name(site_type type) {
    switch (type) {
    case site_type::eight_mer: return "8mer-1a";
    case site_type::seven_mer_m8: return "7mer-m8";
    case site_type::seven_mer_a1: return "7mer-1a";
    default: return "6mer";
    }
}

sequencer::sequencer(const inputs& in) : in_(in), seed_(in.last_mirna_seed) {}

void sequencer::next(target_row& row) {
    const utr_data& utr = *row.utr;
    row.air = in_.fixed && utr.isoforms.empty() ? 1.0 : reference_air(utr, row.end);
    seen_.insert(&utr);
    if (in_.fixed) row.own_isoform = air_reaching(utr, row.end) == 0;
    if (row.start < min_distance_to_cds)
        row.stale_seed = seed_;
    else
        seed_ = in_.family_seed.at(row.family);
}

double sequencer::reference_air(const utr_data& utr, std::uint64_t site_end) {
    if (utr.isoforms.empty() && !seen_.contains(&utr)) return 1;
    double closest = 10000000;
    for (const auto& [end, iso] : utr.isoforms) {
        if (end >= site_end && iso.start <= site_end) return 1.0 * iso.air / 100;
        const auto distance = [&](std::uint64_t p) { return p > site_end ? p - site_end : site_end - p; };
        const auto d = static_cast<double>(std::min(distance(end), distance(iso.start)));
        if (d < closest) {
            closest = d;
            nearest_air_ = perl_value{iso.truthy, true, iso.air};
        }
    }
    if (!nearest_air_ || !nearest_air_->truthy) nearest_air_ = perl_value::of(100);
    return std::max(1.0 * nearest_air_->value / 100, min_air);
}

// The UTR's unpaired probabilities for SA, folded on first use.
const std::vector<double>& unpaired_14(const utr_data& utr) {
    lazy_unpaired& lazy = *utr.unpaired_14;
    std::call_once(lazy.once, [&] {
        thread_local scoring::plfold fold(scoring::turner2004(), scoring::plfold_options{});
        lazy.p.assign(utr.sequence.size(), std::numeric_limits<double>::quiet_NaN());
        if (lazy.rows.empty()) {
            fold.run(utr.sequence, [&](std::size_t pos, const double* p, int count) {
                if (count >= sa_length) lazy.p[pos - 1] = p[sa_length - 1];
            });
            return;
        }
        const auto table = fold.unpaired(utr.sequence, lazy.rows);
        for (const auto pos : lazy.rows)
            if (pos >= 1 && pos <= table.length()) lazy.p[pos - 1] = table.at(pos, sa_length);
    });
    return lazy.p;
}

std::uint64_t sa_position(const inputs& in, const target_row& row) {
    const std::uint64_t shift = row.type == site_type::seven_mer_m8 ? 1 : row.type == site_type::six_mer ? (in.fixed ? 1 : 2) : 0;
    return row.end + shift;
}

// SA: log10 of the probability that the 14 nt ending at sa_position are unpaired, read as
// RNAplfold prints it (%.7g). Without a value (the stretch would leave the UTR) the reference has
// no number: 0, or NA with --fixed.
std::string accessibility_contribution(const inputs& in, const target_row& row, std::size_t ti) {
    const std::uint64_t pos = sa_position(in, row);
    const auto& p = unpaired_14(*row.utr);
    if (pos < 1 || pos > p.size() || !(p[pos - 1] > 0)) return in.fixed ? "NA" : "0";
    const double printed = number_of(format("%.7g", p[pos - 1]));
    return in.params.contribution(feature::accessibility, ti, log10_like_reference(printed));
}

void score_row(const inputs& in, const target_row& row, std::vector<scored_line>& out) {
    const std::size_t ti = scoring::scored_type_index(row.type).value();
    const parameters& params = in.params;
    const utr_data& utr = *row.utr;
    const std::string_view seq = utr.sequence;
    const std::size_t start0 = row.start - 1, end0 = row.end;
    const std::string& family_seed = in.family_seed.at(row.family);
    const bool is_too_close = row.start < min_distance_to_cds;

    const std::string local_au =
        params.contribution(feature::local_au, ti, scoring::local_au(seq, start0, end0, row.type));
    double utr_length, min_dist, offset_6mers;
    if (row.own_isoform) {
        utr_length = static_cast<double>(seq.size());
        min_dist = static_cast<double>(scoring::min_distance(start0, end0, seq.size()));
    } else {
        utr_length = reference_utr_length(utr, row.end);
        min_dist = reference_min_distance(utr, row.start, row.end);
    }
    offset_6mers = in.fixed ? offset_6mer_count(utr, family_seed, row.end, row.own_isoform)
                            : reference_offset_6mers(utr, row.end);
    const std::string len_3utr = params.contribution(feature::utr_length, ti, log10_like_reference(utr_length));
    const std::string min_dist_text = params.contribution(feature::min_dist, ti, log10_like_reference(min_dist));
    const std::string offset_text = params.contribution(feature::offset_6mers, ti, offset_6mers);
    const std::string sa = accessibility_contribution(in, row, ti);

    const bool orf_known = utr.orf_length && utr.orf_length->number && utr.orf_length->value != 0;
    std::string orf_length = "NA", orf_8mers = "NA";
    if (orf_known || !in.fixed) {
        orf_length = params.contribution(feature::orf_length, ti,
                                         log10_like_reference(orf_known ? utr.orf_length->value : 0));
        auto count = utr.orf_8mers.find(family_seed);
        orf_8mers = params.contribution(
            feature::orf_8mers, ti, count != utr.orf_8mers.end() && count->second.truthy ? count->second : perl_value::of(0));
    }
    const std::string pct =
        !row.pct || *row.pct == "NA" ? "0" : params.contribution(feature::pct, ti, perl_value::text(*row.pct));

    auto indicator_texts = [&](const scoring::nucleotide_identity& id, feature a) {
        std::array<std::string, 3> texts = {"0", "0", "0"};
        if (!id.scored) return texts;
        const bool is[] = {id.a, id.c, id.g};
        for (std::size_t k = 0; k < 3; ++k)
            texts[k] = params.contribution(static_cast<feature>(static_cast<std::size_t>(a) + k), ti, is[k] ? 1.0 : 0.0);
        return texts;
    };
    const bool has_site8 = row.type == site_type::seven_mer_a1 || row.type == site_type::six_mer;
    const auto site8 = has_site8 ? indicator_texts(scoring::site8_identity(seq, start0, end0, row.type), feature::site8_a)
                                 : std::array<std::string, 3>{"0", "0", "0"};
    const bool seven = row.type == site_type::eight_mer || row.type == site_type::seven_mer_m8;
    auto seed_has_values = [&](const std::optional<std::string>& seed) -> const seed_values* {
        if (!seed) return nullptr;
        auto it = in.seeds.find(*seed);
        if (it == in.seeds.end() || !it->second.ta.truthy || !(seven ? it->second.sps_seven : it->second.sps_six).truthy)
            return nullptr;
        return &it->second;
    };

    for (const mirna& m : *row.mirnas) {
        const auto srna1 = indicator_texts(scoring::mirna_identity(m.sequence, 1), feature::mirna1_a);
        const auto srna8 = indicator_texts(scoring::mirna_identity(m.sequence, 8), feature::mirna8_a);
        const scoring::three_prime_pairing pairing =
            scoring::three_prime_pairing_of(seq, start0, end0, row.type, m.sequence);

        std::string three_prime, au, ta, sps, total;
        scored_line& line = out.emplace_back();
        double score = 0;
        if (is_too_close) {
            three_prime = au = total = std::string(too_close);
            ta = sps = seed_has_values(row.stale_seed) ? std::string(too_close) : "NA";
        } else {
            three_prime = params.contribution(feature::three_prime_pairing, ti, pairing.score);
            au = local_au;
            if (const seed_values* v = seed_has_values(m.sequence.substr(1, 7))) {
                ta = params.contribution(feature::target_abundance, ti, v->ta);
                sps = params.contribution(feature::sps, ti, seven ? v->sps_seven : v->sps_six);
            } else {
                ta = sps = "NA";
            }
            // Summed in the reference's order from the numbers as written; NA adds nothing.
            double sum = number_of(params.intercept_text(ti));
            for (const std::string* c : std::initializer_list<const std::string*>{&three_prime, &au, &min_dist_text, &srna1[0], &srna1[1], &srna1[2], &srna8[0],
                                         &srna8[1], &srna8[2], &site8[0], &site8[1], &site8[2], &len_3utr, &sa, &orf_length,
                                         &orf_8mers, &offset_text, &ta, &sps, &pct})
                if (*c != "NA") sum += number_of(*c);
            const scoring::capped_score capped = scoring::round_and_cap(sum, row.type);
            score = capped.value;
            total = capped.capped ? perl_number_text(capped.value) : fixed3(capped.value);
            line.score = capped.capped ? score_key{std::llround(capped.value * 1000), score_key::cap}
                                       : key_of(capped.value, 3);
        }
        const double weighted = scoring::round_like_printf(scoring::weighted_context_score(score, row.air), 4);
        line.weighted = key_of(weighted, 4);
        line.mirna_id = m.id;

        std::string& t = line.text;
        for (std::string_view field :
             {std::string_view(row.gene), std::string_view(row.species), std::string_view(m.id),
              reference_type_name(row.type), std::string_view(row.start_text), std::string_view(row.end_text),
              std::string_view(params.intercept_text(ti)), std::string_view(three_prime), std::string_view(au),
              std::string_view(min_dist_text)}) {
            t.append(field).append(1, '\t');
        }
        for (const auto* group : {&srna1, &srna8, &site8})
            for (const auto& c : *group) t.append(c).append(1, '\t');
        for (std::string_view field :
             {std::string_view(len_3utr), std::string_view(sa), std::string_view(orf_length),
              std::string_view(orf_8mers), std::string_view(offset_text), std::string_view(ta), std::string_view(sps),
              std::string_view(pct), std::string_view(total), std::string_view("NA")}) {
            t.append(field).append(1, '\t');
        }
        t.append(perl_number_text(row.air)).append(1, '\t').append(fixed4(weighted)).append("\tNA\t");
        t.append(pairing.utr).append(1, '\t').append(pairing.pairing).append(1, '\t').append(pairing.mirna);
        t.append(1, '\t').append(row.family).append(1, '\t').append(row.group);
    }
}

const std::string_view output_header =
    "Gene ID\tSpecies ID\tMirbase ID\tSite Type\tUTR start\tUTR end\tSite type contribution\t"
    "3' pairing contribution\tlocal AU contribution\tMin_dist contribution\tsRNA1A contribution\t"
    "sRNA1C contribution\tsRNA1G contribution\tsRNA8A contribution\tsRNA8C contribution\tsRNA8G contribution\t"
    "site8A contribution\tsite8C contribution\tsite8G contribution\t3'UTR length contribution\tSA contribution\t"
    "ORF length contribution\tORF 8mer contribution\tOffset 6mer contribution\tTA contribution\t"
    "SPS contribution\tPCT contribution\tcontext++ score\tcontext++ score percentile\tAIR\t"
    "weighted context++ score\tweighted context++ score percentile\tUTR region\tUTR-miRNA pairing\t"
    "mature miRNA sequence\tmiRNA family\tGroup #\n";

percentile_table::line_keys percentile_table::add(const scored_line& line) {
    auto [it, inserted] = index_.try_emplace(line.mirna_id, static_cast<std::uint32_t>(mirnas_.size()));
    if (inserted) mirnas_.emplace_back();
    mirna_scores& m = mirnas_[it->second];
    if (line.score.numeric()) m.scores.push_back(line.score);
    if (line.weighted.numeric()) m.weighted.push_back(line.weighted);
    return {it->second, line.score, line.weighted};
}

// Per miRNA, the scores sorted from highest (stably, numbers that are equal keep their order);
// each rank is the share of the list above the first score equal to it, floored. The reference
// compares with the previous score only when that one is true in Perl, so a score after a "0"
// keeps the rank before it; the previous of the first is the last. Weighted scores are ranked in
// the same loop, over the number of (unweighted) scores and sharing its counter; a weighted score
// beyond that count gets no rank (an empty column), as does every weighted score of a miRNA whose
// sites are all too_close. Equal texts share the rank of the last of them.
void percentile_table::compute() {
    auto higher = [](const score_key& a, const score_key& b) { return a.units > b.units; };
    for (mirna_scores& m : mirnas_) {
        const std::size_t n = m.scores.size(), w = m.weighted.size();
        if (n == 0) continue;
        std::stable_sort(m.scores.begin(), m.scores.end(), higher);
        std::stable_sort(m.weighted.begin(), m.weighted.end(), higher);
        std::size_t lower = 0;
        auto rank = [&] { return static_cast<int>(std::floor(100.0 * static_cast<double>(lower) / static_cast<double>(n))); };
        for (std::size_t i = 0; i < n; ++i) {
            const score_key& previous = m.scores[i == 0 ? n - 1 : i - 1];
            if (previous.truthy() && m.scores[i].units != previous.units) lower = i;
            m.score_rank[m.scores[i]] = rank();
            const score_key& weighted_previous = m.weighted[i == 0 ? w - 1 : i - 1];
            if (weighted_previous.truthy() && m.weighted[i].units != weighted_previous.units) lower = i;
            m.weighted_rank[m.weighted[i]] = rank();
        }
    }
}

std::string percentile_table::finish(std::string_view text, const line_keys& keys) const {
    constexpr std::size_t score_rank_field = 28, weighted_rank_field = 31;
    const mirna_scores& m = mirnas_[keys.mirna];
    std::string out;
    out.reserve(text.size() + 8);
    std::size_t field = 0, begin = 0;
    for (;;) {
        const std::size_t tab = text.find('\t', begin);
        const std::string_view value = text.substr(begin, tab == std::string_view::npos ? tab : tab - begin);
        if (field == score_rank_field && keys.score.numeric()) {
            out += std::to_string(m.score_rank.at(keys.score));
        } else if (field == weighted_rank_field && keys.weighted.numeric()) {
            auto it = m.weighted_rank.find(keys.weighted);
            if (it != m.weighted_rank.end()) out += std::to_string(it->second);
        } else {
            out += value;
        }
        if (tab == std::string_view::npos) break;
        out += '\t';
        begin = tab + 1;
        ++field;
    }
    // The reference splits the line and joins it again, which drops empty fields at its end.
    while (!out.empty() && out.back() == '\t') out.pop_back();
    out += '\n';
    return out;
}

}  // namespace mirhit::targetscan_context
