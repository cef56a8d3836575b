#include "io/fasta_reader.hpp"
#include "io/utr_index.hpp"

#include <cstdio>
#include <cstring>

#include "core/encoding.hpp"
#include "core/error.hpp"
#include "io/line_reader.hpp"

namespace mirhit::io {

namespace {

constexpr std::size_t block_size = 1u << 20;
constexpr std::size_t max_header_length = 1u << 20;

bool is_binary_byte(unsigned char c) { return c == 0 || c == 0x7f || (c < 0x20 && c != '\t' && c != '\r' && c != '\n'); }

std::string describe_byte(unsigned char c) {
    if (c >= 0x20 && c < 0x7f) return std::string("'") + static_cast<char>(c) + "'";
    char text[8];
    std::snprintf(text, sizeof text, "0x%02X", c);
    return text;
}

// Ensembl BioMart writes this line in place of a sequence it does not have.
bool is_unavailable_marker(const char* begin, const char* end) {
    std::string_view line(begin, static_cast<std::size_t>(end - begin));
    if (line.ends_with('\r')) line.remove_suffix(1);
    return line == "Sequence unavailable";
}

void reject_other_compression(const std::string& name, const char* data, std::size_t size) {
    auto starts_with = [&](std::string_view magic) { return size >= magic.size() && std::memcmp(data, magic.data(), magic.size()) == 0; };
    const char* format = starts_with("BZh") ? "bzip2"
                         : starts_with("\xFD" "7zXZ") ? "xz"
                         : starts_with("\x28\xB5\x2F\xFD") ? "zstd"
                         : starts_with("PK\x03\x04") ? "zip"
                                                     : nullptr;
    if (format)
        throw input_error(name + ": " + format + "-compressed input is not supported; decompress it first (gzip is read directly)");
    if (looks_like_utr_index({data, size}))
        throw input_error(name + ": a mirhit index, not FASTA: give it with --index " + name);
}

// The record of a header: its text, and its id, the text up to the first blank.
record_header header_record(std::string text, const std::string& file, std::uint64_t line) {
    record_header record;
    record.id = text.substr(0, text.find_first_of(" \t"));
    if (record.id.empty()) throw input_error_at(file, line, "FASTA header has no id after '>'");
    record.text = std::move(text);
    record.file = file;
    record.line = line;
    return record;
}

}  // namespace

fasta_reader::fasta_reader(std::unique_ptr<byte_source> source, std::uint32_t overlap, header_parser parser)
    : source_(std::move(source)), overlap_(overlap), parser_(std::move(parser)), buffer_(block_size) {}

void fasta_reader::fail(const std::string& message) const { throw input_error_at(name(), line_, message); }

bool fasta_reader::fill() {
    if (eof_) return false;
    end_ = source_->read(buffer_.data(), buffer_.size(), line_);
    pos_ = 0;
    if (end_ == 0) {
        eof_ = true;
        return false;
    }
    if (first_block_) {
        first_block_ = false;
        check_first_bytes();
    }
    return true;
}

void fasta_reader::check_first_bytes() { reject_other_compression(name(), buffer_.data(), end_); }

void fasta_reader::finish_header() {
    if (!header_text_.empty() && header_text_.back() == '\r') header_text_.pop_back();
    for (unsigned char c : header_text_)
        if (is_binary_byte(c)) fail("binary data (byte " + describe_byte(c) + ") where a FASTA header was expected");
    auto record = std::make_shared<record_header>(header_record(std::move(header_text_), name(), line_));
    header_text_.clear();
    record->index = records_++;
    if (parser_) parser_(*record);
    record_ = std::move(record);
    record_length_ = 0;
    piece_.clear();
    piece_offset_ = 0;
    piece_overlap_ = 0;
}

void fasta_reader::emit_piece(std::vector<sequence_piece>& out, bool last) {
    if (last && record_length_ == 0)
        throw input_error_at(name(), record_->line, "record '" + record_->id + "' has no sequence");
    out.push_back({record_, piece_offset_, piece_overlap_, last, std::move(piece_)});
    piece_.clear();
    if (last) {
        record_.reset();
        return;
    }
    const std::string& sent = out.back().seq;
    std::size_t keep = std::min<std::size_t>(overlap_, sent.size());
    piece_.assign(sent, sent.size() - keep, keep);
    piece_overlap_ = static_cast<std::uint32_t>(keep);
    piece_offset_ = record_length_ - keep;
}

void fasta_reader::append_sequence(const char* begin, const char* end) {
    const char* p = begin;
    while (p != end && is_nucleotide_letter[static_cast<unsigned char>(*p)]) ++p;
    piece_.append(begin, p);
    record_length_ += static_cast<std::uint64_t>(p - begin);
    if (p == end) return;
    const auto c = static_cast<unsigned char>(*p);
    // A CR is allowed only as part of a CRLF (or final CR) line end.
    if (c == '\r' && p + 1 == end) {
        pending_cr_ = true;
        return;
    }
    if (is_binary_byte(c) || c >= 0x80) fail("binary data (byte " + describe_byte(c) + ") where FASTA text was expected");
    fail(illegal_letter_message(c, record_->id));
}

std::string illegal_letter_message(unsigned char c, const std::string& id) {
    return "illegal character " + describe_byte(c) + " in the sequence of '" + id + "' (allowed: A, C, G, T, U and IUPAC codes such as N)";
}

void fasta_reader::skip_to_first_record() {
    bool at_line_start = true;
    while (true) {
        if (pos_ == end_ && !fill()) return;  // fewer records: read_batch sees the end
        const char* block = buffer_.data();
        if (at_line_start && block[pos_] == '>') {
            if (records_ == first_record_) return;
            ++records_;
        }
        const auto* nl = static_cast<const char*>(std::memchr(block + pos_, '\n', end_ - pos_));
        at_line_start = nl != nullptr;
        pos_ = nl ? static_cast<std::size_t>(nl - block) + 1 : end_;
        line_ += at_line_start;
    }
}

// The reader's hot loop (a kernel), kept in one function: its record and piece states are read at once.
bool fasta_reader::read_batch(std::vector<sequence_piece>& out, std::size_t target) {
    const std::size_t first = out.size();
    std::size_t gathered = 0;
    auto note_piece = [&] { gathered += out.back().seq.size() - out.back().overlap; };
    if (records_ < first_record_) skip_to_first_record();
    while (gathered < target && state_ != state::done) {
        if (pos_ == end_ && !fill()) {
            if (state_ == state::done) break;
            if (state_ == state::header) finish_header();
            if (record_) {
                emit_piece(out, true);
                note_piece();
            } else if (records_ == 0) {
                throw input_error(name() + ": empty file, no FASTA records");
            }
            state_ = state::done;
            break;
        }
        if (pending_cr_) {
            pending_cr_ = false;
            if (buffer_[pos_] != '\n') fail("illegal character '\\r' in the sequence of '" + record_->id + "'");
        }
        const char* block = buffer_.data();
        switch (state_) {
        case state::line_start: {
            const char c = block[pos_];
            if (c == '>') {
                if (record_) {
                    emit_piece(out, true);
                    note_piece();
                }
                if (records_ == end_record_) {
                    state_ = state::done;
                    break;
                }
                state_ = state::header;
                ++pos_;
            } else if (c == '\n') {
                ++line_;
                ++pos_;
            } else if (c == '\r' && (pos_ + 1 == end_ || block[pos_ + 1] == '\n')) {
                ++pos_;
                pending_cr_ = pos_ == end_;
            } else if (!record_) {
                if (is_binary_byte(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80)
                    fail("binary data (byte " + describe_byte(static_cast<unsigned char>(c)) + "), not FASTA text");
                std::size_t stop = pos_;
                while (stop < end_ && stop - pos_ < 20 && block[stop] != '\n' && block[stop] != '\r') ++stop;
                fail("expected a FASTA header starting with '>', found '" + printable({block + pos_, stop - pos_}) + "'");
            } else {
                state_ = state::sequence;
            }
            break;
        }
        case state::header: {
            const auto* nl = static_cast<const char*>(std::memchr(block + pos_, '\n', end_ - pos_));
            const char* stop = nl ? nl : block + end_;
            header_text_.append(block + pos_, stop);
            if (header_text_.size() > max_header_length) fail("FASTA header longer than 1 MB");
            pos_ = static_cast<std::size_t>(stop - block);
            if (nl) {
                finish_header();
                ++line_;
                ++pos_;
                state_ = state::line_start;
            }
            break;
        }
        case state::sequence: {
            const auto* nl = static_cast<const char*>(std::memchr(block + pos_, '\n', end_ - pos_));
            const char* stop = nl ? nl : block + end_;
            if (record_length_ == 0 && is_unavailable_marker(block + pos_, stop)) {
                if (unavailable_++ == 0) first_unavailable_line_ = record_->line;
                record_.reset();
                pos_ = static_cast<std::size_t>(stop - block);
                state_ = state::line_start;
                break;
            }
            // Take no more than fits the piece, so a one-line chromosome is split at the target too.
            const std::size_t room = target - (piece_.size() - piece_overlap_);
            const bool cut = !whole_records_ && static_cast<std::size_t>(stop - (block + pos_)) > room;
            if (cut) stop = block + pos_ + room;
            append_sequence(block + pos_, stop);
            pos_ = static_cast<std::size_t>(stop - block);
            if (nl && !cut) {
                pending_cr_ = false;
                ++line_;
                ++pos_;
                state_ = state::line_start;
            }
            if (!whole_records_ && piece_.size() - piece_overlap_ >= target) {
                emit_piece(out, false);
                note_piece();
            }
            break;
        }
        case state::done:
            break;
        }
    }
    return out.size() > first;
}

std::uint64_t scan_fasta_headers(byte_source& source,
                                 const std::function<void(record_header& record)>& on_header) {
    std::vector<char> buffer(block_size);
    std::string header;
    std::uint64_t line = 1, count = 0;
    bool first_block = true, at_line_start = true, in_header = false;
    auto finish = [&] {
        if (!header.empty() && header.back() == '\r') header.pop_back();
        auto record = header_record(std::move(header), source.name(), line);
        header.clear();
        on_header(record);
        ++count;
        in_header = false;
    };
    while (const std::size_t n = source.read(buffer.data(), buffer.size(), line)) {
        if (first_block) reject_other_compression(source.name(), buffer.data(), n);
        first_block = false;
        const char* p = buffer.data();
        const char* end = p + n;
        while (p != end) {
            if (at_line_start && *p == '>') {
                in_header = true;
                header.clear();
                ++p;
            }
            const auto* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
            const char* stop = nl ? nl : end;
            if (in_header) {
                header.append(p, stop);
                if (header.size() > max_header_length) throw input_error_at(source.name(), line, "FASTA header longer than 1 MB");
                if (nl) finish();
            }
            at_line_start = nl != nullptr;
            p = nl ? nl + 1 : end;
            line += at_line_start;
        }
    }
    if (in_header) finish();
    if (count == 0) throw input_error(source.name() + ": empty file, no FASTA records");
    return count;
}

}  // namespace mirhit::io
