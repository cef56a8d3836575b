#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mirhit::io {

// Where a spliced sequence lies in a genome, as `mirhit utrs --genome --gtf` writes it in the
// header: "chrom=chr1 strand=- exons=2000-2100,1500-1520".
struct genome_blocks {
    std::string chrom;
    char strand = '+';  // '-': the sequence is the reverse complement of the genome
    std::vector<std::pair<std::uint64_t, std::uint64_t>> exons;  // 1-based, inclusive, in sequence order
    std::uint64_t length() const;
};

// The genome_blocks of a header's words chrom=, strand= and exons=; false with `error` set when
// none or only some are there or a value is malformed (exons must not overlap and must follow
// the strand: ascending on '+', descending on '-').
bool parse_genome_blocks(std::string_view header, genome_blocks& out, std::string& error);

// Appends a BED12 line for the sequence interval [start, start + length) (0-based on the
// sequence; reverse: a site on the sequence's other strand) in genome coordinates: one block per
// exon it touches, contiguous blocks merged; strand that of the sequence, flipped for reverse.
void append_genome_bed12(std::string& out, const genome_blocks& where, std::uint64_t start, std::uint64_t length, bool reverse,
                         std::string_view name, unsigned score);

}  // namespace mirhit::io
