#pragma once
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>
namespace mirhit::reference {

// How a gene name as biologists write it maps to official human gene symbols.
struct gene_resolution {
    std::vector<std::string> symbols;  // empty: unknown; several: ambiguous (sorted)
    std::string how;                   // "symbol", "alias of TJP1", "ambiguous: ...", "unknown", ...
};

// Resolves a human gene name against NCBI Entrez Gene's symbols and aliases (built in from
// Debian's r-bioc-org.hs.eg.db, reference/data/hgnc_gene_aliases.tsv) and a small curated table
// of protein names the database lacks (reference/data/curated_gene_spellings.tsv). In order:
//   1. official symbol, case-insensitively                      (how: "symbol")
//   2. official symbol after normalising the spelling           (DLC-1 -> DLC1)
//   3. alias, case-insensitively                                (how: "alias of X" or "ambiguous: ...")
//   4. alias after normalising the spelling                     (HAI-1 -> alias HAI1 -> SPINT1)
//   5. curated spelling, normalised                             (VE-cadherin -> CDH5)
// Normalising drops case, spaces and punctuation (a separator between two digits stays, so
// MIR9-3 and MIR93 remain apart) and reads Greek letters, spelled out or not, as their Latin
// initial (HIF-1α, HIF-1 alpha -> HIF1A; ß is read as β). A symbol match says in `how` when the
// name is also an alias of other genes.
gene_resolution resolve_gene(std::string_view name);

// Which names may resolve (resolve_gene) to one of a few official symbols: built from those
// symbols' rows alone, without the sorted tables resolve_gene builds (~70 ms of a run's start),
// so that the many names that cannot concern them are told apart without those tables.
class symbol_name_filter {
public:
    explicit symbol_name_filter(const std::vector<std::string>& upper_symbols);
    // false: resolve_gene(name) names none of the symbols.
    bool may_name(std::string_view name) const;

private:
    std::unordered_set<std::string> keys_;  // upper-case and normalised names of the symbols' rows
};

// One line for output headers: sources, versions and row counts of the tables above.
std::string_view gene_alias_provenance();

}  // namespace mirhit::reference
