#pragma once
#include <string_view>
namespace mirhit::reference {
// The miRBase 22 human mature miRNAs (FASTA, DNA letters) as shipped in Debian's optimir package.
std::string_view builtin_mirna_fasta();
// One line for output headers, e.g. "built-in: miRBase 22 human mature miRNAs (2656), from Debian optimir 1.2-1"
std::string_view builtin_mirna_description();
}
