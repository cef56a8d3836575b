#pragma once

#include <string>
#include <string_view>

#include "scoring/phylo_tree.hpp"

namespace mirhit::io {

// Parses one Newick tree: nested "(child,child,...)label:length" ending in ';', whitespace and
// newlines between tokens, 'quoted labels' ('' for a quote) and [comments] allowed; a missing
// length is 0. Leaf labels must be unique (an internal label may repeat: bootstrap values).
// Throws input_error "NAME:LINE: malformed Newick tree: problem" for unbalanced parentheses, a
// missing ';', a branch length that is not a finite number, a repeated leaf label, text after ';'.
scoring::phylo_tree parse_newick(std::string_view text, const std::string& name);

// Reads the tree in a file (plain or gzip).
scoring::phylo_tree read_newick(const std::string& path);

}  // namespace mirhit::io
