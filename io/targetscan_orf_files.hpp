#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/progress.hpp"

namespace mirhit::io {

struct targetscan_count_8mers_files {
    std::string families;  // miR family file: family, seed (nt 2-8), ...
    std::string orfs;      // aligned ORFs: gene, species id, aligned sequence
    std::string output = "-";
    std::string lengths;   // empty: named after `orfs` as the original names it
};

// The family and seed columns of a miR family file, as written (at least 2 fields; the seed must
// be 7 nt of A, C, G, U/T). Throws input_error naming FILE:LINE.
std::vector<std::pair<std::string, std::string>> read_family_seeds(const std::string& path);

// The ORF lengths file the original writes beside its input: NAME.txt -> NAME.lengths.txt, else
// NAME.lengths.txt; as its regex does, only the part of NAME after its last whitespace is kept
// (unless fixed).
std::string orf_lengths_path(const std::string& orf_file, bool fixed);

// `mirhit targetscan-count-8mers`: targetscan_count_8mers.pl's two outputs, byte for byte: per
// ORF line (gene, species, seed, count) for each seed with 8mer sites, seeds in byte order, and
// the lengths file (gene, species, length without gaps). Lines are counted in parallel and
// written in file order. fixed: overlapping sites all count, and the lengths file keeps the
// whole ORF file name. threads: 0 = all cores (only sizes the pipeline). Progress (ORFs counted)
// goes to standard error.
void run_targetscan_count_8mers(const targetscan_count_8mers_files& files, bool fixed, unsigned threads,
                                progress_mode progress = progress_mode::quiet);

}  // namespace mirhit::io
