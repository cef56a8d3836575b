#pragma once

#include <string>

namespace mirhit::app {

struct utrs_args {
    std::string genbank;  // GenBank flat file, plain or gzip; "-" is standard input
    std::string output = "-";
};

// Runs `mirhit utrs`: the 3'UTR of every mRNA record of an annotation as FASTA.
void run_utrs(const utrs_args& args);

}  // namespace mirhit::app
