#include "io/genome_fasta.hpp"

#include <deque>

#include "core/encoding.hpp"
#include "core/error.hpp"
#include "io/checked_stream.hpp"
#include "io/fasta_reader.hpp"
#include "io/line_reader.hpp"

namespace mirhit::io {

namespace {

// What the line check learned of one record before SeqAn3 reads it.
struct fasta_frame {
    std::string id;
    std::uint64_t line = 0;
    bool has_sequence = false;
    std::string error;  // the first error in it, at error_line
    std::uint64_t error_line = 0;
};

class fasta_check_buffer final : public checked_stream_buffer {
public:
    using checked_stream_buffer::checked_stream_buffer;

    std::deque<fasta_frame> frames;  // one per record, in order; the reader pops each once used
    bool empty = false;              // the input holds nothing but white space

private:
    void check_line(std::string_view line, std::uint64_t number) override {
        if (failed_ || line.empty()) return;
        if (line.starts_with('>')) {
            close_record();
            if (failed_) return;
            auto& frame = frames.emplace_back();
            frame.line = number;
            frame.id = line.substr(1, line.find_first_of(" \t") - 1);
            if (frame.id.empty()) fail("FASTA header has no id after '>'", number);
            return;
        }
        if (frames.empty()) {
            frames.emplace_back();
            return fail("expected a FASTA header starting with '>', found '" + printable(line.substr(0, 20)) + "'", number);
        }
        for (char c : line)
            if (!is_nucleotide_letter[static_cast<unsigned char>(c)])
                return fail(illegal_letter_message(static_cast<unsigned char>(c), frames.back().id), number);
        frames.back().has_sequence = true;
    }
    void check_end(std::uint64_t) override {
        empty = frames.empty();
        close_record();
    }
    void close_record() {
        if (!frames.empty() && !frames.back().has_sequence && !failed_)
            fail("record '" + frames.back().id + "' has no sequence", frames.back().line);
    }
    void fail(std::string message, std::uint64_t line) {
        frames.back().error = std::move(message);
        frames.back().error_line = line;
        failed_ = true;
    }

    bool failed_ = false;
};

}  // namespace

struct genome_fasta_reader::impl : checked_records<fasta_check_buffer> {
    explicit impl(std::unique_ptr<byte_source> source) : checked_records(std::move(source), seqan_format::fasta) {}
};

genome_fasta_reader::genome_fasta_reader(std::unique_ptr<byte_source> source) : impl_(std::make_unique<impl>(std::move(source))) {}

genome_fasta_reader::~genome_fasta_reader() = default;

bool genome_fasta_reader::next(std::string& id, std::string& sequence) {
    auto& frames = impl_->bytes.frames;
    const auto& name = impl_->bytes.name();
    auto frame_error = [&] {
        if (frames.empty() || frames.front().error.empty()) return false;
        throw input_error_at(name, frames.front().error_line, frames.front().error);
    };
    fasta_text_record text;
    try {
        if (!impl_->records.next(text)) {
            if (impl_->bytes.empty) throw input_error(name + ": empty file, no FASTA records");
            return frame_error();
        }
    } catch (const seqan_parse_error& e) {
        frame_error();
        throw input_error_at(name, impl_->bytes.read_line(), std::string("SeqAn3 cannot read this FASTA (") + e.what() + ")");
    }
    frame_error();
    id = std::move(frames.front().id);
    frames.pop_front();
    sequence = std::move(text.sequence);
    return true;
}

}  // namespace mirhit::io
