#pragma once

#include <cstddef>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include <oneapi/tbb/parallel_pipeline.h>

namespace mirhit {

// read → process in parallel → write in input order. read(batch) fills a fresh batch and
// returns false at the end; process(batch) returns a result (or works on the batch in place and
// returns nothing); write sees the results (or the batches) in the order the batches were read,
// so the output never depends on scheduling.
//
// The batches and results live in live_batches slots owned here, and only slot numbers travel
// through TBB: a pipeline stopped by an exception drops the items in flight without destroying
// them (oneTBB 2021), which would leak any owning item. Slot n % live_batches is free again when
// batch n is read: at most live_batches are in flight, and they leave in input order.
template <class Batch, class Read, class Process, class Write>
void run_ordered_pipeline(std::size_t live_batches, Read&& read, Process&& process, Write&& write) {
    using result_type = decltype(process(std::declval<Batch&>()));
    constexpr bool has_result = !std::is_void_v<result_type>;
    using stored_result = std::conditional_t<has_result, result_type, char>;
    namespace tbb = oneapi::tbb;
    std::vector<std::optional<Batch>> batches(live_batches);
    std::vector<std::optional<stored_result>> results(has_result ? live_batches : 0);
    std::size_t read_count = 0;
    tbb::parallel_pipeline(
        live_batches,
        tbb::make_filter<void, std::size_t>(tbb::filter_mode::serial_in_order,
                                            [&](tbb::flow_control& control) {
                                                const std::size_t slot = read_count++ % live_batches;
                                                if (!read(batches[slot].emplace())) {
                                                    batches[slot].reset();
                                                    control.stop();
                                                }
                                                return slot;
                                            }) &
            tbb::make_filter<std::size_t, std::size_t>(tbb::filter_mode::parallel,
                                                       [&](std::size_t slot) {
                                                           if constexpr (has_result) {
                                                               results[slot].emplace(process(*batches[slot]));
                                                               batches[slot].reset();
                                                           } else {
                                                               process(*batches[slot]);
                                                           }
                                                           return slot;
                                                       }) &
            tbb::make_filter<std::size_t, void>(tbb::filter_mode::serial_in_order, [&](std::size_t slot) {
                if constexpr (has_result) {
                    write(*results[slot]);
                    results[slot].reset();
                } else {
                    write(*batches[slot]);
                    batches[slot].reset();
                }
            }));
}

}  // namespace mirhit
