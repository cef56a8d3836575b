#pragma once

#include <string>

namespace mirhit::io {

struct utrs_request {
    std::string genbank;  // GenBank flat file, plain or gzip; "-" is standard input
    std::string embl;     // EMBL flat file instead of --genbank
    std::string genome;   // FASTA, with --gtf instead of --genbank
    std::string gtf;
    bool one_per_gene = false;  // --gtf: only the longest 3'UTR of each gene
    std::string output = "-";
    std::string orfs;  // also write each written 3'UTR's ORF (the CDS, stop codon included) here, same id
};

// Runs `mirhit utrs`: the 3'UTRs of an annotation (GenBank records, or a GTF and its genome) as
// FASTA, and with orfs their ORFs, for `scan --score context++ --orf`.
void extract_utrs(const utrs_request& args);

}  // namespace mirhit::io
