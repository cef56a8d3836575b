#pragma once

#include "io/fasta_reader.hpp"

namespace mirhit::io {

// Sets id and gene of a UTR record from its header:
//   ">ID ... gene=PTEN" (also gene_symbol=, gene_name=, symbol=, or ':' instead of '='),
//   GENCODE ">ENST...|ENSG...|...|...|TRANSCRIPT-NAME|SYMBOL|LENGTH|BIOTYPE|",
//   Ensembl BioMart ">ENSG...|ENST...|SYMBOL" (fields in any order),
//   ">NM_000314|PTEN|entrez=5728|...".
// For '|' headers the id is the transcript field (ENST..., NM_..., XM_...) when there is one,
// else the first field. With no symbol in the header, the gene is the id.
void parse_utr_header(record_header& record);

// Sets record.genome from the chrom=, strand= and exons= words that `mirhit utrs --genome --gtf`
// writes; an input error naming the header's FILE:LINE when they are missing or malformed.
void parse_genome_header(record_header& record);

}  // namespace mirhit::io
