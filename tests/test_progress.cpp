#include <gtest/gtest.h>

#include <sstream>

#include "core/progress.hpp"

namespace mirhit {
namespace {

// A clock the test moves by hand.
struct fake_clock {
    progress_meter::clock::time_point t{};
    void advance(double seconds) {
        t += std::chrono::duration_cast<progress_meter::clock::duration>(std::chrono::duration<double>(seconds));
    }
};

progress_meter meter(std::ostringstream& out, fake_clock& c, progress_mode mode) {
    return progress_meter(out, "mirhit scan", mode, [&c] { return c.t; });
}

TEST(progress, describes_counts_rate_share_and_eta) {
    std::ostringstream out;
    fake_clock c;
    auto m = meter(out, c, progress_mode::lines);
    EXPECT_EQ(m.describe({1234567, 20'000'000, 250, 1000}, 10),
              "mirhit scan: 1,234,567 records, 20.0 Mb, 2.0 Mb/s, 25%, ETA 0:00:30, 0:00:10 elapsed");
    EXPECT_EQ(m.describe({5, 1'500'000, 0, 0}, 3725), "mirhit scan: 5 records, 1.5 Mb, 0.0 Mb/s, 1:02:05 elapsed");
    // Records of another kind, without bases: the rate is theirs.
    m.count_as("genes", false);
    EXPECT_EQ(m.describe({12345, 0, 12345, 49380}, 10), "mirhit scan: 12,345 genes, 1,234 genes/s, 25%, ETA 0:00:30, 0:00:10 elapsed");
}

TEST(progress, silent_for_short_runs_then_a_line_every_ten_seconds) {
    std::ostringstream out;
    fake_clock c;
    auto m = meter(out, c, progress_mode::lines);
    c.advance(2);
    m.update({1, 1'000'000, 0, 0});
    EXPECT_EQ(out.str(), "");
    c.advance(2);  // 4 s
    m.update({2, 4'000'000, 0, 0});
    c.advance(5);  // 9 s: too soon for another line
    m.update({3, 9'000'000, 0, 0});
    c.advance(6);  // 15 s
    m.update({4, 15'000'000, 0, 0});
    m.finish({5, 16'000'000, 0, 0});
    EXPECT_EQ(out.str(),
              "mirhit scan: 2 records, 4.0 Mb, 1.0 Mb/s, 0:00:04 elapsed\n"
              "mirhit scan: 4 records, 15.0 Mb, 1.0 Mb/s, 0:00:15 elapsed\n"
              "mirhit scan: 5 records, 16.0 Mb, 1.1 Mb/s, 0:00:15 elapsed, done\n");
}

TEST(progress, terminal_rewrites_one_line) {
    std::ostringstream out;
    fake_clock c;
    auto m = meter(out, c, progress_mode::terminal);
    c.advance(4);
    m.update({1, 4'000'000, 1, 2});
    c.advance(0.6);
    m.update({2, 8'000'000, 2, 2});
    m.finish({2, 8'000'000, 2, 2});
    EXPECT_EQ(out.str(),
              "\rmirhit scan: 1 records, 4.0 Mb, 1.0 Mb/s, 50%, ETA 0:00:04, 0:00:04 elapsed\x1b[K"
              "\rmirhit scan: 2 records, 8.0 Mb, 1.7 Mb/s, 100%, 0:00:05 elapsed\x1b[K"
              "\rmirhit scan: 2 records, 8.0 Mb, 1.7 Mb/s, 100%, 0:00:05 elapsed, done\x1b[K\n");
}

TEST(progress, quiet_and_short_runs_write_nothing) {
    std::ostringstream out;
    fake_clock c;
    auto quiet = meter(out, c, progress_mode::quiet);
    c.advance(100);
    quiet.update({1, 1, 0, 0});
    quiet.finish({1, 1, 0, 0});
    auto short_run = meter(out, c, progress_mode::lines);
    c.advance(1);
    short_run.update({1, 1, 0, 0});
    short_run.finish({1, 1, 0, 0});
    EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace mirhit
