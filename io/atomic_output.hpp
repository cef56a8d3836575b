#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "io/byte_source.hpp"

namespace mirhit::io {

// An output written under a temporary name in the same directory, fsync'ed and renamed into
// place by commit(), so a failed or interrupted run never leaves a complete-looking file behind
// (SIGINT, SIGTERM and SIGHUP remove every temporary file of the run, then exit 128 + signal).
// A path ending in .gz, .bz2, .xz or .zst is written compressed in that format. An existing
// file at the path keeps its mode and owner; a read-only one is refused. Standard output ("-")
// and existing non-regular files (/dev/null, /dev/stdout, a named pipe) are written directly.
class atomic_output {
public:
    explicit atomic_output(std::string path);
    // A private plain file in the system's temporary directory, removed when destroyed; name
    // is used in messages only. Never committed.
    static std::unique_ptr<atomic_output> scratch(const std::string& name);
    atomic_output(const atomic_output&) = delete;
    atomic_output& operator=(const atomic_output&) = delete;
    ~atomic_output();

    // Plain bytes, compressed on the way when the output is.
    void write(std::string_view bytes);
    // A complete gzip member made by gzip_member() (e.g. on a worker thread), written as it is
    // after what write() gave before; only for gzip outputs.
    void write_gzip_member(std::string_view member);
    void commit();
    // Flushes buffered bytes so the temporary file can be read back (plain outputs).
    void flush();
    // True when there is no temporary file (standard output or a non-regular file).
    bool direct() const { return temp_.empty(); }
    compression format() const { return format_; }
    const std::filesystem::path& temp_path() const { return temp_; }
    const std::string& path() const { return path_; }

private:
    struct compressor;
    std::string path_;
    std::filesystem::path target_;  // path_ with symbolic links resolved
    std::filesystem::path temp_;
    int temp_slot_ = -1;  // in the registry of temporary files removed on a signal
    atomic_output() = default;
    void open_temp(const std::filesystem::path& pattern_dir, const std::string& stem);
    void write_file(std::string_view bytes);
    void finish_compression();
    void keep_mode_of_target();
    void remove_temp();

    std::FILE* file_ = nullptr;
    bool is_stdout_ = false;
    bool committed_ = false;
    compression format_ = compression::none;
    bool wrote_member_ = false;
    std::string pending_;  // gzip: plain bytes not yet compressed into a member
    std::unique_ptr<compressor> compressor_;  // bzip2, xz, zstd
};

// A complete gzip member (RFC 1952) holding `data`; members concatenated are one gzip stream.
// The same data always gives the same bytes (no time stamp, no name).
std::string gzip_member(std::string_view data);

// A usage error: an output path that names an input, or another output.
class output_clash : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Throws output_clash when an output (not "-") is the same file as an input (same path, or
// the same inode through a symbolic or hard link) or as another output. Inputs and outputs
// are (option name, path) pairs; nothing is read or written.
using named_paths = std::vector<std::pair<std::string, std::string>>;
void check_outputs_distinct(const named_paths& inputs, const named_paths& outputs);

}  // namespace mirhit::io
