#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace mirhit::test {

// A fresh empty directory for one test.
std::filesystem::path temp_dir();

void write_file(const std::filesystem::path& path, const std::string& content);
std::string read_file(const std::filesystem::path& path);
void write_gzip(const std::filesystem::path& path, const std::string& content);

struct run_result {
    int exit_code;
    std::string out;
    std::string err;
};
// Runs the mirhit binary with these arguments (no shell) in cwd (default: the source tree, so
// paths like examples/utrs.fa work), optionally feeding standard input.
run_result run_mirhit(const std::vector<std::string>& args, const std::string& input = "",
                      const std::filesystem::path& cwd = MIRHIT_SOURCE_DIR);

// The shared reference data directory ($MIRHIT_SHARED, else the build's default) joined with
// sub, or an empty path when it is not there.
std::filesystem::path shared_data(const std::filesystem::path& sub);

// The rows of a TSV output without its "##" lines.
std::vector<std::string> data_lines(const std::string& text);

}  // namespace mirhit::test
