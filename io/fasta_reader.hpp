#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/byte_source.hpp"
#include "io/genome_coords.hpp"

namespace mirhit::io {

struct record_header {
    std::string text;  // the header line after '>', without the line end
    std::string id;    // the first word unless a header parser sets another
    std::string gene;  // set by a header parser, else empty
    std::string file;
    std::uint64_t line = 0;
    std::uint64_t index = 0;  // 0-based over all records read by this reader
    std::optional<genome_blocks> genome;  // set under scan --genome-coords
};

// A run of one record's sequence. Consecutive pieces overlap by `overlap` bytes so that a site
// can be recognised whole in one piece; the overlap is at the front.
struct sequence_piece {
    std::shared_ptr<const record_header> record;
    std::uint64_t offset = 0;   // record position of seq[0]
    std::uint32_t overlap = 0;  // leading bytes already delivered in the previous piece
    bool last = false;          // the record ends here: its length is offset + seq.size()
    std::string seq;            // the letters as written (case kept, line ends removed)
};

// Streaming FASTA reader: single- or multi-line records, CR/LF line ends, plain or gzip.
// Memory is bounded by the piece size, however long a record is.
class fasta_reader {
public:
    using header_parser = std::function<void(record_header&)>;

    // overlap: how many bytes of a long record each piece repeats from the one before.
    fasta_reader(std::unique_ptr<byte_source> source, std::uint32_t overlap, header_parser parser = {});

    // Appends pieces until they hold at least `target` bytes or the input ends; a record longer
    // than `target` is split. Returns false when nothing was left to read.
    bool read_batch(std::vector<sequence_piece>& out, std::size_t target);
    // From now on every record comes as one piece, however long (for scoring, which needs the
    // whole UTR); memory then grows with the longest record.
    void keep_records_whole() { whole_records_ = true; }
    // Reads only records [first, end) of this input (0-based): the records before are skipped
    // unread (only their header lines are counted), and the input ends where record `end` starts.
    // Call before the first read_batch.
    void select_records(std::uint64_t first, std::uint64_t end) {
        first_record_ = first;
        end_record_ = end;
    }

    const std::string& name() const { return source_->name(); }
    std::uint64_t records() const { return records_; }
    // Records whose sequence was Ensembl BioMart's "Sequence unavailable": skipped, counted.
    std::uint64_t unavailable() const { return unavailable_; }
    std::uint64_t first_unavailable_line() const { return first_unavailable_line_; }

private:
    enum class state { line_start, header, sequence, done };

    bool fill();
    void start_record();
    void finish_header();
    void emit_piece(std::vector<sequence_piece>& out, bool last);
    void append_sequence(const char* begin, const char* end);
    [[noreturn]] void fail(const std::string& message) const;
    void check_first_bytes();
    void skip_to_first_record();

    std::unique_ptr<byte_source> source_;
    std::uint32_t overlap_;
    header_parser parser_;
    std::vector<char> buffer_;
    std::size_t pos_ = 0, end_ = 0;
    bool eof_ = false, first_block_ = true, pending_cr_ = false, whole_records_ = false;
    state state_ = state::line_start;
    std::uint64_t line_ = 1;
    std::uint64_t records_ = 0;
    std::uint64_t first_record_ = 0, end_record_ = UINT64_MAX;
    std::uint64_t unavailable_ = 0, first_unavailable_line_ = 0;
    std::string header_text_;
    std::shared_ptr<record_header> record_;
    std::uint64_t record_length_ = 0;  // letters of the current record so far
    std::string piece_;                // pending letters of the current record
    std::uint64_t piece_offset_ = 0;
    std::uint32_t piece_overlap_ = 0;
};

// A fast pass over a FASTA input that looks only at header lines ('>' at a line start): calls
// on_header with each header's record (text after '>' without the line end, id, file, line; no
// index), as fasta_reader makes it, and returns how many there are. Rejects what fasta_reader rejects before reading records (bzip2 and other
// compressed data, an input with no records), so a count is never taken of a file the reader
// would refuse outright.
std::uint64_t scan_fasta_headers(byte_source& source,
                                 const std::function<void(record_header& record)>& on_header);

// "illegal character C in the sequence of 'ID' (allowed: ...)", for a byte other than A, C, G, T, U
// and the IUPAC codes in a FASTA sequence.
std::string illegal_letter_message(unsigned char c, const std::string& id);

}  // namespace mirhit::io
