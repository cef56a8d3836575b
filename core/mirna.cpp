#include "core/mirna.hpp"

#include <cassert>

namespace mirhit {

void mirna_set::add(std::string name, std::string accession, std::string sequence) {
    assert(sequence.size() >= min_mirna_length);
    auto index = static_cast<std::uint32_t>(mirnas_.size());
    auto seed = sequence.substr(1, 7);
    auto [it, inserted] = family_by_seed_.try_emplace(seed, static_cast<std::uint32_t>(families_.size()));
    if (inserted) families_.push_back({std::move(seed), {}});
    families_[it->second].members.push_back(index);
    index_by_name_.emplace(name, index);
    mirnas_.push_back({std::move(name), std::move(accession), std::move(sequence), it->second});
}

const mirna* mirna_set::find(std::string_view name) const {
    auto it = index_by_name_.find(std::string(name));
    return it == index_by_name_.end() ? nullptr : &mirnas_[it->second];
}

}  // namespace mirhit
