#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace mirhit::reference {

// One published miRNA → target claim of the metastasis literature (reference/data/
// curated_metastasis_targets.tsv; its .md says how the rows were read from the source documents).
struct claim {
    std::string id, mirna_as_written, mirna, target_as_written, gene, effect, cancer_type, cell_source,
        organ_or_process, document, reference, citation, quote, note;
};

// The table's columns, in order; the header row must be exactly these.
inline constexpr std::array<std::string_view, 14> claim_columns = {
    "id", "mirna_as_written", "mirna", "target_as_written", "gene", "effect", "cancer_type", "cell_source",
    "organ_or_process", "document", "reference", "citation", "quote", "note"};

// Parses a claims table (TSV with the header above; '#' lines skipped). Every row needs id, mirna,
// gene, effect (pro-metastatic, anti-metastatic or unclear), citation and quote. Throws
// input_error "NAME:LINE: problem".
std::vector<claim> parse_claims(std::string_view text, const std::string& name);

// Appends a parsed table to `claims`, refusing a claim id already used by an earlier table:
// input_error "claim id 'X' of TABLE is also in EARLIER". table_of_earlier names the table of
// each claim already in `claims` (grown here).
void add_claim_table(std::vector<claim>& claims, std::vector<std::string>& table_of_earlier, std::vector<claim> more,
                     const std::string& table);

// The built-in table, parsed once.
const std::vector<claim>& builtin_claims();
std::string_view builtin_claims_description();

// The table as TSV, header first.
std::string format_claims(const std::vector<const claim*>& claims);

}  // namespace mirhit::reference
