#pragma once

#include "engine/abundance.hpp"
#include "engine/curated.hpp"
#include "engine/scan_request.hpp"
#include "engine/shard_merge.hpp"
#include "engine/validation.hpp"
#include "io/atomic_output.hpp"
#include "io/targetscan_context_files.hpp"
#include "io/utr_extraction.hpp"

namespace mirhit::app {

// Each command's check that no output file is one of its inputs (or another output), done
// first when it runs, before anything is read: throws io::output_clash (exit 2).
void check_paths(const engine::scan_request& args);
void check_paths(const io::utrs_request& args);
void check_paths(const engine::validate_request& args);
void check_paths(const engine::abundance_request& args);
void check_paths(const engine::merge_request& args);
void check_paths(const engine::curated_request& args);
void check_paths(const io::targetscan_context_files& files);

}  // namespace mirhit::app
