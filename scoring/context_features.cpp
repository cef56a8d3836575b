#include "scoring/context_features.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <vector>

#include "scoring/context_model.hpp"

namespace mirhit::scoring {

namespace {

// The reference's site type numbers, which its rules are written in.
enum class ref_type { seven_mer_1a = 1, seven_mer_m8 = 2, eight_mer_1a = 3, six_mer = 4 };

ref_type reference_type(site_type type) {
    switch (type) {
    case site_type::eight_mer: return ref_type::eight_mer_1a;
    case site_type::seven_mer_m8: return ref_type::seven_mer_m8;
    case site_type::seven_mer_a1: return ref_type::seven_mer_1a;
    case site_type::six_mer: return ref_type::six_mer;
    default: break;
    }
    throw std::invalid_argument("context++ scores 8mer, 7mer-m8, 7mer-A1 and 6mer sites, not offset 6mers or non-canonical sites");
}

void check_site(std::string_view utr, std::size_t start, std::size_t end) {
    if (start >= end || end > utr.size())
        throw std::invalid_argument("site [" + std::to_string(start) + ", " + std::to_string(end) +
                                    ") is not inside a UTR of " + std::to_string(utr.size()) + " nt");
}

char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// The reference's substr(): a start past the end gives nothing, a length past the end is cut.
std::string_view perl_substr(std::string_view s, std::size_t start, std::size_t length) {
    return start > s.size() ? std::string_view() : s.substr(start, length);
}

// The UTR piece the miRNA is aligned to (see three_prime_pairing_of), with T written U as the
// reference reads its UTRs.
std::string alignment_piece(std::string_view utr, std::size_t start, std::size_t end, ref_type type) {
    constexpr std::size_t desired_length = 23;
    const std::size_t real_start = start >= 15 ? start - 15 : 0;
    const std::size_t real_end = type == ref_type::eight_mer_1a ? end : end + 1;
    std::string piece(perl_substr(utr, real_start, real_end - real_start));
    for (char& c : piece) c = c == 'T' ? 'U' : c == 't' ? 'u' : c;
    if (piece.size() < desired_length) piece.insert(0, desired_length + 1 - piece.size(), 'N');
    if (real_end > utr.size()) {
        for (std::size_t i = utr.size(); i < real_end; ++i) {
            piece += 'N';
            if (piece.starts_with("NN")) piece.replace(0, 2, "  ");
        }
    }
    return piece;
}

// The reference's nucleotide codes (A, U, C, G, N = 1-5, anything else 0): a Watson-Crick pair is
// a product of 2 (A:U) or 12 (C:G).
int pair_code(char c) {
    switch (c) {
    case 'A': return 1;
    case 'U': return 2;
    case 'C': return 3;
    case 'G': return 4;
    case 'N': return 5;
    default: return 0;
    }
}

bool pairs(char utr_nt, char mirna_nt) {
    const int product = pair_code(utr_nt) * pair_code(mirna_nt);
    return product == 2 || product == 12;
}

struct alignment_pass {
    double score = 0;
    std::string bars;  // the pass's match string: '|' for the best runs, ' ' elsewhere
};

// One offset on one strand: position i pairs utr[i] with mirna[i]; weight_position(i) says which
// miRNA position it is for the 13-16 bonus. Runs shorter than two pairs and runs below the best
// score are blanked; runs equal to the best stay. A run still open at the end is kept only if it
// is at least as good, and a single pair at the end is dropped from the string altogether.
template <class Pair, class Bonus>
alignment_pass run_pass(std::size_t length, Pair&& pair_at, Bonus&& bonus_at) {
    alignment_pass out;
    std::string run;
    double run_score = 0;
    std::size_t run_pairs = 0;
    auto blank = [](std::string& s) { std::replace(s.begin(), s.end(), '|', ' '); };
    for (std::size_t i = 0; i < length; ++i) {
        if (pair_at(i)) {
            run += '|';
            if (run_pairs == 0) run_score = 0;
            run_score += bonus_at(i) ? 1.0 : 0.5;
            ++run_pairs;
            continue;
        }
        if (run_pairs >= 2 && run_score > out.score) {
            blank(out.bars);
            out.score = run_score;
        } else if (run_pairs < 2 || run_score < out.score) {
            blank(run);
        }
        out.bars += run;
        out.bars += ' ';
        run.clear();
        run_score = 0;
        run_pairs = 0;
    }
    if (run_pairs >= 2 && run_score >= out.score) {
        if (run_score > out.score) {
            blank(out.bars);
            out.score = run_score;
        }
        out.bars += run;
    }
    return out;
}

// Below a score of 3 the reference hides the first one or two pairing runs of the 3' end: with
// three or more groups of non-blank characters it blanks the first two (and the blanks between
// them), with two groups the first, if that is at most 20 characters; then it drops the '-' (and
// '.') gaps from both sequences, putting as many spaces in front.
void hide_weak_pairing(three_prime_pairing& p) {
    std::vector<std::pair<std::size_t, std::size_t>> groups;  // [begin, end) of non-space runs
    for (std::size_t i = 0; i < p.pairing.size();) {
        if (p.pairing[i] == ' ') {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < p.pairing.size() && p.pairing[j] != ' ') ++j;
        groups.emplace_back(i, j);
        i = j;
    }
    if (groups.size() < 2) return;
    constexpr std::size_t longest_removal = 20;
    const std::size_t begin = groups[0].first;
    const std::size_t stop = groups.size() >= 3 ? groups[1].second : groups[0].second;
    if (stop - begin > longest_removal) return;
    std::fill(p.pairing.begin() + static_cast<std::ptrdiff_t>(begin), p.pairing.begin() + static_cast<std::ptrdiff_t>(stop), ' ');
    for (std::string* s : {&p.utr, &p.mirna}) {
        const auto kept = std::remove_if(s->begin(), s->end(), [](char c) { return c == '-' || c == '.'; });
        const auto removed = static_cast<std::size_t>(s->end() - kept);
        s->erase(kept, s->end());
        s->insert(0, removed, ' ');
    }
}

}  // namespace

three_prime_pairing three_prime_pairing_of(std::string_view utr, std::size_t start, std::size_t end, site_type type,
                                           std::string_view mirna) {
    const ref_type t = reference_type(type);
    check_site(utr, start, end);
    if (mirna.size() < 8) throw std::invalid_argument("miRNA '" + std::string(mirna) + "' is shorter than 8 nt");
    constexpr std::size_t utr_start = 8;
    const std::size_t mirna_start = t == ref_type::seven_mer_1a ? 7 : 8;
    const std::size_t overhang = t == ref_type::seven_mer_1a ? 1 : 0;
    const std::size_t seed_span = t == ref_type::seven_mer_m8 || t == ref_type::eight_mer_1a ? 7 : 6;

    // The UTR read 3' to 5' from the nucleotide opposite miRNA nt 1, against the miRNA 5' to 3'.
    std::string u;
    for (char c : alignment_piece(utr, start, end, t))
        if (c != ' ') u += upper(c);
    std::reverse(u.begin(), u.end());
    std::string m;
    for (char c : mirna) m += upper(c) == 'T' ? 'U' : upper(c);
    const std::string_view u3 = std::string_view(u).substr(std::min(u.size(), utr_start));
    const std::string_view m3 = std::string_view(m).substr(mirna_start);
    auto bonus = [&](std::size_t mirna_index) {
        // miRNA nt 13-16, counted from the first aligned position
        const auto k = static_cast<std::ptrdiff_t>(mirna_index) - static_cast<std::ptrdiff_t>(overhang);
        return k >= 4 && k <= 7;
    };

    struct candidate {
        double score;
        std::size_t offset;
        bool gap_in_mirna;  // the reference's gaploc "bottom": the UTR is shifted, the miRNA gets the gap
        std::string bars;
    };
    std::vector<candidate> candidates;
    const std::size_t offsets = std::max(u3.size(), m3.size());
    for (std::size_t d = 0; d < offsets; ++d) {
        const double penalty = std::max(0.0, (static_cast<double>(d) - 2) / 2);
        const std::size_t top_length = m3.size() > d ? std::min(m3.size() - d, u3.size()) : 0;
        alignment_pass top = run_pass(top_length, [&](std::size_t i) { return pairs(u3[i], m3[i + d]); },
                                      [&](std::size_t i) { return bonus(i + d); });
        candidates.push_back({top.score - penalty, d, false, std::move(top.bars)});
        const std::size_t bottom_length = u3.size() > d ? std::min(u3.size() - d, m3.size()) : 0;
        alignment_pass bottom = run_pass(bottom_length, [&](std::size_t i) { return pairs(u3[i + d], m3[i]); },
                                         [&](std::size_t i) { return bonus(i); });
        candidates.push_back({bottom.score - penalty, d, true, std::move(bottom.bars)});
    }
    // Candidates come by offset, the miRNA-gap one second, so the first of the best with its
    // offset's miRNA-gap twin preferred is the reference's choice.
    const candidate* best = nullptr;
    for (const auto& c : candidates) {
        if (!best || c.score > best->score || (c.score == best->score && c.offset == best->offset && c.gap_in_mirna))
            best = &c;
    }

    three_prime_pairing out;
    out.score = best->score;
    std::string bars(overhang + 1, ' ');
    for (std::size_t i = 1; i <= seed_span; ++i) {
        const std::size_t k = i + overhang;
        bars += k < std::min(u.size(), utr_start) && pairs(u[k], m[i]) ? '|' : 'E';
    }
    bars.append(best->offset, ' ');
    bars += best->bars;
    const std::string gap(best->offset, '-');
    std::string utr_line = u, mirna_line = std::string(overhang, ' ') + m;
    if (best->gap_in_mirna)
        mirna_line.insert(overhang + mirna_start, gap);
    else
        utr_line.insert(std::min(u.size(), utr_start), gap);
    const std::size_t longest = std::max(utr_line.size(), mirna_line.size());
    utr_line.resize(longest, ' ');
    mirna_line.resize(longest, ' ');
    if (bars.size() < longest) bars.resize(longest, ' ');
    out.utr.assign(utr_line.rbegin(), utr_line.rend());
    out.pairing.assign(bars.rbegin(), bars.rend());
    out.mirna.assign(mirna_line.rbegin(), mirna_line.rend());
    if (out.score < 3) hide_weak_pairing(out);
    return out;
}

double local_au(std::string_view utr, std::size_t start, std::size_t end, site_type type) {
    const ref_type t = reference_type(type);
    check_site(utr, start, end);
    constexpr std::size_t flank = 30;
    const std::string_view up = utr.substr(start >= flank ? start - flank : 0, std::min(start, flank));
    const std::string_view down = perl_substr(utr, end, flank);
    const bool up_paired = t == ref_type::seven_mer_m8 || t == ref_type::eight_mer_1a;
    const bool down_paired = t == ref_type::seven_mer_m8 || t == ref_type::six_mer;
    auto is_au = [](char c) {
        c = upper(c);
        return c == 'A' || c == 'U' || c == 'T';
    };
    // Summed in the reference's order: the upstream score, the downstream score, and one running
    // maximum over both, so that the rounding below sees the same value.
    double up_score = 0, down_score = 0, maximum = 0;
    for (std::size_t i = 0; i < up.size(); ++i) {
        const double w = 1.0 / static_cast<double>(i + (up_paired ? 1 : 2));
        if (is_au(up[up.size() - 1 - i])) up_score += w;
        maximum += w;
    }
    for (std::size_t i = 0; i < down.size(); ++i) {
        const double w = 1.0 / static_cast<double>(i + (down_paired ? 1 : 2));
        if (is_au(down[i])) down_score += w;
        maximum += w;
    }
    return maximum != 0 ? round_like_printf((up_score + down_score) / maximum, 3) : 0;
}

std::uint64_t min_distance(std::size_t start, std::size_t end, std::size_t utr_length) {
    const std::uint64_t before = start, after = utr_length - end;
    return before <= after ? before : after;
}

nucleotide_identity mirna_identity(std::string_view mirna, std::size_t position) {
    if (position != 1 && position != 8) throw std::invalid_argument("miRNA identity features are for nt 1 and 8");
    if (mirna.size() < position) throw std::invalid_argument("miRNA '" + std::string(mirna) + "' is shorter than 8 nt");
    const char c = upper(mirna[position - 1]);
    return {c != 'U', c == 'A', c == 'C', c == 'G'};
}

nucleotide_identity site8_identity(std::string_view utr, std::size_t start, std::size_t end, site_type type) {
    const ref_type t = reference_type(type);
    check_site(utr, start, end);
    constexpr std::size_t site8_index = 14;
    const char c = upper(alignment_piece(utr, start, end, t)[site8_index]);
    return {c != 'U', c == 'A', c == 'C', c == 'G'};
}

double weighted_context_score(double score, double air) {
    return std::log((std::pow(2.0, score) - 1) * air + 1) / std::log(2.0);
}

capped_score round_and_cap(double sum, site_type type) {
    const double cap = score_cap[scored_type_index(type).value()];
    const double rounded = round_like_printf(sum, 3);
    if (rounded > cap) return {cap, true};
    return {rounded, false};
}

double round_like_printf(double value, int digits) {
    char text[64];
    const int n = std::snprintf(text, sizeof text, "%.*f", digits, value);
    double out = 0;
    if (n <= 0 || n >= static_cast<int>(sizeof text)) return value;  // beyond any score's range
    std::from_chars(text, text + n, out);
    return out;
}

}  // namespace mirhit::scoring
