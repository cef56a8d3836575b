#pragma once

#include <string>

#include "core/progress.hpp"

namespace mirhit::io {

struct targetscan_context_files {
    std::string mirnas;       // family, species id, miRNA id, mature sequence
    std::string utrs;         // aligned UTRs, as for targetscan_70.pl
    std::string targets;      // targetscan_70.pl's output with branch lengths and PCT (BL_PCT)
    std::string orf_lengths;  // gene, species id, ORF length
    std::string orf_8mers;    // gene, species id, seed, 8mer sites in the ORF
    std::string airs;         // gene, start, end, AIR (percent): All_cell_lines.AIRs.txt
    std::string output;
};

// `mirhit targetscan-context`: the 37-column output of TargetScan 7's
// targetscan_70_context_scores.pl (v7.02) for the same files, the AIR file named explicitly.
// Like the original it reads Agarwal_2015_parameters.txt and TA_SPS_by_seed_region.txt from the
// working directory when they are there; otherwise it uses mirhit's context++ constants
// (scoring/context_model.hpp), its built-in TA table and computed SPS. SA is computed in-process
// (scoring/accessibility.hpp), equal to what the original gets from RNAplfold. Everything else,
// quirks included, is the original's; unlike it, malformed lines stop the run with
// "FILE:LINE: problem", the output is replaced without asking, and rows are scored in parallel
// (`threads`, 0 = all cores, only sizes the pipeline; the caller limits the thread pool) with the
// same output for any number.
//
// fixed (--fixed) corrects what docs/context-plus-plus.md calls defects: Off6m counts the offset
// 6mers of the seed in each 3'UTR isoform reaching the site (the original always counts 1); a UTR
// without AIRs is one isoform, the whole UTR, with AIR 1, and a site no isoform with AIR reaches
// is scored on the whole UTR (the original scores 3'UTR length and Min_dist from 0); without an
// ORF length the ORF length and ORF 8mer contributions are NA and left out of the score (the
// original scores length 0); the 6mer SA stretch ends opposite miRNA nt 1 (the original's is one
// nt further 3'), and a site whose stretch would leave the UTR gets SA NA (the original 0). The output then starts with "##" lines saying so, and which inputs
// were missing. command_line is recorded there. Progress (sites scored) goes to standard error.
void run_targetscan_context(const targetscan_context_files& files, bool fixed, unsigned threads,
                            const std::string& command_line, progress_mode progress = progress_mode::quiet);

}  // namespace mirhit::io
