#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "io/fasta_reader.hpp"

namespace mirhit::app {

// The UTR files of a run read one after another in batches of pieces, headers parsed for id and
// gene, record ids checked for duplicates across files, BioMart's "Sequence unavailable" records
// reported in a warning.
class utr_input {
public:
    // chunk: sequence bytes per batch; whole: every record in one piece (for scoring).
    utr_input(const std::vector<std::string>& files, std::size_t chunk, bool whole);
    bool read(std::vector<io::sequence_piece>& pieces);
    // Every header must carry genome coordinates (scan --genome-coords) that cover its sequence.
    void require_genome_coords() { genome_coords_ = true; }

private:
    void check_header(io::record_header& record);
    void check_genome_length(const io::sequence_piece& piece) const;

    const std::vector<std::string>& files_;
    std::size_t chunk_;
    bool whole_;
    bool genome_coords_ = false;
    std::size_t next_file_ = 0;
    std::unique_ptr<io::fasta_reader> reader_;
    std::unordered_map<std::string, std::string> first_seen_;
};

}  // namespace mirhit::app
