#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace mirhit::io {

// Where input bytes come from: a file or standard input ("-"), plain or gzip (recognised by
// its magic bytes, whatever the name), or a block of memory.
class byte_source {
public:
    virtual ~byte_source() = default;
    // Fills up to n bytes; returns 0 only at the end. Throws input_error on read or gzip errors,
    // naming the file and `line` (the caller's position) when it is not zero.
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
