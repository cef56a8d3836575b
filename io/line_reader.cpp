#include "io/line_reader.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "core/error.hpp"

namespace mirhit::io {

line_reader::line_reader(std::unique_ptr<byte_source> source) : source_(std::move(source)), buffer_(1 << 20) {}

bool line_reader::next(std::string& line) {
    line.clear();
    bool any = false;
    for (;;) {
        if (pos_ == end_) {
            end_ = source_->read(buffer_.data(), buffer_.size(), line_ + 1);
            pos_ = 0;
            if (end_ == 0) break;
        }
        any = true;
        const char* begin = buffer_.data() + pos_;
        const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', end_ - pos_));
        const char* stop = newline ? newline : buffer_.data() + end_;
        line.append(begin, stop);
        pos_ = static_cast<std::size_t>(stop - buffer_.data());
        if (newline) {
            ++pos_;
            break;
        }
    }
    if (!any) return false;
    ++line_;
    if (!line.empty() && line.back() == '\r') line.pop_back();  // CRLF line end
    if (line.find('\r') != std::string::npos)
        throw input_error_at(name(), line_, "carriage return (\\r) inside a line; only a CRLF line end may have one");
    return true;
}

std::string printable(std::string_view text) {
    std::string out;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c != 0x7f) {
            out += ch;
            continue;
        }
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, c == '\t' ? "\\t" : c == '\r' ? "\\r" : c == '\n' ? "\\n" : "\\x%02X", c);
        out += escaped;
    }
    return out;
}

bool is_blank(std::string_view line) {
    for (char c : line)
        if (c != ' ' && (c < '\t' || c > '\r')) return false;
    return true;
}

void split_fields(std::string_view line, std::vector<std::string_view>& fields) {
    split_list(line, '\t', fields);
    if (fields.empty()) fields.emplace_back();  // an empty line is one empty field
}

void split_list(std::string_view text, char separator, std::vector<std::string_view>& items) {
    items.clear();
    if (text.empty()) return;
    for (std::size_t begin = 0;;) {
        const std::size_t at = text.find(separator, begin);
        items.push_back(text.substr(begin, at == std::string_view::npos ? std::string_view::npos : at - begin));
        if (at == std::string_view::npos) break;
        begin = at + 1;
    }
}

void drop_trailing_empty(std::vector<std::string_view>& fields) {
    while (!fields.empty() && fields.back().empty()) fields.pop_back();
}

}  // namespace mirhit::io
