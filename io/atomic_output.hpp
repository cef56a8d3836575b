#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace mirhit::io {

// An output that is either standard output ("-") or a file written under a temporary name in
// the same directory and renamed into place by commit(), so a failed run never leaves a
// complete-looking file behind.
class atomic_output {
public:
    explicit atomic_output(std::string path);
    atomic_output(const atomic_output&) = delete;
    atomic_output& operator=(const atomic_output&) = delete;
    ~atomic_output();

    void write(std::string_view bytes);
    void commit();
    // Flushes buffered bytes so the temporary file can be read back (files only).
    void flush();
    const std::filesystem::path& temp_path() const { return temp_; }
    const std::string& path() const { return path_; }

private:
    std::string path_;
    std::filesystem::path temp_;
    std::FILE* file_ = nullptr;
    bool is_stdout_ = false;
    bool committed_ = false;
};

}  // namespace mirhit::io
