#pragma once

#include <memory>
#include <string>

#include "io/byte_source.hpp"

namespace mirhit::io {

// The records of a genome FASTA one at a time, each whole, read by SeqAn3 over a line check that
// keeps fasta_reader's FILE:LINE errors: text before the first header, a header without an id,
// a record without sequence, a byte other than A, C, G, T, U and the IUPAC codes (a carriage
// return inside a line too: SeqAn3 would drop it), an empty file.
class genome_fasta_reader {
public:
    explicit genome_fasta_reader(std::unique_ptr<byte_source> source);
    ~genome_fasta_reader();
    genome_fasta_reader(const genome_fasta_reader&) = delete;
    genome_fasta_reader& operator=(const genome_fasta_reader&) = delete;

    // false after the last record. id: the header up to its first blank; sequence as written.
    bool next(std::string& id, std::string& sequence);

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace mirhit::io
