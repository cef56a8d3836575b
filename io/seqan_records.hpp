#pragma once

#include <istream>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace mirhit::io {

// A record as SeqAn3 reads it: the whole header line after '>' (GenBank: every line before
// ORIGIN, each ending in '\n'), and the sequence letters as written (line ends removed).
struct fasta_text_record {
    std::string header;
    std::string sequence;
};

// The records of a FASTA text, parsed by SeqAn3 (the one translation unit that includes it:
// SeqAn3 costs ~20 s of compile time per unit). SeqAn3 reports no line numbers: callers check
// the text first with fasta_reader, whose errors name FILE:LINE. Throws input_error naming
// `name` if SeqAn3 refuses the text all the same.
std::vector<fasta_text_record> read_fasta_records(const std::string& text, const std::string& name);

enum class seqan_format { fasta, genbank };

// SeqAn3's complaint about input it cannot read, in its words.
class seqan_parse_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// FASTA or GenBank records one at a time from a stream, by SeqAn3 (GenBank with its complete-header
// option). Sequences hold letters only: SeqAn3 stops at any other character with the stream's
// read position on it, so that the caller can name the line. Errors of the stream's buffer
// (input_error) pass through; SeqAn3's own are seqan_parse_error.
class seqan_record_stream {
public:
    seqan_record_stream(std::istream& in, seqan_format format);
    ~seqan_record_stream();
    seqan_record_stream(const seqan_record_stream&) = delete;
    seqan_record_stream& operator=(const seqan_record_stream&) = delete;

    // false after the last record.
    bool next(fasta_text_record& record);

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace mirhit::io
