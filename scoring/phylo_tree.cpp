#include "scoring/phylo_tree.hpp"

namespace mirhit::scoring {

std::int32_t phylo_tree::add(std::int32_t parent) {
    nodes_.push_back({parent, 0, {}});
    return static_cast<std::int32_t>(nodes_.size() - 1);
}

void phylo_tree::set(std::int32_t node, std::string label, double branch_length) {
    // Nodes are numbered in preorder; a label given twice finds the first, as BioPerl's find_node.
    if (!label.empty()) {
        auto [it, inserted] = by_label_.emplace(label, node);
        if (!inserted && node < it->second) it->second = node;
    }
    nodes_[static_cast<std::size_t>(node)].label = std::move(label);
    nodes_[static_cast<std::size_t>(node)].branch_length = branch_length;
}

std::int32_t phylo_tree::find(std::string_view label) const {
    auto it = by_label_.find(std::string(label));
    return it == by_label_.end() ? none : it->second;
}

double phylo_tree::branch_length(std::int32_t start, const std::vector<std::int32_t>& species) const {
    // The path from start to the root, with the distance from start to each node on it.
    std::vector<std::int32_t> path;
    std::vector<double> path_distance;
    std::vector<std::int32_t> path_index(nodes_.size(), none);
    double distance = 0;
    for (std::int32_t place = start; place != none; place = nodes_[place].parent) {
        path_index[place] = static_cast<std::int32_t>(path.size());
        path.push_back(place);
        path_distance.push_back(distance);
        distance += nodes_[place].branch_length;
    }
    std::vector<char> included(nodes_.size(), 0);
    double total = 0;
    for (std::int32_t leaf : species) {
        distance = 0;
        for (std::int32_t place = leaf; place != none; place = nodes_[place].parent) {
            if (included[place]) {
                total += distance;
                break;
            }
            if (const std::int32_t on_path = path_index[place]; on_path != none) {
                // The lowest common ancestor with start: walk back down the path to the first
                // node already joined.
                total += path_distance[on_path] + distance;
                for (std::int32_t i = on_path; i >= 0; --i) {
                    if (included[path[i]]) {
                        total -= path_distance[i];
                        break;
                    }
                    included[path[i]] = 1;
                }
                included[place] = 1;
                break;
            }
            included[place] = 1;
            distance += nodes_[place].branch_length;
        }
    }
    return total;
}

}  // namespace mirhit::scoring
