#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/progress.hpp"
#include "io/fasta_reader.hpp"

namespace mirhit::engine {

// A run's progress over its input files, reported on standard error by a progress_meter. Call
// add() and next_file() from one thread (the pipeline's serial input stage), finish() after the
// run. The share done and ETA need the input's size: known when every file is a plain file on
// disk (the bytes read are estimated as the finished files' sizes plus the current file's bases
// read); unknown for standard input and compressed files.
class input_progress {
public:
    input_progress(const std::vector<std::string>& files, std::string label, progress_mode mode);
    // A batch of pieces read from the current file.
    void add(std::span<const io::sequence_piece> pieces);
    // The current file is read to its end; the next one starts.
    void next_file();
    void finish();
    // The input is one source of `bases` bases (a mirhit index), not the files.
    void set_size(std::uint64_t bases) { sizes_ = {bases}, counts_.total_bytes = bases; }
    // The share done is not known (a shard reads a part of its files).
    void forget_size() { sizes_.clear(), counts_.total_bytes = 0; }

private:
    std::optional<progress_meter> meter_;
    std::vector<std::uint64_t> sizes_;  // per file, when every size is known
    std::size_t file_ = 0;
    std::uint64_t done_bytes_ = 0;      // the finished files' sizes
    std::uint64_t file_bases_ = 0;      // bases read from the current file
    progress_counts counts_;
};

}  // namespace mirhit::engine
