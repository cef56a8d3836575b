#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

#include "io/byte_source.hpp"
#include "io/seqan_records.hpp"

namespace mirhit::io {

// The bytes of a file on their way to SeqAn3 (which names no line in its errors): handed over
// in full buffers, each shown line by line to check_line when it enters, ahead of SeqAn3, so
// that a checker can record each record's line numbers and the layout errors SeqAn3 would read
// past. White space before the first record is not handed over.
class checked_stream_buffer : public std::streambuf {
public:
    explicit checked_stream_buffer(std::unique_ptr<byte_source> source);
    const std::string& name() const { return source_->name(); }
    // The line of the next byte SeqAn3 reads.
    std::uint64_t read_line() const;

protected:
    // line without its line end; number counted from 1.
    virtual void check_line(std::string_view line, std::uint64_t number) = 0;
    // After the last line (number: the last line's).
    virtual void check_end(std::uint64_t number) = 0;
    int_type underflow() override;

private:
    void scan(const char* p, const char* end);
    void end_of_line();

    std::unique_ptr<byte_source> source_;
    std::vector<char> buffer_;
    std::string text_;  // the line being scanned, so far
    std::uint64_t line_ = 0, buffer_first_line_ = 0;
    bool begun_ = false, ended_ = false;
};

// SeqAn3 reading the bytes of a checked buffer (Buffer: a checked_stream_buffer).
template <class Buffer>
struct checked_records {
    checked_records(std::unique_ptr<byte_source> source, seqan_format format)
        : bytes(std::move(source)), stream(&bytes), records(stream, format) {
        stream.exceptions(std::ios::badbit);  // the buffer's input_error reaches the reader
    }
    Buffer bytes;
    std::istream stream;
    seqan_record_stream records;
};

}  // namespace mirhit::io
