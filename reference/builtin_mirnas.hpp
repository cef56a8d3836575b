#pragma once
#include <string>
#include <string_view>
#include <vector>
namespace mirhit::reference {
// The miRBase 22 human mature miRNAs (FASTA, DNA letters) as shipped in Debian's optimir package.
std::string_view builtin_mirna_fasta();
// One line for output headers, e.g. "built-in: miRBase 22 human mature miRNAs (2656), from Debian optimir 1.2-1"
std::string_view builtin_mirna_description();
// The names of the built-in set (e.g. hsa-miR-21-5p), in file order.
const std::vector<std::string>& builtin_mirna_names();
}
