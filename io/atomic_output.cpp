#include "io/atomic_output.hpp"

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

#include "core/error.hpp"

namespace mirhit::io {

namespace {
std::string system_error_text() { return std::strerror(errno); }

mode_t current_umask() {
    mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
}
}  // namespace

atomic_output::atomic_output(std::string path) : path_(std::move(path)) {
    if (path_ == "-") {
        is_stdout_ = true;
        file_ = stdout;
        return;
    }
    std::filesystem::path target(path_);
    if (std::filesystem::is_directory(target))
        throw input_error(path_ + ": cannot write output: is a directory");
    auto dir = target.parent_path();
    std::string pattern = (dir.empty() ? std::filesystem::path(".") : dir) / ("." + target.filename().string() + ".tmp.XXXXXX");
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw input_error(path_ + ": cannot write output: " + system_error_text());
    temp_ = pattern;
    file_ = ::fdopen(fd, "wb");
    if (!file_) {
        ::close(fd);
        std::filesystem::remove(temp_);
        throw input_error(path_ + ": cannot write output: " + system_error_text());
    }
    static constexpr std::size_t buffer_size = 1 << 20;
    std::setvbuf(file_, nullptr, _IOFBF, buffer_size);
}

atomic_output::~atomic_output() {
    if (is_stdout_ || committed_ || !file_) return;
    std::fclose(file_);
    std::error_code ignored;
    std::filesystem::remove(temp_, ignored);
}

void atomic_output::write(std::string_view bytes) {
    if (bytes.empty()) return;
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
        throw input_error((is_stdout_ ? std::string("standard output") : path_) + ": write failed: " + system_error_text());
}

void atomic_output::flush() {
    if (std::fflush(file_) != 0) throw input_error(path_ + ": write failed: " + system_error_text());
}

void atomic_output::commit() {
    if (is_stdout_) {
        if (std::fflush(stdout) != 0) throw input_error("standard output: write failed: " + system_error_text());
        committed_ = true;
        return;
    }
    // mkstemp creates 0600 files; give the result the usual permissions.
    ::fchmod(::fileno(file_), 0644 & ~current_umask());
    if (std::fclose(file_) != 0) {
        file_ = nullptr;
        std::error_code ignored;
        std::filesystem::remove(temp_, ignored);
        throw input_error(path_ + ": write failed: " + system_error_text());
    }
    file_ = nullptr;
    std::error_code ec;
    std::filesystem::rename(temp_, path_, ec);
    if (ec) {
        std::filesystem::remove(temp_, ec);
        throw input_error(path_ + ": cannot write output: " + ec.message());
    }
    committed_ = true;
}

}  // namespace mirhit::io
