#include "io/atomic_output.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <functional>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <random>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <isa-l/igzip_lib.h>

#include <boost/iostreams/device/back_inserter.hpp>
#include <boost/iostreams/filter/bzip2.hpp>
#include <boost/iostreams/filter/lzma.hpp>
#include <boost/iostreams/filter/zstd.hpp>
#include <boost/iostreams/filtering_stream.hpp>

#include "core/error.hpp"

namespace mirhit::io {

namespace bio = boost::iostreams;

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

// The temporary files of the run, removed by the handler of SIGINT, SIGTERM and SIGHUP. Fixed
// size and lock-free, as a signal handler may only touch such memory (and call unlink, _exit).
constexpr std::size_t max_temps = 64, max_temp_path = 4096;
struct temp_slot {
    std::atomic<bool> used{false};  // taken by an atomic_output
    std::atomic<bool> live{false};  // path holds a file to remove
    char path[max_temp_path];
};
std::array<temp_slot, max_temps> temp_slots;

extern "C" void remove_temps_and_exit(int signal_number) {
    for (auto& slot : temp_slots)
        if (slot.live.load()) ::unlink(slot.path);
    ::_exit(128 + signal_number);
}

void install_signal_handlers() {
    struct sigaction action {};
    action.sa_handler = remove_temps_and_exit;
    sigemptyset(&action.sa_mask);
    for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&action.sa_mask, s);
    // A signal ignored when the run began (nohup, a shell's background job) stays ignored.
    for (int s : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction old {};
        if (::sigaction(s, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
        ::sigaction(s, &action, nullptr);
    }
}

// The slot now holding `path`, or -1 when all are taken (the file is then only removed by
// the destructor, as before).
int register_temp(const std::string& path) {
    static std::once_flag installed;
    std::call_once(installed, install_signal_handlers);
    if (path.size() >= max_temp_path) return -1;
    for (std::size_t i = 0; i < max_temps; ++i) {
        if (temp_slots[i].used.exchange(true)) continue;
        return static_cast<int>(i);
    }
    return -1;
}

void unregister_temp(int slot) {
    if (slot < 0) return;
    temp_slots[static_cast<std::size_t>(slot)].live.store(false);
    temp_slots[static_cast<std::size_t>(slot)].used.store(false);
}

// Creates a new file at `pattern` with its trailing XXXXXX replaced (as mkstemp does), marked
// for removal in the registry before it exists: a signal then never leaves it behind.
int create_registered(std::string& pattern, int slot_index) {
    static std::atomic<std::uint64_t> counter{std::random_device{}() ^ (static_cast<std::uint64_t>(::getpid()) << 32)};
    constexpr std::string_view letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (int attempt = 0; attempt < 1000; ++attempt) {
        std::uint64_t x = counter.fetch_add(0x9E3779B97F4A7C15ull) * 0xBF58476D1CE4E5B9ull;
        for (std::size_t i = pattern.size() - 6; i < pattern.size(); ++i, x /= letters.size()) pattern[i] = letters[x % letters.size()];
        temp_slot* slot = slot_index >= 0 ? &temp_slots[static_cast<std::size_t>(slot_index)] : nullptr;
        if (slot) {
            std::memcpy(slot->path, pattern.c_str(), pattern.size() + 1);
            slot->live.store(true);
        }
        const int fd = ::open(pattern.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) return fd;
        if (slot) slot->live.store(false);
        if (errno != EEXIST) return -1;
    }
    return -1;
}

constexpr std::size_t gzip_member_size = 4u << 20;  // plain bytes per gzip member written by write()

// Compressed bytes from Boost.Iostreams into the output's file.
struct file_sink {
    using char_type = char;
    using category = bio::sink_tag;
    std::function<void(std::string_view)> write_bytes;
    std::streamsize write(const char* s, std::streamsize n) {
        write_bytes({s, static_cast<std::size_t>(n)});
        return n;
    }
};
}  // namespace

struct atomic_output::compressor {
    bio::filtering_ostream stream;
};

// ISA-L's igzip, not Boost.Iostreams' zlib filter: on scan rows level 2 compresses about 25x faster
// than zlib's level 6 for files about 12% larger (bench/compress_bench.cpp), so .gz output keeps
// pace with the scan.
std::string gzip_member(std::string_view data) {
    isal_zstream stream{};  // zeroed: isal_deflate_init does not set every field deflate reads (hist_bits)
    isal_deflate_init(&stream);
    std::vector<std::uint8_t> level_buffer(ISAL_DEF_LVL2_DEFAULT);
    stream.gzip_flag = IGZIP_GZIP;
    stream.level = 2;
    stream.level_buf = level_buffer.data();
    stream.level_buf_size = static_cast<std::uint32_t>(level_buffer.size());
    stream.flush = NO_FLUSH;
    std::string member(data.size() / 2 + 1024, '\0');
    std::size_t done = 0;
    while (stream.internal_state.state != ZSTATE_END) {
        if (stream.avail_in == 0) {  // ISA-L counts in 32 bits: feed at most 1 GiB at a time
            const auto take = std::min<std::size_t>(data.size(), 1u << 30);
            stream.next_in = reinterpret_cast<std::uint8_t*>(const_cast<char*>(data.data()));
            stream.avail_in = static_cast<std::uint32_t>(take);
            data.remove_prefix(take);
            stream.end_of_stream = data.empty();
        }
        if (done == member.size()) member.resize(2 * member.size());
        stream.next_out = reinterpret_cast<std::uint8_t*>(member.data()) + done;
        stream.avail_out = static_cast<std::uint32_t>(member.size() - done);
        if (isal_deflate(&stream) != COMP_OK) throw std::runtime_error("gzip compression failed");
        done = member.size() - stream.avail_out;
    }
    member.resize(done);
    return member;
}

atomic_output::atomic_output(std::string path) : path_(std::move(path)) {
    if (path_ == "-") {
        is_stdout_ = true;
        file_ = stdout;
        return;
    }
    format_ = compression_of_name(path_);
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
    } else {
        // Checked on the mode bits, as root may write anything: the file's owner said read-only.
        if (std::filesystem::exists(status) && (static_cast<unsigned>(status.permissions()) & 0222) == 0)
            throw input_error(path_ + ": cannot write output: the file is read-only");
        open_temp(target_.parent_path(), "." + target_.filename().string() + ".tmp");
    }
    if (format_ == compression::bzip2 || format_ == compression::xz || format_ == compression::zstd) {
        compressor_ = std::make_unique<compressor>();
        auto& s = compressor_->stream;
        if (format_ == compression::bzip2) s.push(bio::bzip2_compressor());
        else if (format_ == compression::xz) s.push(bio::lzma_compressor(bio::lzma_params(3)));
        else s.push(bio::zstd_compressor(bio::zstd_params(3)));
        s.push(file_sink{[this](std::string_view bytes) { write_file(bytes); }}, 1 << 16);
        s.exceptions(std::ios::badbit);
    }
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
    temp_slot_ = register_temp(pattern);
    const int fd = create_registered(pattern, temp_slot_);
    if (fd < 0) {
        unregister_temp(temp_slot_);
        throw input_error(path_ + ": cannot write output: " + system_error_text());
    }
    temp_ = pattern;
    file_ = ::fdopen(fd, "wb");
    if (!file_) {
        ::close(fd);
        remove_temp();
        throw input_error(path_ + ": cannot write output: " + system_error_text());
    }
    static constexpr std::size_t buffer_size = 1 << 20;
    std::setvbuf(file_, nullptr, _IOFBF, buffer_size);
}

void atomic_output::remove_temp() {
    std::error_code ignored;
    std::filesystem::remove(temp_, ignored);
    unregister_temp(temp_slot_);
    temp_slot_ = -1;
}

atomic_output::~atomic_output() {
    if (is_stdout_ || committed_ || !file_) return;
    compressor_.reset();  // nothing more reaches the file; may write a trailer, removed below
    std::fclose(file_);
    if (!direct()) remove_temp();
}

void atomic_output::write_file(std::string_view bytes) {
    if (bytes.empty()) return;
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
        throw input_error((is_stdout_ ? std::string("standard output") : path_) + ": write failed: " + system_error_text());
}

void atomic_output::write(std::string_view bytes) {
    if (compressor_) {
        compressor_->stream.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return;
    }
    if (format_ != compression::gzip) return write_file(bytes);
    // Members cut at fixed plain-byte counts: the output does not depend on how writes come.
    while (!bytes.empty()) {
        const std::size_t take = std::min(bytes.size(), gzip_member_size - pending_.size());
        pending_.append(bytes.substr(0, take));
        bytes.remove_prefix(take);
        if (pending_.size() == gzip_member_size) {
            write_file(gzip_member(pending_));
            pending_.clear();
            wrote_member_ = true;
        }
    }
}

void atomic_output::write_gzip_member(std::string_view member) {
    if (format_ != compression::gzip) throw std::logic_error("write_gzip_member on an output that is not gzip");
    if (member.empty()) return;
    if (!pending_.empty()) write_file(gzip_member(pending_));
    pending_.clear();
    write_file(member);
    wrote_member_ = true;
}

void atomic_output::flush() {
    if (std::fflush(file_) != 0) throw input_error(path_ + ": write failed: " + system_error_text());
}

void atomic_output::finish_compression() {
    if (compressor_) {
        compressor_->stream.reset();  // the compressor's last bytes
        compressor_.reset();
    } else if (format_ == compression::gzip && (!pending_.empty() || !wrote_member_)) {
        write_file(gzip_member(pending_));  // an empty output is still one valid (empty) member
        pending_.clear();
    }
}

// An existing file keeps its mode and owner; a new one gets the usual 0644 less the umask
// (temporary files are created 0600).
void atomic_output::keep_mode_of_target() {
    struct stat st {};
    const int fd = ::fileno(file_);
    if (::stat(target_.c_str(), &st) == 0) {
        ::fchmod(fd, st.st_mode & 07777);
        if (::fchown(fd, st.st_uid, st.st_gid) != 0) {}  // only root may give files away; not an error
    } else {
        ::fchmod(fd, 0644 & ~current_umask());
    }
}

void atomic_output::commit() {
    if (is_stdout_) {
        finish_compression();
        if (std::fflush(stdout) != 0) throw input_error("standard output: write failed: " + system_error_text());
        committed_ = true;
        return;
    }
    finish_compression();
    if (!direct()) keep_mode_of_target();
    const bool written = std::fflush(file_) == 0 && (direct() || ::fsync(::fileno(file_)) == 0);
    const int saved_errno = errno;
    if (std::fclose(file_) != 0 || !written) {
        if (written) errno = saved_errno;
        file_ = nullptr;
        if (!direct()) remove_temp();
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
        remove_temp();
        throw input_error(path_ + ": cannot write output: " + ec.message());
    }
    unregister_temp(temp_slot_);  // after the rename, so a signal between the two removes nothing
    temp_slot_ = -1;
    committed_ = true;
}

void check_outputs_distinct(const named_paths& inputs, const named_paths& outputs) {
    struct file_id {
        dev_t dev = 0;
        ino_t ino = 0;
        bool exists = false;
        bool regular = false;
    };
    auto id_of = [](const std::string& path) {
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) return file_id{};
        return file_id{st.st_dev, st.st_ino, true, S_ISREG(st.st_mode)};
    };
    auto canonical = [](const std::string& path) {
        std::error_code ec;
        return std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
    };
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        const auto& [name, path] = outputs[i];
        if (path.empty() || path == "-") continue;
        const auto id = id_of(path);
        auto same = [&](const std::string& other) {
            if (other.empty() || other == "-") return false;
            const auto other_id = id_of(other);
            // Devices and pipes (/dev/null, /dev/stdout) may serve several outputs and inputs.
            if ((id.exists && !id.regular) || (other_id.exists && !other_id.regular)) return false;
            if (id.exists && other_id.exists) return id.dev == other_id.dev && id.ino == other_id.ino;
            return !id.exists && !other_id.exists && canonical(path) == canonical(other);
        };
        for (const auto& [input_name, input] : inputs)
            if (same(input))
                throw output_clash(name + " '" + path + "' is the input file " + input_name + " '" + input +
                                   "'; refusing to overwrite an input");
        for (std::size_t j = 0; j < i; ++j)
            if (same(outputs[j].second))
                throw output_clash(name + " '" + path + "' is also the " + outputs[j].first + " file");
    }
}

}  // namespace mirhit::io
