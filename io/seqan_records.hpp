#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mirhit::io {

// A record as SeqAn3 reads it: the whole header line after '>', and the sequence letters
// as written (line ends removed).
struct fasta_text_record {
    std::string header;
    std::string sequence;
};

// The records of a FASTA text, parsed by SeqAn3 (the one translation unit that includes it:
// SeqAn3 costs ~20 s of compile time per unit). SeqAn3 reports no line numbers: callers check
// the text first with fasta_reader, whose errors name FILE:LINE. Throws input_error naming
// `name` if SeqAn3 refuses the text all the same.
std::vector<fasta_text_record> read_fasta_records(const std::string& text, const std::string& name);

}  // namespace mirhit::io
