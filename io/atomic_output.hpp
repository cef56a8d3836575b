#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace mirhit::io {

// An output written under a temporary name in the same directory and renamed into place by
// commit(), so a failed run never leaves a complete-looking file behind. Standard output ("-")
// and existing non-regular files (/dev/null, /dev/stdout, a named pipe) are written directly.
class atomic_output {
public:
    explicit atomic_output(std::string path);
    // A private file in the system's temporary directory, removed when destroyed; name is used
    // in messages only. Never committed.
    static std::unique_ptr<atomic_output> scratch(const std::string& name);
    atomic_output(const atomic_output&) = delete;
    atomic_output& operator=(const atomic_output&) = delete;
    ~atomic_output();

    void write(std::string_view bytes);
    void commit();
    // Flushes buffered bytes so the temporary file can be read back.
    void flush();
    // True when there is no temporary file (standard output or a non-regular file).
    bool direct() const { return temp_.empty(); }
    const std::filesystem::path& temp_path() const { return temp_; }
    const std::string& path() const { return path_; }

private:
    std::string path_;
    std::filesystem::path target_;  // path_ with symbolic links resolved
    std::filesystem::path temp_;
    atomic_output() = default;
    void open_temp(const std::filesystem::path& pattern_dir, const std::string& stem);

    std::FILE* file_ = nullptr;
    bool is_stdout_ = false;
    bool committed_ = false;
};

}  // namespace mirhit::io
