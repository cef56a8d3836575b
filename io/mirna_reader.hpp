#pragma once

#include <memory>
#include <string>

#include "core/mirna.hpp"
#include "io/byte_source.hpp"

namespace mirhit::io {

// Reads mature miRNAs from FASTA as miRBase ships it (">hsa-miR-21-5p MIMAT0000076 ..."),
// DNA or RNA letters in any case. With a species prefix ("hsa"), keeps the names that start
// with "hsa-". Throws input_error naming the file and line for a bad record, and when no
// miRNA is left.
mirna_set read_mirnas(std::unique_ptr<byte_source> source, const std::string& species = "");

}  // namespace mirhit::io
