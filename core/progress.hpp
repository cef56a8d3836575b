#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

namespace mirhit {

// How progress reaches standard error: not at all (--quiet), one line every ~10 s (a log file or
// a pipe), or one line rewritten in place (a terminal).
enum class progress_mode { quiet, lines, terminal };

// The mode for standard error as it is now: quiet when asked, a terminal when stderr is one.
progress_mode progress_mode_for_stderr(bool quiet);

// What a long run has done so far. bytes/total_bytes measure the input as read from disk (for an
// ETA); total_bytes is 0 when the size is not known (standard input, a pipe).
struct progress_counts {
    std::uint64_t records = 0;
    std::uint64_t bases = 0;
    std::uint64_t bytes = 0;
    std::uint64_t total_bytes = 0;
};

// Reports a long run's progress on a stream, as minimap2 does: nothing for the first few seconds
// (short runs stay silent), then records, megabases, throughput and, when the input size is
// known, the share done and an ETA. Call update() from one thread (a pipeline's serial stage).
class progress_meter {
public:
    using clock = std::chrono::steady_clock;

    progress_meter(std::ostream& out, std::string label, progress_mode mode,
                   std::function<clock::time_point()> now = clock::now);

    // What the report calls a record ("genes", "pairs"; default "records"), and whether it counts
    // bases (without, the rate is records per second).
    void count_as(std::string records, bool bases);

    void update(const progress_counts& counts);
    // The closing line (when anything was reported): totals and the elapsed time.
    void finish(const progress_counts& counts);

    // Seconds of silence at the start (the environment variable MIRHIT_PROGRESS_AFTER, a number
    // of seconds, overrides it: tests set 0), and between lines when not on a terminal.
    static constexpr double first_report_after = 3.0;
    static constexpr double line_interval = 10.0;
    static constexpr double terminal_interval = 0.5;

    // The report line for these counts after `seconds` (no line ending).
    std::string describe(const progress_counts& counts, double seconds) const;

private:
    double elapsed() const;

    std::ostream& out_;
    std::string label_;
    progress_mode mode_;
    std::function<clock::time_point()> now_;
    clock::time_point start_;
    double silent_for_;  // first_report_after, or MIRHIT_PROGRESS_AFTER
    double last_report_ = -1;
    bool reported_ = false;
    std::string records_ = "records";
    bool bases_ = true;
};

// A progress_meter on standard error and the counts it reports, for a run that counts its work
// as it goes (from one thread, as a pipeline's serial stage); finish() after the run.
class progress_tally {
public:
    progress_tally(std::string label, progress_mode mode, std::string records = "records", bool bases = true);
    // The share done and an ETA: the work in all, in the unit of add()'s `work`.
    void set_total(std::uint64_t work) { counts_.total_bytes = work; }
    // records done, with their bases and work (for the share; default: their bases).
    void add(std::uint64_t records, std::uint64_t bases = 0);
    void add(std::uint64_t records, std::uint64_t bases, std::uint64_t work);
    void finish() { meter_.finish(counts_); }

private:
    progress_meter meter_;
    progress_counts counts_;
};

}  // namespace mirhit
