#include "io/field_reader.hpp"

#include "core/error.hpp"

namespace mirhit::io {

bool field_reader::next() {
    while (lines_.next(line_)) {
        if (is_blank(line_)) continue;
        split_fields(line_, fields_);
        drop_trailing_empty(fields_);
        return true;
    }
    return false;
}

void field_reader::expect_fields(std::size_t least, std::size_t most, std::string_view names) const {
    if (fields_.size() >= least && fields_.size() <= most) return;
    const std::string expected = least == most  ? std::to_string(least)
                                 : most == any ? "at least " + std::to_string(least)
                                               : std::to_string(least) + " to " + std::to_string(most);
    fail("expected " + expected + " tab-separated fields (" + std::string(names) + "), found " +
         std::to_string(fields_.size()));
}

void field_reader::fail(const std::string& message) const {
    throw input_error_at(lines_.name(), lines_.line_number(), message);
}

}  // namespace mirhit::io
