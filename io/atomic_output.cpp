#include "io/atomic_output.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

#include "core/error.hpp"

namespace mirhit::io {

namespace {
std::string system_error_text() { return std::strerror(errno); }

// /dev/stdout, /dev/stderr, /dev/fd/N, /proc/.../fd/N: names of open descriptors.
bool is_descriptor_path(const std::filesystem::path& absolute) {
    const std::string s = absolute.string();
    return s == "/dev/stdout" || s == "/dev/stderr" || s.starts_with("/dev/fd/") ||
           (s.starts_with("/proc/") && s.find("/fd/") != std::string::npos);
}

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
    std::error_code ec;
    const auto absolute = std::filesystem::absolute(path_, ec).lexically_normal();
    // A symbolic link stays a link: the file it points to is the one replaced.
    target_ = std::filesystem::weakly_canonical(absolute, ec);
    if (ec) target_ = path_;
    const auto status = std::filesystem::status(target_, ec);
    if (std::filesystem::is_directory(status)) throw input_error(path_ + ": cannot write output: is a directory");
    if ((std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) || is_descriptor_path(absolute)) {
        // Devices, pipes and /dev/stdout cannot be replaced by a rename: they are written in
        // place, appending, as a shell's ">>" would (a file behind /dev/stdout keeps what it had).
        file_ = std::fopen(path_.c_str(), "ab");
        if (!file_) throw input_error(path_ + ": cannot write output: " + system_error_text());
        return;
    }
    open_temp(target_.parent_path(), "." + target_.filename().string() + ".tmp");
}

std::unique_ptr<atomic_output> atomic_output::scratch(const std::string& name) {
    std::unique_ptr<atomic_output> out(new atomic_output());
    out->path_ = name;
    std::error_code ec;
    auto dir = std::filesystem::temp_directory_path(ec);
    out->open_temp(ec ? std::filesystem::path("/tmp") : dir, "mirhit");
    return out;
}

void atomic_output::open_temp(const std::filesystem::path& dir, const std::string& stem) {
    std::string pattern = dir / (stem + ".XXXXXX");
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw input_error(path_ + ": cannot write output: " + system_error_text());
    temp_ = pattern;
    file_ = ::fdopen(fd, "wb");
    if (!file_) {
        ::close(fd);
        std::filesystem::remove(temp_);
        temp_.clear();
        throw input_error(path_ + ": cannot write output: " + system_error_text());
    }
    static constexpr std::size_t buffer_size = 1 << 20;
    std::setvbuf(file_, nullptr, _IOFBF, buffer_size);
}

atomic_output::~atomic_output() {
    if (is_stdout_ || committed_ || !file_) return;
    std::fclose(file_);
    std::error_code ignored;
    if (!direct()) std::filesystem::remove(temp_, ignored);
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
    if (!direct()) ::fchmod(::fileno(file_), 0644 & ~current_umask());
    if (std::fclose(file_) != 0) {
        file_ = nullptr;
        std::error_code ignored;
        if (!direct()) std::filesystem::remove(temp_, ignored);
        throw input_error(path_ + ": write failed: " + system_error_text());
    }
    file_ = nullptr;
    if (direct()) {
        committed_ = true;
        return;
    }
    std::error_code ec;
    std::filesystem::rename(temp_, target_, ec);
    if (ec) {
        std::filesystem::remove(temp_, ec);
        throw input_error(path_ + ": cannot write output: " + ec.message());
    }
    committed_ = true;
}

}  // namespace mirhit::io
