#include "core/progress.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <unistd.h>

namespace mirhit {

progress_mode progress_mode_for_stderr(bool quiet) {
    if (quiet) return progress_mode::quiet;
    return isatty(fileno(stderr)) ? progress_mode::terminal : progress_mode::lines;
}

progress_meter::progress_meter(std::ostream& out, std::string label, progress_mode mode,
                               std::function<clock::time_point()> now)
    : out_(out), label_(std::move(label)), mode_(mode), now_(std::move(now)), start_(now_()), silent_for_(first_report_after) {
    if (const char* after = std::getenv("MIRHIT_PROGRESS_AFTER")) silent_for_ = std::atof(after);
}

double progress_meter::elapsed() const { return std::chrono::duration<double>(now_() - start_).count(); }

namespace {

// x with one decimal.
std::string one_decimal(double x) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", x);
    return text;
}

// Seconds as H:MM:SS.
std::string clock_text(double seconds) {
    auto s = static_cast<std::uint64_t>(std::llround(seconds));
    char text[32];
    std::snprintf(text, sizeof text, "%llu:%02llu:%02llu", static_cast<unsigned long long>(s / 3600),
                  static_cast<unsigned long long>(s / 60 % 60), static_cast<unsigned long long>(s % 60));
    return text;
}

// n with thousands separators.
std::string grouped(std::uint64_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

}  // namespace

void progress_meter::count_as(std::string records, bool bases) {
    records_ = std::move(records);
    bases_ = bases;
}

std::string progress_meter::describe(const progress_counts& counts, double seconds) const {
    std::string line = label_ + ": " + grouped(counts.records) + " " + records_;
    if (bases_) line += ", " + one_decimal(counts.bases / 1e6) + " Mb";
    if (seconds > 0 && bases_) line += ", " + one_decimal(counts.bases / 1e6 / seconds) + " Mb/s";
    if (seconds > 0 && !bases_) line += ", " + grouped(static_cast<std::uint64_t>(counts.records / seconds)) + " " + records_ + "/s";
    if (counts.total_bytes > 0 && counts.bytes <= counts.total_bytes) {
        double share = static_cast<double>(counts.bytes) / static_cast<double>(counts.total_bytes);
        line += ", " + std::to_string(static_cast<int>(share * 100)) + "%";
        if (share > 0 && share < 1) line += ", ETA " + clock_text(seconds * (1 - share) / share);
    }
    return line + ", " + clock_text(seconds) + " elapsed";
}

void progress_meter::update(const progress_counts& counts) {
    if (mode_ == progress_mode::quiet) return;
    double t = elapsed();
    if (t < silent_for_) return;
    double interval = mode_ == progress_mode::terminal ? terminal_interval : line_interval;
    if (reported_ && t - last_report_ < interval) return;
    // \r and "erase to the end of the line" rewrite the terminal's line in place.
    if (mode_ == progress_mode::terminal)
        out_ << '\r' << describe(counts, t) << "\x1b[K" << std::flush;
    else
        out_ << describe(counts, t) << '\n' << std::flush;
    reported_ = true;
    last_report_ = t;
}

void progress_meter::finish(const progress_counts& counts) {
    if (mode_ == progress_mode::quiet || !reported_) return;
    if (mode_ == progress_mode::terminal) out_ << '\r';
    out_ << describe(counts, elapsed()) << ", done" << (mode_ == progress_mode::terminal ? "\x1b[K\n" : "\n") << std::flush;
}

progress_tally::progress_tally(std::string label, progress_mode mode, std::string records, bool bases)
    : meter_(std::cerr, std::move(label), mode) {
    meter_.count_as(std::move(records), bases);
}

void progress_tally::add(std::uint64_t records, std::uint64_t bases) { add(records, bases, bases); }

void progress_tally::add(std::uint64_t records, std::uint64_t bases, std::uint64_t work) {
    counts_.records += records;
    counts_.bases += bases;
    counts_.bytes += work;
    meter_.update(counts_);
}

}  // namespace mirhit
