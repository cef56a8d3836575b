#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/byte_source.hpp"

namespace mirhit::io {

// Lines of a text file, split at '\n', a final '\r' removed (so CRLF files read like LF files),
// counted from 1 for messages. A '\r' elsewhere in a line is an error (FILE:LINE).
class line_reader {
public:
    explicit line_reader(std::unique_ptr<byte_source> source);

    bool next(std::string& line);
    std::uint64_t line_number() const { return line_; }
    const std::string& name() const { return source_->name(); }

private:
    std::unique_ptr<byte_source> source_;
    std::vector<char> buffer_;
    std::size_t pos_ = 0, end_ = 0;
    std::uint64_t line_ = 0;
};

// Input text for a message: control characters written as \t, \r, \n or \xNN.
std::string printable(std::string_view text);

// Whether a line holds only Perl whitespace (space, \t, \n, \v, \f, \r).
bool is_blank(std::string_view line);

// Splits a line at every tab; the views point into the line.
void split_fields(std::string_view line, std::vector<std::string_view>& fields);
// Splits a list such as "a,b,c" at every separator; an empty text is an empty list.
void split_list(std::string_view text, char separator, std::vector<std::string_view>& items);

// Perl's split drops trailing empty fields, so TargetScan's scripts do not see them.
void drop_trailing_empty(std::vector<std::string_view>& fields);

}  // namespace mirhit::io
