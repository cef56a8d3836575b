#pragma once

#include <string>

namespace mirhit::app {

// What `mirhit --version` prints: the version, the data built into the binary (miRNAs, gene
// aliases, curated claims, TA table, energy parameters) and the libraries it was built with.
std::string version_text();

}  // namespace mirhit::app
