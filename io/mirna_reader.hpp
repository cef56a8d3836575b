#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/mirna.hpp"
#include "io/byte_source.hpp"

namespace mirhit::io {

// Reads mature miRNAs from FASTA as miRBase ships it (">hsa-miR-21-5p MIMAT0000076 ..."),
// DNA or RNA letters in any case. With a species prefix ("hsa"), keeps the names that start
// with "hsa-". Throws input_error naming the file and line for a bad record, and when no
// miRNA is left.
mirna_set read_mirnas(std::unique_ptr<byte_source> source, const std::string& species = "");

// The miRNAs of a run: those of `file`, or with an empty name the built-in human miRBase set;
// description names where they came from.
mirna_set load_mirnas(const std::string& file, const std::string& species, std::string& description);

// The miRNAs named (each once, in the order given) out of `all`, which description names;
// throws input_error for a name not in it.
mirna_set select_mirnas(const mirna_set& all, const std::vector<std::string>& names, const std::string& description);

}  // namespace mirhit::io
