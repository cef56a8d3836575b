#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mirhit {

// Shortest miRNA with a full seed match region (nt 1-8).
inline constexpr std::size_t min_mirna_length = 8;

struct mirna {
    std::string name;       // e.g. hsa-miR-21-5p
    std::string accession;  // e.g. MIMAT0000076, may be empty
    std::string sequence;   // upper-case RNA letters
    std::uint32_t family;   // index into mirna_set::families()
};

// miRNAs sharing nucleotides 2-8 form one seed family.
struct seed_family {
    std::string seed;                    // nt 2-8, RNA
    std::vector<std::uint32_t> members;  // indices into mirna_set::mirnas(), input order
};

class mirna_set {
public:
    // sequence: upper-case RNA (A, C, G, U), at least min_mirna_length nt; name must be new.
    void add(std::string name, std::string accession, std::string sequence);

    const std::vector<mirna>& mirnas() const { return mirnas_; }
    const std::vector<seed_family>& families() const { return families_; }
    bool empty() const { return mirnas_.empty(); }
    std::size_t size() const { return mirnas_.size(); }
    const mirna* find(std::string_view name) const;

private:
    std::vector<mirna> mirnas_;
    std::vector<seed_family> families_;
    std::unordered_map<std::string, std::uint32_t> family_by_seed_;
    std::unordered_map<std::string, std::uint32_t> index_by_name_;
};

}  // namespace mirhit
