#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "io/byte_source.hpp"

namespace mirhit::io {

// Lines of a text file, split at '\n', every '\r' removed (so CRLF files read like LF files),
// counted from 1 for messages.
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

}  // namespace mirhit::io
