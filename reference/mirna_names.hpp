#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mirhit::reference {

// One miRNA as a biologist wrote it, resolved to the mature names of a miRNA set.
struct mirna_resolution {
    std::string written;             // this component of the written name, e.g. "miR-222-3p"
    std::vector<std::string> names;  // mature names that match; several when the name is ambiguous
    std::string how;                 // "exact", "no arm given: ...", "ambiguous: ...", "not found ..."
};

// Resolves names such as miR-21, hsa-mir-21, miR-21-5p, let-7a, miR-103, miR-199a*, or combined
// miR-221/222-3p (one resolution per component: miR-221-3p, miR-222-3p) against `known` mature
// names (e.g. hsa-miR-21-5p). A missing species prefix means human (hsa-); a name without arm
// lists both arms, the -5p first; a name that stands for several paralogs or loci lists them all
// instead of guessing. Matching ignores the case of "miR"/"mir"/"MIR" and "let".
std::vector<mirna_resolution> resolve_mirna(std::string_view written, std::span<const std::string> known);

// Splits a combined name: "miR-221/222-3p" → {"miR-221-3p", "miR-222-3p"}, "miR-200b/c/429" →
// {"miR-200b", "miR-200c", "miR-429"}, "let-7a/b" → {"let-7a", "let-7b"}.
std::vector<std::string> split_combined_mirna(std::string_view written);

// For an unknown name: "; did you mean 'hsa-miR-21-5p'?" when a known name is one edit from it
// (compared with and without the species prefix), else "".
std::string mirna_suggestion(std::string_view written, std::span<const std::string> known);

}  // namespace mirhit::reference
