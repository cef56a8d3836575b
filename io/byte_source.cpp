#include "io/byte_source.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "core/error.hpp"

namespace mirhit::io {

namespace {

std::string where(const std::string& name, std::uint64_t line) {
    return line ? name + ":" + std::to_string(line) : name;
}

class gzip_file_source final : public byte_source {
public:
    gzip_file_source(std::string name, gzFile file) : byte_source(std::move(name)), file_(file) {}
    ~gzip_file_source() override { gzclose(file_); }

    std::size_t read(char* buffer, std::size_t n, std::uint64_t line) override {
        if (n > INT_MAX) n = INT_MAX;
        int got = gzread(file_, buffer, static_cast<unsigned>(n));
        int err = Z_OK;
        const char* message = gzerror(file_, &err);
        if (got < 0 || (err != Z_OK && err != Z_BUF_ERROR)) {
            if (err == Z_ERRNO) throw input_error(where(name(), line) + ": read failed: " + std::strerror(errno));
            throw input_error(where(name(), line) + ": corrupt gzip data (" + message + ")");
        }
        // zlib reports a stream cut short only once the data before the cut is consumed.
        if (got == 0 && err == Z_BUF_ERROR)
            throw input_error(where(name(), line) + ": truncated gzip data (unexpected end of file)");
        return static_cast<std::size_t>(got);
    }

private:
    gzFile file_;
};

class memory_source final : public byte_source {
public:
    memory_source(std::string name, std::string_view data) : byte_source(std::move(name)), data_(data) {}
    std::size_t read(char* buffer, std::size_t n, std::uint64_t) override {
        n = std::min(n, data_.size() - pos_);
        std::memcpy(buffer, data_.data() + pos_, n);
        pos_ += n;
        return n;
    }

private:
    std::string data_;
    std::size_t pos_ = 0;
};

}  // namespace

std::unique_ptr<byte_source> byte_source::open(const std::string& path) {
    int fd = 0;
    std::string name = path == "-" ? "standard input" : path;
    if (path != "-") {
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) throw input_error(path + ": cannot open: " + std::strerror(errno));
        struct stat st {};
        if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            ::close(fd);
            throw input_error(path + ": cannot read: is a directory");
        }
    } else {
        fd = ::dup(0);
        if (fd < 0) throw input_error("standard input: cannot open: " + std::string(std::strerror(errno)));
    }
    gzFile file = gzdopen(fd, "rb");
    if (!file) {
        ::close(fd);
        throw input_error(name + ": cannot open: out of memory");
    }
    gzbuffer(file, 1u << 18);
    return std::make_unique<gzip_file_source>(std::move(name), file);
}

std::unique_ptr<byte_source> byte_source::from_memory(std::string name, std::string_view data) {
    return std::make_unique<memory_source>(std::move(name), data);
}

}  // namespace mirhit::io
