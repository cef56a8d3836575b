#pragma once

#include <string>

#include "core/progress.hpp"
#include "core/targetscan70.hpp"

namespace mirhit::io {

// Reads a TargetScan 7 miR family file (family, seed nt 2-8, species ids separated by ';').
// Throws input_error naming the file and line for malformed lines, and for a file without families.
targetscan70::family_table read_targetscan_families(const std::string& family_file);

// `mirhit targetscan`: the output of targetscan_70.pl for the same files, byte for byte. The UTR
// file is streamed one gene at a time; genes are processed in parallel and written in file order
// through a temporary file that replaces output_file only when the run succeeds. `threads` (0 =
// all cores) only sizes the pipeline; the caller limits the thread pool. Progress (genes done) goes
// to standard error.
void run_targetscan70(const std::string& family_file, const std::string& utr_file, const std::string& output_file,
                      unsigned threads, progress_mode progress = progress_mode::quiet);

}  // namespace mirhit::io
