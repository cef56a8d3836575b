#pragma once

#include <cstddef>
#include <memory>
#include <utility>

#include <oneapi/tbb/parallel_pipeline.h>

namespace mirhit {

// read → process in parallel → write in input order. read(batch) fills a fresh batch and
// returns false at the end; process(batch) returns a result; write(result) sees results in the
// order the batches were read, so the output never depends on scheduling.
template <class Batch, class Read, class Process, class Write>
void run_ordered_pipeline(std::size_t live_batches, Read&& read, Process&& process, Write&& write) {
    using result_type = decltype(process(std::declval<Batch&>()));
    namespace tbb = oneapi::tbb;
    tbb::parallel_pipeline(
        live_batches,
        tbb::make_filter<void, std::shared_ptr<Batch>>(
            tbb::filter_mode::serial_in_order,
            [&](tbb::flow_control& control) -> std::shared_ptr<Batch> {
                auto batch = std::make_shared<Batch>();
                if (!read(*batch)) {
                    control.stop();
                    return nullptr;
                }
                return batch;
            }) &
            tbb::make_filter<std::shared_ptr<Batch>, std::shared_ptr<result_type>>(
                tbb::filter_mode::parallel,
                [&](std::shared_ptr<Batch> batch) { return std::make_shared<result_type>(process(*batch)); }) &
            tbb::make_filter<std::shared_ptr<result_type>, void>(
                tbb::filter_mode::serial_in_order, [&](std::shared_ptr<result_type> result) { write(*result); }));
}

}  // namespace mirhit
