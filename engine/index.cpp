#include "engine/index.hpp"

#include <iostream>

#include "core/progress.hpp"
#include "engine/utr_input.hpp"
#include "io/utr_index_builder.hpp"

namespace mirhit::engine {

void run_index(const index_request& request) {
    utr_input input(request.utr_files, std::size_t{1} << 18, true);
    const io::utr_index_build build{request.output, request.utr_files, request.access, request.energy_params_file};
    progress_meter meter(std::cerr, "mirhit index", progress_mode_for_stderr(request.quiet));
    progress_counts done;
    io::build_utr_index(build, [&](std::vector<io::sequence_piece>& pieces) { return input.read(pieces); },
                        [&](std::uint64_t records, std::uint64_t nt) {
                            done.records = records;
                            done.bases = nt;
                            meter.update(done);
                        });
    meter.finish(done);
}

}  // namespace mirhit::engine
