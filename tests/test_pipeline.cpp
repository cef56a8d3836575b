// run_ordered_pipeline: results written in input order whatever the threads, and every batch
// and result destroyed when a stage throws with others in flight (oneTBB drops its items in
// flight without destroying them, so they must not own anything).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include <oneapi/tbb/global_control.h>

#include "core/pipeline.hpp"

namespace mirhit::test {
namespace {

std::atomic<int> alive{0};

struct counted {
    int value = 0;
    counted() { ++alive; }
    counted(const counted& o) : value(o.value) { ++alive; }
    counted(counted&& o) noexcept : value(o.value) { ++alive; }
    counted& operator=(const counted&) = default;
    counted& operator=(counted&&) noexcept = default;
    ~counted() { --alive; }
};

TEST(pipeline, results_are_written_in_input_order) {
    for (const int threads : {1, 2, 4}) {
        oneapi::tbb::global_control limit(oneapi::tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
        int next = 0;
        std::vector<int> written;
        run_ordered_pipeline<counted>(
            3, [&](counted& b) { return (b.value = next++) < 200; },
            [](counted& b) {
                std::this_thread::sleep_for(std::chrono::microseconds((b.value * 37) % 200));
                return b.value * 2;
            },
            [&](int r) { written.push_back(r); });
        ASSERT_EQ(written.size(), 200u) << threads << " threads";
        for (int i = 0; i < 200; ++i) EXPECT_EQ(written[static_cast<std::size_t>(i)], 2 * i);
        EXPECT_EQ(alive.load(), 0);
    }
}

TEST(pipeline, a_stage_that_throws_leaves_no_batch_or_result_behind) {
    oneapi::tbb::global_control limit(oneapi::tbb::global_control::max_allowed_parallelism, 2);
    for (int throwing_stage = 0; throwing_stage < 3; ++throwing_stage) {
        int next = 0;
        const auto fail_at = [&](int stage, int value) {
            if (stage == throwing_stage && value == 20) throw std::runtime_error("stage " + std::to_string(stage));
        };
        EXPECT_THROW(run_ordered_pipeline<counted>(
                         8,
                         [&](counted& b) {
                             b.value = next++;
                             fail_at(0, b.value);
                             return true;
                         },
                         [&](counted& b) {
                             std::this_thread::sleep_for(std::chrono::milliseconds(1));  // batches pile up
                             fail_at(1, b.value);
                             return b;
                         },
                         [&](counted& r) { fail_at(2, r.value); }),
                     std::runtime_error);
        EXPECT_EQ(alive.load(), 0) << "stage " << throwing_stage;
    }
}

}  // namespace
}  // namespace mirhit::test
