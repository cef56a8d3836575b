#include "io/byte_source.hpp"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <ios>
#include <mutex>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include <bzlib.h>
#include <isa-l/igzip_lib.h>
#include <lzma.h>
#include <zstd.h>

#include <boost/iostreams/device/file_descriptor.hpp>
#include <boost/iostreams/filter/symmetric.hpp>

#include "core/error.hpp"

namespace mirhit::io {

namespace bio = boost::iostreams;

namespace {

constexpr std::string_view gzip_magic = "\x1F\x8B", bzip2_magic = "BZh", xz_magic = "\xFD" "7zXZ",
                           zstd_magic = "\x28\xB5\x2F\xFD";

// The bytes of an open file descriptor as a Boost.Iostreams source, with a count of the bytes
// consumed, so that messages can name a byte offset, and a way to give back the bytes a
// decompressor read past the end of its member.
class raw_input {
public:
    using char_type = char;
    struct category : bio::source_tag {};

    raw_input(std::string name, int fd)
        : name_(std::move(name)), device_(fd, bio::close_handle), buffer_(1 << 18) {}

    std::streamsize read(char* s, std::streamsize n) {
        if (pos_ == end_ && !refill()) return -1;
        const auto k = std::min<std::size_t>(static_cast<std::size_t>(n), end_ - pos_);
        std::memcpy(s, buffer_.data() + pos_, k);
        pos_ += k;
        return static_cast<std::streamsize>(k);
    }
    // A filter hands back the unused tail of its last read, which came from the buffer.
    void unread(std::size_t n) { pos_ -= std::min(n, pos_); }
    // Up to n (<= 16) bytes from the current position, without consuming them.
    std::string_view peek(std::size_t n) {
        if (end_ - pos_ < n && !eof_) {
            std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
            base_ += pos_;
            end_ -= pos_;
            pos_ = 0;
            while (end_ < n && fill_more()) {}
        }
        return {buffer_.data() + pos_, std::min(n, end_ - pos_)};
    }
    std::uint64_t offset() const { return base_ + pos_; }
    bool at_end() { return peek(1).empty(); }
    const std::string& name() const { return name_; }

private:
    bool refill() {
        base_ += end_;
        pos_ = end_ = 0;
        return fill_more();
    }
    bool fill_more() {
        if (eof_) return false;
        std::streamsize got = 0;
        try {
            got = device_.read(buffer_.data() + end_, static_cast<std::streamsize>(buffer_.size() - end_));
        } catch (const std::ios_base::failure&) {
            throw input_error(name_ + ": read failed: " + std::strerror(errno));
        }
        if (got <= 0) {
            eof_ = true;
            return false;
        }
        end_ += static_cast<std::size_t>(got);
        return true;
    }

    std::string name_;
    bio::file_descriptor_source device_;
    std::vector<char> buffer_;
    std::size_t pos_ = 0, end_ = 0;
    std::uint64_t base_ = 0;  // file offset of buffer_[0]
    bool eof_ = false;
};

class plain_source final : public byte_source {
public:
    explicit plain_source(std::shared_ptr<raw_input> in) : byte_source(in->name()), in_(std::move(in)) {}
    std::size_t read(char* buffer, std::size_t n, std::uint64_t) override {
        const auto got = in_->read(buffer, static_cast<std::streamsize>(n));
        return got < 0 ? 0 : static_cast<std::size_t>(got);
    }

private:
    std::shared_ptr<raw_input> in_;
};

// A decompressor's complaint: corrupt data, or the input ending inside a member.
class decompression_error : public std::ios_base::failure {
public:
    decompression_error(const std::string& what, bool truncated) : std::ios_base::failure(what), truncated_(truncated) {}
    bool truncated() const { return truncated_; }

private:
    bool truncated_;
};

// One gzip member, inflated by ISA-L's igzip (about twice as fast as zlib), as a Boost.Iostreams
// symmetric filter: header and CRC checked, done at the member's end, so that what follows
// can be told apart from another member.
class isal_gzip_impl {
public:
    using char_type = char;
    isal_gzip_impl() : state_(std::make_unique<inflate_state>()) { close(); }

    bool filter(const char*& src_begin, const char* src_end, char*& dest_begin, char* dest_end, bool flush) {
        if (state_->block_state == ISAL_BLOCK_FINISH) return false;
        state_->next_in = reinterpret_cast<std::uint8_t*>(const_cast<char*>(src_begin));
        state_->avail_in = static_cast<std::uint32_t>(src_end - src_begin);
        state_->next_out = reinterpret_cast<std::uint8_t*>(dest_begin);
        state_->avail_out = static_cast<std::uint32_t>(dest_end - dest_begin);
        const int result = isal_inflate(state_.get());
        const bool progress = reinterpret_cast<const char*>(state_->next_in) != src_begin ||
                              reinterpret_cast<char*>(state_->next_out) != dest_begin;
        src_begin = reinterpret_cast<const char*>(state_->next_in);
        dest_begin = reinterpret_cast<char*>(state_->next_out);
        if (result < 0 && result != ISAL_END_INPUT) throw decompression_error("corrupt", false);
        if (state_->block_state == ISAL_BLOCK_FINISH) return false;
        if (flush && !progress) throw decompression_error("truncated", true);
        return true;
    }
    void close() {
        isal_inflate_init(state_.get());
        state_->crc_flag = ISAL_GZIP;
    }

private:
    std::unique_ptr<inflate_state> state_;
};
using isal_gzip_decompressor = bio::symmetric_filter<isal_gzip_impl>;

// One zstd frame, by libzstd's streaming decoder, done at the frame's end like the gzip filter
// (Boost.Iostreams' zstd filter reads on past a frame and takes a cut-off frame for a whole one).
class zstd_frame_impl {
public:
    using char_type = char;
    zstd_frame_impl() : stream_(ZSTD_createDStream(), &ZSTD_freeDStream) {
        if (!stream_) throw std::bad_alloc();
    }

    bool filter(const char*& src_begin, const char* src_end, char*& dest_begin, char* dest_end, bool flush) {
        if (frame_done_) return false;
        ZSTD_inBuffer in{src_begin, static_cast<std::size_t>(src_end - src_begin), 0};
        ZSTD_outBuffer out{dest_begin, static_cast<std::size_t>(dest_end - dest_begin), 0};
        const std::size_t result = ZSTD_decompressStream(stream_.get(), &out, &in);
        src_begin += in.pos;
        dest_begin += out.pos;
        if (ZSTD_isError(result)) throw decompression_error("corrupt", false);
        frame_done_ = result == 0;
        if (frame_done_) return false;
        if (flush && in.pos == 0 && out.pos == 0) throw decompression_error("truncated", true);
        return true;
    }
    void close() {
        ZSTD_DCtx_reset(stream_.get(), ZSTD_reset_session_only);
        frame_done_ = false;
    }

private:
    std::unique_ptr<ZSTD_DStream, std::size_t (*)(ZSTD_DStream*)> stream_;
    bool frame_done_ = false;
};
using zstd_frame_decompressor = bio::symmetric_filter<zstd_frame_impl>;

// libbz2's and liblzma's decoders: the same streaming shape (next_in, avail_in, next_out, avail_out).
struct bzip2_codec {
    using stream = bz_stream;
    static bool init(stream& s) {
        s = bz_stream{};
        return BZ2_bzDecompressInit(&s, 0, 0) == BZ_OK;
    }
    static void end(stream& s) { BZ2_bzDecompressEnd(&s); }
    // true at the stream's end; throws on corrupt data
    static bool step(stream& s) {
        const int result = BZ2_bzDecompress(&s);
        if (result != BZ_OK && result != BZ_STREAM_END) throw decompression_error("corrupt", false);
        return result == BZ_STREAM_END;
    }
};

struct xz_codec {
    using stream = lzma_stream;
    static bool init(stream& s) {
        s = LZMA_STREAM_INIT;
        return lzma_stream_decoder(&s, UINT64_MAX, 0) == LZMA_OK;
    }
    static void end(stream& s) { lzma_end(&s); }
    static bool step(stream& s) {
        const lzma_ret result = lzma_code(&s, LZMA_RUN);
        if (result != LZMA_OK && result != LZMA_STREAM_END && result != LZMA_BUF_ERROR) throw decompression_error("corrupt", false);
        return result == LZMA_STREAM_END;
    }
};

// One bzip2 or xz stream, done at its end (Boost's filters run on into what follows and so
// cannot tell concatenated streams from trailing data).
template <class Codec>
class single_stream_impl {
public:
    using char_type = char;
    single_stream_impl() { init(); }
    ~single_stream_impl() { Codec::end(stream_); }
    single_stream_impl(const single_stream_impl&) = delete;
    single_stream_impl& operator=(const single_stream_impl&) = delete;

    bool filter(const char*& src_begin, const char* src_end, char*& dest_begin, char* dest_end, bool flush) {
        if (done_) return false;
        stream_.next_in = reinterpret_cast<decltype(stream_.next_in)>(const_cast<char*>(src_begin));
        stream_.avail_in = static_cast<decltype(stream_.avail_in)>(src_end - src_begin);
        stream_.next_out = reinterpret_cast<decltype(stream_.next_out)>(dest_begin);
        stream_.avail_out = static_cast<decltype(stream_.avail_out)>(dest_end - dest_begin);
        done_ = Codec::step(stream_);
        const char* consumed = reinterpret_cast<const char*>(stream_.next_in);
        char* produced = reinterpret_cast<char*>(stream_.next_out);
        const bool progress = consumed != src_begin || produced != dest_begin;
        src_begin = consumed;
        dest_begin = produced;
        if (!done_ && flush && !progress) throw decompression_error("truncated", true);
        return !done_;
    }
    void close() {
        Codec::end(stream_);
        init();
    }

private:
    void init() {
        if (!Codec::init(stream_)) throw std::bad_alloc();
        done_ = false;
    }
    typename Codec::stream stream_{};
    bool done_ = false;
};
using bzip2_stream_decompressor = bio::symmetric_filter<single_stream_impl<bzip2_codec>>;
using xz_stream_decompressor = bio::symmetric_filter<single_stream_impl<xz_codec>>;

// Whether a decompressor's error says the input ended inside a member.
bool is_truncation(const std::ios_base::failure& error) {
    const auto* e = dynamic_cast<const decompression_error*>(&error);
    return e && e->truncated();
}

template <class Filter>
class decompressing_source final : public byte_source {
public:
    decompressing_source(std::shared_ptr<raw_input> in, compression format, Filter filter)
        : byte_source(in->name()), in_(std::move(in)), format_(format), filter_(std::move(filter)) {}

    std::size_t read(char* buffer, std::size_t n, std::uint64_t) override {
        while (!done_) {
            std::streamsize got = 0;
            try {
                got = filter_.read(*in_, buffer, static_cast<std::streamsize>(n));
            } catch (const std::ios_base::failure& error) {
                fail(error);
            }
            if (got > 0) return static_cast<std::size_t>(got);
            next_member();
        }
        return 0;
    }

private:
    [[noreturn]] void fail(const std::ios_base::failure& error) {
        const std::string kind = compression_name(format_);
        if (is_truncation(error)) throw input_error(name() + ": truncated " + kind + " data (unexpected end of file)");
        throw input_error(name() + ": corrupt " + kind + " data (in the member starting at byte offset " +
                          std::to_string(member_start_) + ")");
    }
    // The member ended: the input ends too, or another member follows.
    void next_member() {
        in_->unread(filter_.unconsumed_input().size());
        filter_.close(*in_, BOOST_IOS::in);
        if (in_->at_end()) {
            done_ = true;
            return;
        }
        if (compression_of_bytes(in_->peek(6)) != format_)
            throw input_error(name() + ": byte offset " + std::to_string(in_->offset()) + ": data after the last " +
                              compression_name(format_) + " member is not " + compression_name(format_) + " data");
        member_start_ = in_->offset();
    }

    std::shared_ptr<raw_input> in_;
    compression format_;
    Filter filter_;
    std::uint64_t member_start_ = 0;
    bool done_ = false;
};

// Runs another source on a thread of its own, a few blocks ahead of the reader, so that
// decompression overlaps with the work done on what it delivers.
class read_ahead_source final : public byte_source {
public:
    explicit read_ahead_source(std::unique_ptr<byte_source> inner)
        : byte_source(inner->name()), inner_(std::move(inner)), thread_([this] { produce(); }) {}
    ~read_ahead_source() override {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        changed_.notify_all();
        thread_.join();
    }

    std::size_t read(char* buffer, std::size_t n, std::uint64_t) override {
        if (current_pos_ == current_.size()) {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return !full_.empty() || finished_; });
            if (full_.empty()) {
                if (error_) std::rethrow_exception(error_);
                return 0;
            }
            empty_.push_back(std::move(current_));
            current_ = std::move(full_.front());
            full_.erase(full_.begin());
            current_pos_ = 0;
            changed_.notify_all();
        }
        n = std::min(n, current_.size() - current_pos_);
        std::memcpy(buffer, current_.data() + current_pos_, n);
        current_pos_ += n;
        return n;
    }

private:
    static constexpr std::size_t block_size = 1 << 20, blocks = 4;

    void produce() {
        try {
            for (;;) {
                std::vector<char> block;
                {
                    std::unique_lock lock(mutex_);
                    changed_.wait(lock, [&] { return full_.size() < blocks || stop_; });
                    if (stop_) return;
                    if (!empty_.empty()) {
                        block = std::move(empty_.back());
                        empty_.pop_back();
                    }
                }
                block.resize(block_size);
                std::size_t got = 0;
                while (got < block.size())
                    if (const auto k = inner_->read(block.data() + got, block.size() - got, 0)) got += k;
                    else break;
                block.resize(got);
                std::lock_guard lock(mutex_);
                if (got == 0) break;
                full_.push_back(std::move(block));
                changed_.notify_all();
            }
        } catch (...) {
            std::lock_guard lock(mutex_);
            error_ = std::current_exception();
        }
        std::lock_guard lock(mutex_);
        finished_ = true;
        changed_.notify_all();
    }

    std::unique_ptr<byte_source> inner_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::vector<char>> full_, empty_;
    std::vector<char> current_;
    std::size_t current_pos_ = 0;
    bool stop_ = false, finished_ = false;
    std::exception_ptr error_;
    std::thread thread_;  // last: starts once everything it uses exists
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

template <class Filter>
std::unique_ptr<byte_source> decompressing(std::shared_ptr<raw_input> in, compression format, Filter filter) {
    return std::make_unique<read_ahead_source>(std::make_unique<decompressing_source<Filter>>(std::move(in), format, std::move(filter)));
}

int open_descriptor(const std::string& path) {
    if (path == "-") {
        const int fd = ::dup(0);
        if (fd < 0) throw input_error("standard input: cannot open: " + std::string(std::strerror(errno)));
        return fd;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw input_error(path + ": cannot open: " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        ::close(fd);
        throw input_error(path + ": cannot read: is a directory");
    }
    return fd;
}

}  // namespace

compression compression_of_bytes(std::string_view data) {
    for (auto [magic, format] : {std::pair{gzip_magic, compression::gzip}, {bzip2_magic, compression::bzip2},
                                 {xz_magic, compression::xz}, {zstd_magic, compression::zstd}})
        if (data.starts_with(magic)) return format;
    return compression::none;
}

compression compression_of_name(std::string_view path) {
    for (auto [suffix, format] : {std::pair{std::string_view(".gz"), compression::gzip}, {".bz2", compression::bzip2},
                                  {".xz", compression::xz}, {".zst", compression::zstd}})
        if (path.ends_with(suffix)) return format;
    return compression::none;
}

const char* compression_name(compression c) {
    switch (c) {
    case compression::gzip: return "gzip";
    case compression::bzip2: return "bzip2";
    case compression::xz: return "xz";
    case compression::zstd: return "zstd";
    case compression::none: break;
    }
    return "plain";
}

std::unique_ptr<byte_source> byte_source::open(const std::string& path) {
    const int fd = open_descriptor(path);
    auto in = std::make_shared<raw_input>(path == "-" ? "standard input" : path, fd);
    constexpr std::streamsize buffer = 1 << 17;
    switch (compression_of_bytes(in->peek(6))) {
    case compression::gzip: return decompressing(in, compression::gzip, isal_gzip_decompressor(buffer));
    case compression::bzip2: return decompressing(in, compression::bzip2, bzip2_stream_decompressor(buffer));
    case compression::xz: return decompressing(in, compression::xz, xz_stream_decompressor(buffer));
    case compression::zstd: return decompressing(in, compression::zstd, zstd_frame_decompressor(buffer));
    case compression::none: break;
    }
    return std::make_unique<plain_source>(std::move(in));
}

std::unique_ptr<byte_source> byte_source::from_memory(std::string name, std::string_view data) {
    return std::make_unique<memory_source>(std::move(name), data);
}

}  // namespace mirhit::io
