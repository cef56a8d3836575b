#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace mirhit::io {

// Text made safe for HTML element content and attribute values.
std::string html_escape(std::string_view text);

// One kind of mark on a sequence map, with its legend name and colour (CSS colour).
struct map_kind {
    std::string_view name;
    std::string_view colour;
    bool outline = false;  // drawn as an outlined box, not a filled one (a second family of marks)
};

// One mark: [start, start + length) in 0-based sequence coordinates.
struct map_mark {
    std::uint64_t start = 0;
    std::uint64_t length = 0;
    std::size_t kind = 0;  // index into the kinds
    std::string label;     // written above the mark
    std::string tooltip;   // shown on hover
};

// An inline SVG map (no scripts, no external resources) of a sequence of `length` nt, 5' left:
// the sequence as a bar with a scale in nt, each mark as a coloured box with its label above
// (labels stacked so that they do not overlap) and a legend of all kinds.
std::string svg_sequence_map(std::uint64_t length, std::span<const map_mark> marks, std::span<const map_kind> kinds);

// An inline SVG histogram of `values` (any order) in about 40 bins from the smallest to the
// largest, with a marker line at `mark` labelled `mark_label` when it is given; x_label names the axis.
std::string svg_histogram(std::span<const double> values, std::optional<double> mark, std::string_view mark_label,
                          std::string_view x_label);

// A complete, self-contained HTML page: the report style sheet inline, then body (HTML).
std::string html_page(std::string_view title, std::string_view body);

}  // namespace mirhit::io
