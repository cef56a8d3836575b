#include "app/utr_input.hpp"

#include <algorithm>
#include <iostream>

#include "core/error.hpp"
#include "core/scan_kernel.hpp"
#include "io/utr_header.hpp"

namespace mirhit::app {

utr_input::utr_input(const std::vector<std::string>& files, std::size_t chunk, bool whole, shard_spec shard)
    : files_(files), chunk_(chunk), whole_(whole), sharded_(shard.count != 0) {
    if (!sharded_) return;
    std::uint64_t total = 0;
    for (const auto& file : files_) {
        file_starts_.push_back(total);
        auto source = io::byte_source::open(file);
        total += io::scan_fasta_headers(*source, [&](std::string_view text, std::uint64_t line) {
            io::record_header record;
            record.text = text;
            record.id = record.text.substr(0, record.text.find_first_of(" \t"));
            record.file = source->name();
            record.line = line;
            if (record.id.empty()) throw input_error_at(record.file, line, "FASTA header has no id after '>'");
            check_header(record);
        });
    }
    file_starts_.push_back(total);
    slice_ = slice_of(shard, total);
}

bool utr_input::read(std::vector<io::sequence_piece>& pieces) {
    while (true) {
        if (!reader_) {
            if (next_file_ == files_.size()) return false;
            const std::size_t f = next_file_++;
            std::uint64_t first = 0, end = UINT64_MAX;
            if (sharded_) {
                first = std::max(slice_.first, file_starts_[f]);
                end = std::min(slice_.end, file_starts_[f + 1]);
                if (first >= end) continue;  // none of the shard's records are in this file
                first -= file_starts_[f];
                end -= file_starts_[f];
            }
            // With a shard, headers were checked by the first pass; here they are only parsed.
            io::fasta_reader::header_parser parser = [this](io::record_header& r) { check_header(r); };
            if (sharded_) parser = io::parse_utr_header;
            reader_ = std::make_unique<io::fasta_reader>(io::byte_source::open(files_[f]), site_context, std::move(parser));
            if (whole_) reader_->keep_records_whole();
            if (sharded_) reader_->select_records(first, end);
        }
        if (reader_->read_batch(pieces, chunk_)) return true;
        if (reader_->unavailable())
            std::cerr << "mirhit: warning: " << reader_->name() << ": skipped " << reader_->unavailable()
                      << " record(s) whose sequence is 'Sequence unavailable' (Ensembl BioMart), the first at line "
                      << reader_->first_unavailable_line() << "\n";
        reader_.reset();
    }
}

void utr_input::check_header(io::record_header& record) {
    io::parse_utr_header(record);
    auto [it, is_new] = first_seen_.try_emplace(record.id, record.file + ":" + std::to_string(record.line));
    if (!is_new)
        throw input_error_at(record.file, record.line, "duplicate record id '" + record.id + "' (first at " + it->second + ")");
}

}  // namespace mirhit::app
