#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "io/line_reader.hpp"

namespace mirhit::io {

// The non-blank lines of a tab-separated file (plain or gzip), split as Perl's split /\t/ splits
// them (trailing empty fields dropped), with messages naming FILE:LINE.
class field_reader {
public:
    static constexpr std::size_t any = std::numeric_limits<std::size_t>::max();

    explicit field_reader(const std::string& path) : lines_(byte_source::open(path)) {}

    // The next non-blank line; false at the end.
    bool next();
    const std::vector<std::string_view>& fields() const { return fields_; }
    std::string_view operator[](std::size_t i) const { return fields_[i]; }
    std::size_t size() const { return fields_.size(); }
    const std::string& line() const { return line_; }
    std::string& line() { return line_; }
    std::uint64_t line_number() const { return lines_.line_number(); }
    const std::string& name() const { return lines_.name(); }

    // Fails unless the line has from `least` to `most` fields ("expected 3 tab-separated fields
    // (names), found 2").
    void expect_fields(std::size_t least, std::size_t most, std::string_view names) const;
    [[noreturn]] void fail(const std::string& message) const;

private:
    line_reader lines_;
    std::string line_;
    std::vector<std::string_view> fields_;
};

}  // namespace mirhit::io
