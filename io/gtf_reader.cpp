#include "io/gtf_reader.hpp"

#include <algorithm>
#include <charconv>

#include "core/error.hpp"

namespace mirhit::io {

std::string_view gtf_record::attribute(std::string_view name) const {
    std::string_view rest = attributes;
    while (!rest.empty()) {
        auto semicolon = rest.find(';');
        auto item = rest.substr(0, semicolon);
        rest = semicolon == std::string_view::npos ? std::string_view() : rest.substr(semicolon + 1);
        auto begin = item.find_first_not_of(' ');
        if (begin == std::string_view::npos) continue;
        item.remove_prefix(begin);
        auto space = item.find(' ');
        if (space == std::string_view::npos || item.substr(0, space) != name) continue;
        auto value = item.substr(space + 1);
        value.remove_prefix(std::min(value.find_first_not_of(' '), value.size()));
        while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        return value;
    }
    return {};
}

namespace {
// GTF attributes: `name value;` items, a value in double quotes or a bare word.
template <class Error>
void check_attributes(std::string_view text, const Error& error) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '"') continue;
        const auto close = text.find('"', i + 1);
        if (close == std::string_view::npos)
            throw error("unterminated quote in the attributes '" + printable(text) + "'");
        const auto after = text.find_first_not_of(' ', close + 1);
        if (after != std::string_view::npos && text[after] != ';')
            throw error("expected ';' after the quoted value " + printable(text.substr(i, close + 1 - i)) + " in the attributes");
        i = close;
    }
}
}  // namespace

gtf_reader::gtf_reader(std::unique_ptr<byte_source> source) : lines_(std::move(source)) {}

bool gtf_reader::next(gtf_record& record) {
    while (lines_.next(line_)) {
        if (line_.starts_with('#') || is_blank(line_)) continue;
        auto error = [&](const std::string& message) { return input_error_at(lines_.name(), lines_.line_number(), message); };
        split_fields(line_, fields_);
        if (fields_.size() != 9) throw error("expected 9 tab-separated GTF columns, found " + std::to_string(fields_.size()));
        auto number = [&](std::string_view text, std::uint64_t& n) {
            auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
            if (ec != std::errc() || end != text.data() + text.size() || n == 0)
                throw error("'" + printable(text) + "' is not a position (a whole number from 1)");
        };
        record.seqname = fields_[0];
        record.feature = fields_[2];
        number(fields_[3], record.start);
        number(fields_[4], record.end);
        if (record.end < record.start) throw error("end " + std::string(fields_[4]) + " is before start " + std::string(fields_[3]));
        if (fields_[6].size() != 1 || (fields_[6][0] != '+' && fields_[6][0] != '-' && fields_[6][0] != '.'))
            throw error("strand '" + printable(fields_[6]) + "' is not +, - or .");
        record.strand = fields_[6][0];
        record.attributes = fields_[8];
        check_attributes(record.attributes, error);
        return true;
    }
    return false;
}

}  // namespace mirhit::io
