#pragma once

#include <string>
#include <vector>

#include "reference/curated_claims.hpp"

namespace mirhit::io {

// The claims of a run: the built-in table unless no_builtin, then each extra file (plain or
// gzip); description says where they came from. Throws input_error for a bad table.
std::vector<reference::claim> load_claims(const std::vector<std::string>& extra_files, bool no_builtin,
                                          std::string& description);

}  // namespace mirhit::io
