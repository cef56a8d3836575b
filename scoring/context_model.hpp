#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "core/site.hpp"

namespace mirhit::scoring {

// The context++ model of Agarwal, Bell, Nam & Bartel 2015, eLife 4:e05005 ("Predicting effective
// microRNA target sites in mammalian mRNAs"): per site type, an intercept plus coefficient ×
// scaled feature, summed, rounded to 3 dp and capped. The figures below are the paper's published
// regression coefficients and feature ranges (its Supplementary File 1, as TargetScan 7 ships
// them), columns in the order 8mer, 7mer-m8, 7mer-A1, 6mer.

enum class feature : std::uint8_t {
    three_prime_pairing,  // 3P_score
    utr_length,           // Len_3UTR (log10 nt)
    orf_length,           // Len_ORF (log10 nt)
    local_au,             // Local_AU
    min_dist,             // Min_dist (log10 nt)
    offset_6mers,         // Off6m (count in the UTR)
    orf_8mers,            // ORF8m (count in the ORF)
    pct,                  // PCT
    accessibility,        // SA (log10 probability unpaired)
    site8_a,              // Site8A/C/G: UTR nt 5' of a 7mer-A1 or 6mer site
    site8_c,
    site8_g,
    sps,                  // SPS (kcal/mol)
    mirna1_a,             // sRNA1A/C/G: miRNA nt 1
    mirna1_c,
    mirna1_g,
    mirna8_a,             // sRNA8A/C/G: miRNA nt 8
    mirna8_c,
    mirna8_g,
    target_abundance,     // TA_3UTR (log10 sites)
};
inline constexpr std::size_t feature_count = 20;

// The four site types the model scores.
inline constexpr std::size_t scored_type_count = 4;
constexpr std::optional<std::size_t> scored_type_index(site_type t) {
    if (static_cast<std::size_t>(t) >= scored_type_count) return std::nullopt;  // offset-6mer, non-canonical
    return static_cast<std::size_t>(t);
}

struct feature_parameters {
    std::string_view name;  // as in the paper and TargetScan's parameter file
    std::array<double, scored_type_count> coefficient;
    // Min-max scaling bounds; a feature without bounds enters raw.
    bool scaled;
    std::array<double, scored_type_count> min;
    std::array<double, scored_type_count> max;
};

inline constexpr std::array<double, scored_type_count> intercept = {-0.589, -0.224, -0.195, -0.079};
// Scores are capped from above (TargetScan 7): a site never predicts up-regulation.
inline constexpr std::array<double, scored_type_count> score_cap = {-0.03, -0.02, -0.01, 0.0};

inline constexpr std::array<feature_parameters, feature_count> parameters = {{
    {"3P_score", {-0.04, -0.055, -0.06, -0.024}, true, {1, 1, 1, 1}, {3.5, 3.5, 3.5, 3.5}},
    {"Len_3UTR", {0.31, 0.154, 0.129, 0.045}, true, {2.392, 2.409, 2.413, 2.405}, {3.637, 3.615, 3.63, 3.62}},
    {"Len_ORF", {0.205, 0.1, 0.063, 0.029}, true, {2.788, 2.773, 2.773, 2.775}, {3.753, 3.729, 3.73, 3.731}},
    {"Local_AU", {-0.254, -0.177, -0.075, -0.04}, true, {0.308, 0.277, 0.342, 0.295}, {0.814, 0.782, 0.801, 0.772}},
    {"Min_dist", {0.118, 0.056, 0.045, 0.036}, true, {1.415, 1.491, 1.431, 1.477}, {3.113, 3.096, 3.117, 3.106}},
    {"Off6m", {-0.02, -0.011, -0.02, -0.01}, false, {}, {}},
    {"ORF8m", {-0.118, -0.044, -0.058, -0.06}, false, {}, {}},
    {"PCT", {-0.103, -0.048, -0.048, 0.005}, true, {0, 0, 0, 0}, {0.816, 0.364, 0.449, 0.193}},
    {"SA", {-0.115, -0.134, -0.077, -0.028}, true, {-4.356, -5.218, -4.23, -5.082}, {-0.661, -0.725, -0.588, -0.666}},
    {"Site8A", {0, 0, 0, -0.002}, false, {}, {}},
    {"Site8C", {0, 0, 0.036, 0.015}, false, {}, {}},
    {"Site8G", {0, 0, 0.015, 0.012}, false, {}, {}},
    {"SPS", {0.21, 0.135, 0.095, 0.035}, true, {-11.13, -11.13, -8.41, -8.57}, {-5.52, -5.49, -3.33, -3.33}},
    {"sRNA1A", {-0.018, 0.01, -0.025, -0.002}, false, {}, {}},
    {"sRNA1C", {-0.021, 0.014, -0.021, 0.004}, false, {}, {}},
    {"sRNA1G", {0.06, 0.062, 0.03, 0.018}, false, {}, {}},
    {"sRNA8A", {0.022, 0.004, -0.049, -0.015}, false, {}, {}},
    {"sRNA8C", {0.012, -0.031, 0.033, 0.016}, false, {}, {}},
    {"sRNA8G", {0.015, -0.008, -0.017, 0.006}, false, {}, {}},
    {"TA_3UTR", {0.222, 0.139, 0.117, 0.058}, true, {3.113, 3.067, 3.145, 3.113}, {3.865, 3.887, 3.887, 3.887}},
}};

constexpr const feature_parameters& parameters_of(feature f) { return parameters[static_cast<std::size_t>(f)]; }

// coefficient × scaled(raw) for a site type index (0 = 8mer ... 3 = 6mer). TargetScan's script
// does not clamp scaled values; the authors' own model code clamps them to [0, 1], the range the
// model was fitted on (clamp = true; mirhit scan does).
constexpr double contribution(feature f, std::size_t type_index, double raw, bool clamp = false) {
    const auto& p = parameters_of(f);
    double x = p.scaled ? (raw - p.min[type_index]) / (p.max[type_index] - p.min[type_index]) : raw;
    if (clamp && p.scaled) x = x < 0 ? 0 : x > 1 ? 1 : x;
    return p.coefficient[type_index] * x;
}

}  // namespace mirhit::scoring
