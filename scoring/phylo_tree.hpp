#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mirhit::scoring {

// A rooted phylogenetic tree (read by io/newick_reader.hpp): nodes with a parent, the length of
// the branch to it and an optional label (species id).
class phylo_tree {
public:
    static constexpr std::int32_t none = -1;

    struct node {
        std::int32_t parent = none;
        double branch_length = 0;  // 0 when the tree gives none
        std::string label;         // empty when unlabelled
    };

    // Adds an unlabelled node below parent (none for the root) and returns its index.
    std::int32_t add(std::int32_t parent);
    // Sets a node's label and branch length.
    void set(std::int32_t node, std::string label, double branch_length);
    // The node labelled so (the first in preorder), or none.
    std::int32_t find(std::string_view label) const;
    const std::vector<node>& nodes() const { return nodes_; }

    // The branch length (BL) of a set of species as TargetScan 7's scripts compute it (Robin
    // Friedman's code in targetscan_70_BL_bins.pl and targetscan_70_BL_PCT.pl): the summed length of
    // the branches joining the nodes in `species` (none = not in the tree, ignored) to the path from
    // `start` to the root, climbing from each in turn. The additions are done in the originals'
    // order so that the sum is the same to the last bit.
    double branch_length(std::int32_t start, const std::vector<std::int32_t>& species) const;

private:
    std::vector<node> nodes_;
    std::unordered_map<std::string, std::int32_t> by_label_;
};

}  // namespace mirhit::scoring
