#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "io/fasta_reader.hpp"
#include "io/utr_index.hpp"
#include "scoring/accessibility.hpp"

namespace mirhit::io {

// What an index is built from and with.
struct utr_index_build {
    std::string output;
    std::vector<std::string> sources;  // the FASTA files, as the index records them
    scoring::plfold_options access;
    std::string energy_params_file;    // empty: built-in Turner 2004
};

// The model of a run with these options, to build an index with or to check one against.
utr_index_model index_model(const scoring::plfold_options& access, const scoring::energy_choice& energy);

// Builds an index: `read` fills a batch with whole records (headers parsed) and returns false at
// the end; each record is folded whole (RNAplfold's model, in parallel over records) and its
// site counts added up. `progress` is called in input order with the records and nt done.
void build_utr_index(const utr_index_build& build, const std::function<bool(std::vector<sequence_piece>&)>& read,
                     const std::function<void(std::uint64_t records, std::uint64_t nt)>& progress);

}  // namespace mirhit::io
