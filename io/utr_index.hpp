#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "io/atomic_output.hpp"
#include "io/fasta_reader.hpp"
#include "scoring/context_score.hpp"
#include "scoring/energy_params.hpp"

namespace mirhit::io {

// A mirhit index (.mhx, made by `mirhit index`): a UTR set read once and queried many times. It
// holds the records (header, id, gene, the gene's symbols through the alias table, sequence),
// the set's site counts for TA, and per position the unpaired probabilities that dG_open (8 nt)
// and SA (14 nt) read, as doubles exactly as the fold computes them, so a run from the index
// writes the bytes a run from FASTA writes. Layout (host byte order, little-endian checked by a
// byte-order mark): a fixed header (magic, version, model parameters, section table, checksum),
// then sections aligned to 4096 bytes: values, sequences, records, strings, TA counts.
inline constexpr std::string_view utr_index_magic{"MIRHITIX", 8};
inline constexpr std::uint32_t utr_index_version = 1;
// The stretch lengths whose probabilities are stored, in this order per position.
inline constexpr auto utr_index_stretches = scoring::stored_stretches;

// Whether these first bytes of a file are those of a mirhit index.
bool looks_like_utr_index(std::string_view first_bytes);

// The model the stored values depend on. A run whose model differs is refused.
struct utr_index_model {
    std::uint32_t window = 0, max_span = 0, max_unpaired = 0;
    std::uint64_t energy_hash = 0;  // energy_params_hash of the parameter set
    std::string energy_source;      // "built-in Turner 2004" or the .par file, for messages
    std::string version;            // the mirhit version that computed the values
};

// FNV-1a 64 of every value of a parameter set: equal sets, equal hashes.
std::uint64_t energy_params_hash(const scoring::energy_params& params);

// A run using an index with another model: bad usage (exit 2), the message names both values.
class index_mismatch : public input_error {
public:
    using input_error::input_error;
};

// Site counts of the set for `mirhit abundance` (target_abundance.hpp): per seed code, the
// sites on the given strand and on both, and the nucleotides counted each way.
struct utr_index_abundance {
    std::vector<std::uint64_t> sites, sites_both;
    std::uint64_t nucleotides = 0, nucleotides_both = 0;
};

// Writes an index: records in order, each with its values (utr_index_stretches.size() doubles per
// position, NaN where there is none), then finish() with the counts. The values go straight to the
// file; the rest is kept (a tenth of the size) and written by finish(), which then commits.
class utr_index_writer {
public:
    utr_index_writer(const std::string& path, utr_index_model model, std::vector<std::string> sources);
    ~utr_index_writer();
    void add(const record_header& record, const std::vector<std::string>& symbols, std::string_view seq,
             std::span<const double> values);
    void finish(const utr_index_abundance& counts);

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

// One record of an index; views into the mapped file.
struct utr_index_record {
    std::string_view text, id, gene;
    std::string_view symbols;  // the gene's symbols through the alias table, upper case, comma-separated
    std::string_view file;     // the FASTA file it came from
    std::uint64_t line = 0;    // its header line there
    std::string_view seq;
    std::span<const double> values;  // utr_index_stretches.size() per position
};

struct index_record_entry;

// An index opened read-only and memory-mapped: opening checks the header, sizes and the checksums of
// the small sections; sequences and values are read only where a query looks.
class utr_index {
public:
    // Throws input_error naming the file when it is missing, truncated, corrupt, of another format
    // version or not an index.
    explicit utr_index(const std::string& path);
    ~utr_index();
    utr_index(const utr_index&) = delete;
    utr_index& operator=(const utr_index&) = delete;

    const std::string& path() const { return path_; }
    const utr_index_model& model() const { return model_; }
    const std::vector<std::string>& sources() const { return sources_; }
    std::size_t size() const { return records_; }
    std::uint64_t nucleotides() const { return total_nt_; }
    utr_index_record record(std::size_t i) const;
    utr_index_abundance abundance() const;
    // One line for '##' headers: the index and the files it was built from.
    std::string description() const;
    // Throws index_mismatch naming both values when `run` differs from the index's model.
    void require(const utr_index_model& run) const;

private:
    std::string path_;
    const char* data_ = nullptr;
    std::size_t size_ = 0;
    utr_index_model model_;
    std::vector<std::string> sources_;
    std::size_t records_ = 0;
    std::uint64_t total_nt_ = 0;
    const index_record_entry* entries_ = nullptr;
    std::string_view strings_, sequences_;
    const double* values_ = nullptr;
    const std::uint64_t* counts_ = nullptr;

    void check_layout();
};

}  // namespace mirhit::io
