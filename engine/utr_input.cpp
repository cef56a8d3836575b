#include "engine/utr_input.hpp"

#include <algorithm>
#include <iostream>

#include "core/error.hpp"
#include "core/scan_kernel.hpp"
#include "io/utr_header.hpp"

namespace mirhit::engine {

utr_input::utr_input(const std::vector<std::string>& files, std::size_t chunk, bool whole, shard_spec shard)
    : files_(files), chunk_(chunk), whole_(whole), sharded_(shard.count != 0) {
    if (!sharded_) return;
    std::uint64_t total = 0;
    for (const auto& file : files_) {
        file_starts_.push_back(total);
        auto source = io::byte_source::open(file);
        total += io::scan_fasta_headers(*source, [&](io::record_header& record) { check_header(record, true); });
    }
    file_starts_.push_back(total);
    slice_ = slice_of(shard, total);
}

namespace {
const std::vector<std::string> no_files;
}  // namespace

utr_input::utr_input(const io::utr_index& index, std::size_t chunk, shard_spec shard)
    : files_(no_files), chunk_(chunk), whole_(true), sharded_(shard.count != 0), index_(&index), end_record_(index.size()) {
    if (!sharded_) return;
    slice_ = slice_of(shard, index.size());
    next_record_ = slice_.first;
    end_record_ = slice_.end;
}

utr_input::utr_input(const std::vector<io::reference_utr>& utrs, const std::string& file, std::size_t chunk, shard_spec shard)
    : files_(no_files), chunk_(chunk), whole_(true), sharded_(shard.count != 0), aligned_(&utrs), aligned_file_(file),
      end_record_(utrs.size()) {
    if (!sharded_) return;
    slice_ = slice_of(shard, utrs.size());
    next_record_ = slice_.first;
    end_record_ = slice_.end;
}

bool utr_input::read_aligned(std::vector<io::sequence_piece>& pieces) {
    std::size_t bytes = 0;
    for (; next_record_ < end_record_ && bytes < chunk_; ++next_record_) {
        const auto& utr = (*aligned_)[next_record_];
        auto record = std::make_shared<io::record_header>();
        record->text = utr.gene;
        record->id = utr.gene;
        record->file = aligned_file_;
        record->line = utr.line;
        record->index = next_record_;
        check_header(*record, true);
        pieces.push_back({std::move(record), 0, 0, true, utr.sequence});
        if (genome_coords_) check_genome_length(pieces.back());
        bytes += utr.sequence.size() + 1;
    }
    return bytes > 0;
}

// Ids were checked and headers parsed when the index was built; genome coordinates are parsed here.
bool utr_input::read_index(std::vector<io::sequence_piece>& pieces) {
    std::size_t bytes = 0;
    const auto first = pieces.size();
    for (; next_record_ < end_record_ && bytes < chunk_; ++next_record_) {
        const auto r = index_->record(next_record_);
        auto record = std::make_shared<io::record_header>();
        record->text = r.text;
        record->id = r.id;
        record->gene = r.gene;
        record->file = r.file;
        record->line = r.line;
        record->index = next_record_;
        if (genome_coords_) io::parse_genome_header(*record);
        pieces.push_back({std::move(record), 0, 0, true, std::string(r.seq)});
        if (genome_coords_) check_genome_length(pieces.back());
        bytes += r.seq.size();
    }
    if (progress_) progress_->add(std::span(pieces).subspan(first));
    return bytes > 0;
}

bool utr_input::read(std::vector<io::sequence_piece>& pieces) {
    if (index_) return read_index(pieces);
    if (aligned_) return read_aligned(pieces);
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
            // With a shard, ids were checked for duplicates by the first pass.
            reader_ = std::make_unique<io::fasta_reader>(io::byte_source::open(files_[f]), site_context,
                                                         [this](io::record_header& r) { check_header(r, !sharded_); });
            if (whole_) reader_->keep_records_whole();
            if (sharded_) reader_->select_records(first, end);
        }
        const auto first = pieces.size();
        if (reader_->read_batch(pieces, chunk_)) {
            if (genome_coords_)
                for (auto p = first; p < pieces.size(); ++p) check_genome_length(pieces[p]);
            if (progress_) progress_->add(std::span(pieces).subspan(first));
            return true;
        }
        if (reader_->unavailable())
            std::cerr << "mirhit: warning: " << reader_->name() << ": skipped " << reader_->unavailable()
                      << " record(s) whose sequence is 'Sequence unavailable' (Ensembl BioMart), the first at line "
                      << reader_->first_unavailable_line() << "\n";
        reader_.reset();
        if (progress_) progress_->next_file();
    }
}

void utr_input::show_progress(std::string label, progress_mode mode) {
    progress_.emplace(files_, std::move(label), mode);
    if (index_) progress_->set_size(index_->nucleotides());
    if (sharded_) progress_->forget_size();
}

// Checked on every piece, before any is scanned: a site never lies past the exons.
void utr_input::check_genome_length(const io::sequence_piece& piece) const {
    const auto& record = *piece.record;
    const std::uint64_t reach = piece.offset + piece.seq.size(), covered = record.genome->length();
    if (reach > covered)
        throw input_error_at(record.file, record.line,
                             "record '" + record.id + "' is longer than the " + std::to_string(covered) + " nt its exons= cover");
    if (piece.last && reach != covered)
        throw input_error_at(record.file, record.line,
                             "record '" + record.id + "' is " + std::to_string(reach) + " nt long but its exons= cover " +
                                 std::to_string(covered) + " nt");
}

void utr_input::check_header(io::record_header& record, bool check_duplicates) {
    io::parse_utr_header(record);
    if (genome_coords_) io::parse_genome_header(record);
    if (!check_duplicates) return;
    auto [it, is_new] = first_seen_.try_emplace(record.id, record.file + ":" + std::to_string(record.line));
    if (!is_new)
        throw input_error_at(record.file, record.line, "duplicate record id '" + record.id + "' (first at " + it->second + ")");
}

}  // namespace mirhit::engine
