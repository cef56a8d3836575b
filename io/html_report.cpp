#include "io/html_report.hpp"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <vector>

namespace mirhit::io {

namespace {

constexpr double width = 1000, margin = 36, label_row = 14, char_width = 6.3, bar_height = 14;

std::string number(double x) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", x);
    return text;
}

// A round tick spacing giving about eight ticks: 1, 2 or 5 times a power of ten.
std::uint64_t tick_step(std::uint64_t length) {
    const double raw = std::max(1.0, static_cast<double>(length) / 8);
    std::uint64_t magnitude = 1;
    while (static_cast<double>(magnitude) * 10 <= raw) magnitude *= 10;
    for (std::uint64_t f : {1, 2, 5})
        if (static_cast<double>(f * magnitude) >= raw) return f * magnitude;
    return 10 * magnitude;
}

// A mark's fill and stroke: filled in its colour, or outlined (white inside) for outline kinds.
std::string box_paint(const map_kind& k) {
    const auto colour = html_escape(k.colour);
    return k.outline ? "fill=\"#ffffff\" stroke=\"" + colour + "\" stroke-width=\"2\"" : "fill=\"" + colour + "\"";
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string svg_sequence_map(std::uint64_t length, std::span<const map_mark> marks, std::span<const map_kind> kinds) {
    const double span = static_cast<double>(std::max<std::uint64_t>(length, 1));
    auto x_of = [&](std::uint64_t pos) { return margin + (width - 2 * margin) * static_cast<double>(pos) / span; };

    // Labels left to right, each on the lowest row where it does not touch the one before.
    std::vector<std::size_t> order(marks.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return marks[a].start < marks[b].start; });
    std::vector<std::size_t> row_of(marks.size());
    std::vector<double> row_end;
    for (auto i : order) {
        const auto& m = marks[i];
        const double centre = (x_of(m.start) + x_of(m.start + m.length)) / 2;
        const double half = char_width * static_cast<double>(m.label.size()) / 2;
        const double left = std::clamp(centre - half, 0.0, width - 2 * half);
        std::size_t row = 0;
        while (row < row_end.size() && row_end[row] + 6 > left) ++row;
        if (row == row_end.size()) row_end.push_back(0);
        row_end[row] = left + 2 * half;
        row_of[i] = row;
    }
    const double bar_y = 12 + label_row * static_cast<double>(std::max<std::size_t>(row_end.size(), 1)) + 8;
    const double axis_y = bar_y + bar_height + 12;
    const double legend_y = axis_y + 34;
    const double height = legend_y + 16;

    std::string svg = "<svg width=\"" + number(width) + "\" height=\"" + number(height) + "\" viewBox=\"0 0 " + number(width) + " " +
                      number(height) + "\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">\n";
    svg += "<rect x=\"" + number(x_of(0)) + "\" y=\"" + number(bar_y) + "\" width=\"" + number(x_of(length) - x_of(0)) +
           "\" height=\"" + number(bar_height) + "\" rx=\"3\" fill=\"#d9d9d9\"/>\n";
    svg += "<text x=\"" + number(x_of(0) - 4) + "\" y=\"" + number(bar_y + 11) + "\" text-anchor=\"end\">5&#8242;</text>\n";
    svg += "<text x=\"" + number(x_of(length) + 4) + "\" y=\"" + number(bar_y + 11) + "\">3&#8242;</text>\n";

    for (std::size_t i = 0; i < marks.size(); ++i) {
        const auto& m = marks[i];
        const auto colour = html_escape(kinds[m.kind].colour);
        const double left = x_of(m.start), box = std::max(3.0, x_of(m.start + m.length) - left);
        const double label_y = 12 + label_row * static_cast<double>(row_end.size() - 1 - row_of[i]) + 10;
        const double centre = left + box / 2;
        svg += "<g><title>" + html_escape(m.tooltip) + "</title>";
        svg += "<line x1=\"" + number(centre) + "\" y1=\"" + number(label_y + 3) + "\" x2=\"" + number(centre) + "\" y2=\"" +
               number(bar_y - 4) + "\" stroke=\"" + colour + "\" stroke-width=\"1\"/>";
        svg += "<rect x=\"" + number(left) + "\" y=\"" + number(bar_y - 4) + "\" width=\"" + number(box) + "\" height=\"" +
               number(bar_height + 8) + "\" " + box_paint(kinds[m.kind]) + "/>";
        const double half = char_width * static_cast<double>(m.label.size()) / 2;
        svg += "<text x=\"" + number(std::clamp(centre, half, width - half)) + "\" y=\"" + number(label_y) +
               "\" text-anchor=\"middle\" fill=\"#333\">" + html_escape(m.label) + "</text></g>\n";
    }

    svg += "<line x1=\"" + number(x_of(0)) + "\" y1=\"" + number(axis_y) + "\" x2=\"" + number(x_of(length)) + "\" y2=\"" +
           number(axis_y) + "\" stroke=\"#444\"/>\n";
    const auto step = tick_step(length);
    for (std::uint64_t pos = 0; pos <= length; pos += step) {
        const double x = x_of(pos);
        svg += "<line x1=\"" + number(x) + "\" y1=\"" + number(axis_y) + "\" x2=\"" + number(x) + "\" y2=\"" + number(axis_y + 4) +
               "\" stroke=\"#444\"/><text x=\"" + number(x) + "\" y=\"" + number(axis_y + 15) + "\" text-anchor=\"middle\">" +
               std::to_string(pos) + "</text>\n";
    }
    svg += "<text x=\"" + number(x_of(length)) + "\" y=\"" + number(axis_y + 28) + "\" text-anchor=\"end\">" +
           std::to_string(length) + " nt</text>\n";

    double x = margin;
    for (const auto& k : kinds) {
        svg += "<rect x=\"" + number(x) + "\" y=\"" + number(legend_y - 10) + "\" width=\"12\" height=\"12\" " + box_paint(k) +
               "/><text x=\"" + number(x + 16) + "\" y=\"" + number(legend_y) + "\">" +
               html_escape(k.name) + "</text>\n";
        x += 16 + char_width * static_cast<double>(k.name.size()) + 24;
    }
    return svg + "</svg>\n";
}

std::string svg_histogram(std::span<const double> values, std::optional<double> mark, std::string_view mark_label,
                          std::string_view x_label) {
    constexpr double w = 640, h = 200, left = 56, right = 20, top = 28, bottom = 40;
    constexpr std::size_t bins = 40;
    double lo = 0, hi = 0;
    if (!values.empty()) {
        const auto [a, b] = std::minmax_element(values.begin(), values.end());
        lo = *a;
        hi = *b;
    }
    if (mark) lo = std::min(lo, *mark), hi = std::max(hi, *mark);
    if (hi - lo < 1e-9) hi = lo + 1;
    std::vector<std::size_t> count(bins);
    for (double v : values) ++count[std::min(bins - 1, static_cast<std::size_t>((v - lo) / (hi - lo) * bins))];
    const double most = static_cast<double>(std::max<std::size_t>(1, *std::max_element(count.begin(), count.end())));
    auto x_of = [&](double v) { return left + (w - left - right) * (v - lo) / (hi - lo); };
    const double base = h - bottom, bar = (w - left - right) / bins;
    std::string svg = "<svg width=\"" + number(w) + "\" height=\"" + number(h) + "\" viewBox=\"0 0 " + number(w) + " " + number(h) +
                      "\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">\n";
    for (std::size_t b = 0; b < bins; ++b) {
        if (!count[b]) continue;
        const double height = (base - top) * static_cast<double>(count[b]) / most;
        svg += "<rect x=\"" + number(left + bar * static_cast<double>(b)) + "\" y=\"" + number(base - height) + "\" width=\"" +
               number(std::max(1.0, bar - 1)) + "\" height=\"" + number(height) + "\" fill=\"#9ecae1\"><title>" +
               std::to_string(count[b]) + "</title></rect>\n";
    }
    svg += "<line x1=\"" + number(left) + "\" y1=\"" + number(base) + "\" x2=\"" + number(w - right) + "\" y2=\"" + number(base) +
           "\" stroke=\"#444\"/>\n<line x1=\"" + number(left) + "\" y1=\"" + number(top) + "\" x2=\"" + number(left) + "\" y2=\"" +
           number(base) + "\" stroke=\"#444\"/>\n";
    char tick[32];
    for (int t = 0; t <= 4; ++t) {
        const double v = lo + (hi - lo) * t / 4;
        std::snprintf(tick, sizeof tick, "%.2f", v);
        svg += "<text x=\"" + number(x_of(v)) + "\" y=\"" + number(base + 14) + "\" text-anchor=\"middle\">" + tick + "</text>\n";
    }
    svg += "<text x=\"" + number(left - 6) + "\" y=\"" + number(top + 4) + "\" text-anchor=\"end\">" +
           std::to_string(static_cast<std::size_t>(most)) + "</text>\n<text x=\"" + number(left - 6) + "\" y=\"" + number(base) +
           "\" text-anchor=\"end\">0</text>\n<text x=\"" + number((left + w - right) / 2) + "\" y=\"" + number(h - 6) +
           "\" text-anchor=\"middle\">" + html_escape(x_label) + "</text>\n";
    if (mark) {
        const double x = x_of(*mark);
        svg += "<line x1=\"" + number(x) + "\" y1=\"" + number(top - 6) + "\" x2=\"" + number(x) + "\" y2=\"" + number(base) +
               "\" stroke=\"#b2182b\" stroke-width=\"2\"/>\n<text x=\"" + number(x) + "\" y=\"" + number(top - 10) + "\" text-anchor=\"" +
               (x < w / 2 ? "start" : "end") + "\" fill=\"#b2182b\" font-weight=\"bold\">" + html_escape(mark_label) + "</text>\n";
    }
    return svg + "</svg>\n";
}

std::string html_page(std::string_view title, std::string_view body) {
    static constexpr std::string_view style = R"(
body { font-family: system-ui, sans-serif; color: #222; max-width: 1060px; margin: 24px auto; padding: 0 16px; line-height: 1.4; }
h1 { font-size: 22px; }
h2 { font-size: 18px; border-bottom: 2px solid #ccc; margin-top: 36px; }
h3 { font-size: 15px; margin-bottom: 4px; }
table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.num { text-align: right; }
td.name { white-space: nowrap; }
pre { margin: 0; font-size: 12px; line-height: 1.25; }
.verdict { padding: 6px 10px; border-left: 5px solid #9e9e9e; margin: 8px 0; font-weight: 600; }
.strong { background: #c8e6c9; }
.moderate { background: #e8f5e9; }
.weak { background: #fff3cd; }
.none { background: #f3f3f3; }
.verdict.strong { border-left-color: #1b5e20; }
.verdict.moderate { border-left-color: #66bb6a; }
.verdict.weak { border-left-color: #f9a825; }
.grade { font-weight: 700; font-size: 12px; text-transform: uppercase; letter-spacing: 0.5px; }
span.grade { padding: 2px 8px; border-radius: 3px; vertical-align: middle; }
.grade.strong { background: #1b5e20; color: #fff; }
.grade.moderate { background: #66bb6a; color: #fff; }
.grade.weak { background: #f9a825; color: #222; }
.grade.none { background: #9e9e9e; color: #fff; }
.note { color: #555; font-size: 13px; }
blockquote { margin: 2px 0 10px 16px; color: #444; font-style: italic; }
svg { display: block; margin: 6px 0; max-width: 100%; height: auto; }
)";
    std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>";
    page += html_escape(title);
    page += "</title>\n<style>";
    page += style;
    page += "</style>\n</head>\n<body>\n";
    page += body;
    page += "</body>\n</html>\n";
    return page;
}

}  // namespace mirhit::io
