#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/site.hpp"

namespace mirhit::scoring {

// Site features of the context++ model (Agarwal et al. 2015, eLife 4:e05005) computed the way
// TargetScan 7's targetscan_70_context_scores.pl (v7.02) computes them, quirks included, so that
// scores can be compared with TargetScan's. scoring/context_model.hpp turns them into
// contributions.
//
// Common arguments: `utr` is a 3'UTR, 5' to 3', in A, C, G, U or T of either case (other
// letters such as N keep their place and pair with nothing); the site occupies [start, end),
// 0-based (the reference's 1-based UTR_start is start + 1 and its UTR_end is end); `type` is one
// of the four scored types (8mer, 7mer-m8, 7mer-A1, 6mer): offset 6mers are not scored and give
// std::invalid_argument, as does a site that does not lie inside the UTR. `mirna` is the mature
// miRNA, 5' to 3', A, C, G, U or T of either case, at least 8 nt.

// 3' supplementary pairing (Grimson et al. 2007, Mol Cell 27:91) and the pairing diagram.
struct three_prime_pairing {
    double score = 0;     // 3P_score
    std::string utr;      // the "UTR region" column: the aligned UTR piece, 5' to 3'
    std::string pairing;  // the "UTR-miRNA pairing" column: '|' for pairs
    std::string mirna;    // the "mature miRNA sequence" column: the miRNA 3' to 5'
};

// The reference takes the UTR from 15 nt upstream of the site to the nucleotide opposite miRNA
// nt 1 (for 7mer-m8, 7mer-A1 and 6mer sites it adds the nucleotide after the site), padding a
// piece shorter than 23 nt with N's in front to 24 nt (a 6mer's 22-nt piece always gets two) and
// one cut short by the UTR's 3' end with N's behind (then turning a leading "NN" into two spaces,
// which the alignment drops). It aligns the miRNA from nt 9 (nt 8 for 7mer-A1 sites, whose piece
// is one nt longer at the 3' end; for 6mers the UTR nt opposite miRNA nt 8 is skipped) with the
// UTR upstream of the seed match, without gaps inside, at every offset d of either strand: only
// runs of at least two Watson-Crick pairs (no G:U) count, +1 per pair at miRNA nt 13-16 and
// +0.5 elsewhere; the best run (runs of equal score all shown) minus max(0, (d - 2) / 2) is the
// offset's score. The highest score wins, then the smallest offset, then a gap in the miRNA.
// The diagram marks seed pairs '|' ('E' where the seed does not pair), writes the offset as '-'
// gaps, and, for scores below 3, blanks the first one or two pairing runs of the 3' end (up to
// 20 characters) and then turns the gaps into leading spaces. For 6mers the 3' bars are drawn one
// column towards the seed.
three_prime_pairing three_prime_pairing_of(std::string_view utr, std::size_t start, std::size_t end, site_type type,
                                           std::string_view mirna);

// Local AU: the A/U content of 30 nt on each side of the site, each position weighted 1/d by its
// distance d from the site, or 1/(d + 1) where the site type leaves the adjacent position unpaired
// (upstream for 7mer-A1 and 6mer, downstream for 8mer and 7mer-A1); fewer positions near the UTR
// ends. The weighted A/U fraction rounded to 3 decimals (0 when there is no flank), as the
// reference passes it on.
double local_au(std::string_view utr, std::size_t start, std::size_t end, site_type type);

// Min_dist of one UTR: the distance from the site to the nearer UTR end, start nucleotides before
// it or utr_length - end after it (the reference's UTR_start - 1 and length - UTR_end).
std::uint64_t min_distance(std::size_t start, std::size_t end, std::size_t utr_length);

// Indicator features of one nucleotide (sRNA1A/C/G, sRNA8A/C/G, Site8A/C/G): which of A, C, G it
// is. The reference leaves the three contributions out (writes 0) when the nucleotide is U, and
// scores three zero indicators for anything else.
struct nucleotide_identity {
    bool scored = false;  // false for U
    bool a = false, c = false, g = false;
};

// miRNA nt 1 or 8 (position 1-based). The reference upper-cases the miRNA but does not turn T
// into U here, so a T is scored with three zero indicators.
nucleotide_identity mirna_identity(std::string_view mirna, std::size_t position);

// Site8 (used for 7mer-A1 and 6mer sites): the reference reads character 14 of the alignment piece
// described at three_prime_pairing_of. For a 7mer-A1 that is the nucleotide just 5' of the site;
// for a 6mer, because of the two N's in front, it is the third nucleotide 5' of the site; near the
// UTR ends the padding moves it further, or onto an N (three zero indicators). T counts as U.
nucleotide_identity site8_identity(std::string_view utr, std::size_t start, std::size_t end, site_type type);

// AIR-weighted site score (TargetScan 7): log2(1 + AIR (2^score - 1)), AIR as a fraction, computed
// as the reference does (natural logarithms), before its rounding to 4 decimals.
double weighted_context_score(double score, double air);

// A context++ score as the reference reports it: the sum of the rounded contributions rounded to
// 3 decimals, then capped from above by score_cap (scoring/context_model.hpp). When capped, the
// reference writes the cap in Perl's shortest form ("-0.03", "0") instead of 3 decimals.
struct capped_score {
    double value = 0;
    bool capped = false;
};
capped_score round_and_cap(double sum, site_type type);

// printf's "%.*f" rounding (the exact binary value to the nearest decimal, ties to even), read
// back: how the reference rounds every contribution and score.
double round_like_printf(double value, int digits);

}  // namespace mirhit::scoring
