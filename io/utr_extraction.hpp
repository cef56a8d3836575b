#pragma once

#include <string>

namespace mirhit::io {

struct utrs_request {
    std::string genbank;  // GenBank flat file, plain or gzip; "-" is standard input
    std::string genome;   // FASTA, with --gtf instead of --genbank
    std::string gtf;
    bool one_per_gene = false;  // --gtf: only the longest 3'UTR of each gene
    std::string output = "-";
};

// Runs `mirhit utrs`: the 3'UTRs of an annotation (GenBank records, or a GTF and its genome) as FASTA.
void extract_utrs(const utrs_request& args);

}  // namespace mirhit::io
