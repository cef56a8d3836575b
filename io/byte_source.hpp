#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace mirhit::io {

// Compression formats recognised by their first bytes (input) or by the file name (output).
enum class compression { none, gzip, bzip2, xz, zstd };

// The format whose magic number `data` starts with; none for anything else.
compression compression_of_bytes(std::string_view data);
// The format named by a path's suffix: .gz, .bz2, .xz, .zst; none otherwise.
compression compression_of_name(std::string_view path);
const char* compression_name(compression c);

// Where input bytes come from: a file or standard input ("-"), plain or compressed (gzip,
// bzip2, xz or zstd, recognised by their magic bytes whatever the name; concatenated members
// are read one after another, as gunzip does), or a block of memory (never decompressed).
// Decompression runs on a thread of its own, ahead of the reader.
class byte_source {
public:
    virtual ~byte_source() = default;
    // Fills up to n bytes; returns 0 only at the end. Throws input_error on read or
    // decompression errors; decompression errors name the file and the compressed byte offset,
    // other errors name the file and `line` (the caller's position) when it is not zero.
    virtual std::size_t read(char* buffer, std::size_t n, std::uint64_t line) = 0;
    const std::string& name() const { return name_; }

    static std::unique_ptr<byte_source> open(const std::string& path);
    // Copies the data.
    static std::unique_ptr<byte_source> from_memory(std::string name, std::string_view data);

protected:
    explicit byte_source(std::string name) : name_(std::move(name)) {}

private:
    std::string name_;
};

}  // namespace mirhit::io
