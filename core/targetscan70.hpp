#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// Site calling exactly as TargetScan 7's targetscan_70.pl does it (see
// docs/targetscan-site-rules.md): one gene set in, the reference's output rows out.
namespace mirhit::targetscan70 {

// The reference's site type ids; their numeric order is also the order inside Group_type.
enum class site_type : std::uint8_t { seven_mer_1a = 1, seven_mer_m8 = 2, eight_mer_1a = 3, six_mer = 6 };

std::string_view site_type_name(site_type type);

// Malformed input; the file layer adds the file name and line number.
class format_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct family {
    std::string seed;                    // miRNA nt 2-8, upper case, U for T
    std::vector<std::uint32_t> species;  // annotated species, as family_table::species_id values, sorted
    std::uint16_t core_code = 0;         // 2-bit code of the 6mer site (reverse complement of nt 2-7)
    std::uint8_t m8_code = 0;            // code of the nucleotide pairing with miRNA nt 8
};

class family_table {
public:
    // One family line, already split into its fields. A repeated id replaces the seed and adds its
    // species, as the reference does. Throws format_error for an empty id, a bad seed or no species.
    void add(std::string_view id, std::string_view seed, std::string_view species_list);

    bool empty() const { return families_.empty(); }
    // Families in byte-wise order of their ids, the order the reference processes them in.
    const std::map<std::string, family, std::less<>>& families() const { return families_; }
    // The id given to a species named in any family, or nullptr when no family names it.
    const std::uint32_t* species_id(std::string_view species) const;

private:
    struct string_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::map<std::string, family, std::less<>> families_;
    std::unordered_map<std::string, std::uint32_t, string_hash, std::equal_to<>> species_ids_;
};

// The rows of one gene: adjacent UTR lines with the same gene id.
struct gene_set {
    struct utr {
        std::string species;
        std::string alignment;  // as read: gaps '-', lower case = ORF overlap
    };
    std::string gene;
    std::vector<utr> utrs;

    // A species already in the set has its alignment replaced, as in the reference.
    void set_utr(std::string_view species, std::string alignment);
};

// What the reference scans: t/T become U and the first 14 nucleotides (gaps and other
// characters skipped) become N.
void normalize_alignment(std::string& alignment);

// One output row. The views point into the family_table and gene_set that produced it.
struct site_row {
    std::string_view family;
    std::string_view species;
    std::uint32_t msa_start = 0, msa_end = 0;  // 1-based alignment columns of the first and last letter
    std::uint32_t utr_start = 0, utr_end = 0;  // 1-based positions without gaps
    std::uint32_t group = 0;                   // 1-based within the gene
    site_type type = site_type::six_mer;
    bool orf_overlap = false;
};

struct group_summary {
    std::string types;    // Group_type
    std::string species;  // Species_in_this_group
    // Species_in_this_group_with_this_site_type, indexed by site_type_index().
    std::array<std::string, 4> species_with_type;
};

constexpr int site_type_index(site_type type) {
    return type == site_type::six_mer ? 3 : static_cast<int>(type) - 1;
}

struct gene_result {
    std::vector<site_row> rows;         // output order
    std::vector<group_summary> groups;  // groups[n - 1] describes local group n
};

// Calls, filters and groups the sites of every family in one gene set. Group numbers start at 1
// for each gene, so genes can be processed independently; the caller offsets them.
gene_result process_gene(const family_table& families, const gene_set& gene);

// The output's first line, newline included.
extern const std::string_view output_header;

// Appends the rows of one gene in the reference's format, adding group_offset to group numbers.
void append_rows(std::string& out, std::string_view gene, const gene_result& result, std::uint64_t group_offset);

}  // namespace mirhit::targetscan70
