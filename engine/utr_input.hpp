#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/input_progress.hpp"
#include "engine/shard.hpp"
#include "io/fasta_reader.hpp"
#include "io/targetscan_pct_files.hpp"
#include "io/utr_index.hpp"

namespace mirhit::engine {

// The UTR files of a run read one after another in batches of pieces, headers parsed for id and
// gene, record ids checked for duplicates across files, BioMart's "Sequence unavailable" records
// reported in a warning.
class utr_input {
public:
    // chunk: sequence bytes per batch; whole: every record in one piece (for scoring). With a
    // shard, a first pass over all files counts the records and checks every header (so that a
    // duplicate id fails every shard, as it fails a single run); then only the shard's records
    // are read.
    utr_input(const std::vector<std::string>& files, std::size_t chunk, bool whole, shard_spec shard = {});
    // The records of a mirhit index instead, whole, in batches of `chunk` bytes; a piece's
    // record->index is its number in the index (for index.record()).
    utr_input(const io::utr_index& index, std::size_t chunk, shard_spec shard = {});
    // The reference species' UTRs of an aligned UTR file (scan --alignments alone), whole, their
    // headers parsed and ids checked as FASTA headers are.
    utr_input(const std::vector<io::reference_utr>& utrs, const std::string& file, std::size_t chunk, shard_spec shard = {});
    bool read(std::vector<io::sequence_piece>& pieces);
    const record_slice& slice() const { return slice_; }
    // Every header must carry genome coordinates (scan --genome-coords) that cover its sequence.
    void require_genome_coords() { genome_coords_ = true; }
    // Reports progress on standard error (see input_progress) as batches are read; call
    // finish_progress() when the run is over.
    void show_progress(std::string label, progress_mode mode);
    void finish_progress() {
        if (progress_) progress_->finish();
    }

private:
    // Parses the header (id, gene, genome coordinates); checks_duplicates: also that its id is new.
    void check_header(io::record_header& record, bool check_duplicates);
    void check_genome_length(const io::sequence_piece& piece) const;
    bool read_index(std::vector<io::sequence_piece>& pieces);
    bool read_aligned(std::vector<io::sequence_piece>& pieces);

    const std::vector<std::string>& files_;
    std::size_t chunk_;
    bool whole_;
    bool sharded_;
    record_slice slice_;
    std::vector<std::uint64_t> file_starts_;  // with a shard: index of each file's first record, then the total
    bool genome_coords_ = false;
    std::size_t next_file_ = 0;
    std::unique_ptr<io::fasta_reader> reader_;
    std::unordered_map<std::string, std::string> first_seen_;
    const io::utr_index* index_ = nullptr;
    const std::vector<io::reference_utr>* aligned_ = nullptr;
    std::string aligned_file_;
    std::uint64_t next_record_ = 0, end_record_ = 0;  // with an index or aligned UTRs
    std::optional<input_progress> progress_;
};

}  // namespace mirhit::engine
