#pragma once

#include <string>
#include <vector>

namespace mirhit::engine {

struct abundance_request {
    std::vector<std::string> utr_files;  // "-" is standard input
    std::string index;                   // a mirhit index instead of the files
    std::string output = "-";
    bool both_strands = false;           // also count the reverse complement (genomic DNA)
    bool quiet = false;                  // no progress on standard error
};

// Runs `mirhit abundance`: target-site abundance (TA) of every seed in a sequence set.
void run_abundance(const abundance_request& args, const std::string& command_line);

}  // namespace mirhit::engine
