#pragma once

#include "app/abundance_command.hpp"
#include "app/curated_command.hpp"
#include "app/merge_command.hpp"
#include "app/scan_args.hpp"
#include "app/utrs_command.hpp"
#include "app/validate_command.hpp"
#include "io/targetscan_context_files.hpp"

namespace mirhit::app {

// Each command's check that no output file is one of its inputs (or another output), done
// before anything is read: throws io::output_clash.
void check_paths(const scan_args& args);
void check_paths(const utrs_args& args);
void check_paths(const validate_args& args);
void check_paths(const abundance_args& args);
void check_paths(const merge_args& args);
void check_paths(const curated_args& args);
void check_paths(const io::targetscan_context_files& files);
void check_paths(const targetscan_args& args);

}  // namespace mirhit::app
