#include "io/checked_stream.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace mirhit::io {

checked_stream_buffer::checked_stream_buffer(std::unique_ptr<byte_source> source)
    : source_(std::move(source)), buffer_(1 << 16) {}

std::uint64_t checked_stream_buffer::read_line() const {
    return buffer_first_line_ + static_cast<std::uint64_t>(std::count(eback(), gptr(), '\n')) + 1;
}

checked_stream_buffer::int_type checked_stream_buffer::underflow() {
    while (gptr() == egptr()) {
        // Full buffers: SeqAn3 puts back the first bytes it peeks at.
        std::size_t n = 0;
        while (n < buffer_.size())
            if (const auto k = source_->read(buffer_.data() + n, buffer_.size() - n, line_)) n += k;
            else break;
        if (n == 0) {  // the last bytes stay in the get area, for putting back
            if (!ended_) {
                ended_ = true;
                if (!text_.empty()) end_of_line();
                check_end(line_);
            }
            return traits_type::eof();
        }
        buffer_first_line_ = line_;
        setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
        scan(buffer_.data(), buffer_.data() + n);
        while (!begun_ && gptr() < egptr() && std::isspace(static_cast<unsigned char>(*gptr()))) gbump(1);
        begun_ = gptr() < egptr();
    }
    return traits_type::to_int_type(*gptr());
}

void checked_stream_buffer::scan(const char* p, const char* end) {
    while (p < end) {
        const char* newline = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        text_.append(p, newline ? newline : end);
        if (!newline) return;
        end_of_line();
        p = newline + 1;
    }
}

void checked_stream_buffer::end_of_line() {
    std::string_view line = text_;
    if (line.ends_with('\r')) line.remove_suffix(1);
    check_line(line, ++line_);
    text_.clear();
}

}  // namespace mirhit::io
