// Gene name resolution against the built-in NCBI symbol/alias table and the curated spellings.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "reference/gene_aliases.hpp"

namespace mirhit::reference {
namespace {

using symbols = std::vector<std::string>;

TEST(gene_aliases, official_symbol_resolves_to_itself) {
    const auto pten = resolve_gene("PTEN");
    EXPECT_EQ(pten.symbols, symbols{"PTEN"});
    EXPECT_EQ(pten.how, "symbol");
    EXPECT_EQ(resolve_gene("pten").symbols, symbols{"PTEN"});
    EXPECT_EQ(resolve_gene("  Pten ").how, "symbol");
    EXPECT_EQ(resolve_gene("MIR9-3").symbols, symbols{"MIR9-3"});
}

TEST(gene_aliases, symbol_wins_over_alias_and_says_so) {
    // CDH1 is also an alias of FZR1 (Cdh1, the APC/C activator).
    const auto cdh1 = resolve_gene("CDH1");
    EXPECT_EQ(cdh1.symbols, symbols{"CDH1"});
    EXPECT_EQ(cdh1.how, "symbol; also an alias of FZR1");
    // DLC-1 is written for DLC1 (deleted in liver cancer 1); NCBI also lists it for DLEC1.
    const auto dlc1 = resolve_gene("DLC-1");
    EXPECT_EQ(dlc1.symbols, symbols{"DLC1"});
    EXPECT_EQ(dlc1.how, "symbol (spelling normalised); also an alias of DLEC1, DYNLL1");
}

TEST(gene_aliases, aliases_and_their_spellings) {
    for (const char* name : {"ZO-1", "zo-1", "ZO1", "zo1", "ZO 1", "Zo_1"}) {
        EXPECT_EQ(resolve_gene(name).symbols, symbols{"TJP1"}) << name;
    }
    EXPECT_EQ(resolve_gene("ZO-1").how, "alias of TJP1");
    EXPECT_EQ(resolve_gene("ZO1").how, "alias of TJP1 (spelling normalised)");
    EXPECT_EQ(resolve_gene("PHD3").symbols, symbols{"EGLN3"});
    EXPECT_EQ(resolve_gene("PHD3").how, "alias of EGLN3");
    EXPECT_EQ(resolve_gene("HAI-1").symbols, symbols{"SPINT1"});
    EXPECT_EQ(resolve_gene("hai1").symbols, symbols{"SPINT1"});
    EXPECT_EQ(resolve_gene("p120ctn").symbols, symbols{"CTNND1"});
    EXPECT_EQ(resolve_gene("MMAC1").how, "alias of PTEN");
}

TEST(gene_aliases, greek_letters_spelled_any_way) {
    for (const char* name : {"HIF-1α", "HIF-1 alpha", "HIF1alpha", "hif-1a"}) {
        EXPECT_EQ(resolve_gene(name).symbols, symbols{"HIF1A"}) << name;
    }
    EXPECT_EQ(resolve_gene("TGF-β1").symbols, symbols{"TGFB1"});
    EXPECT_EQ(resolve_gene("14-3-3ζ").symbols, symbols{"YWHAZ"});
    EXPECT_EQ(resolve_gene("14-3-3 zeta").symbols, symbols{"YWHAZ"});
    for (const char* name : {"β-catenin", "beta-catenin", "ß-catenin", "Beta catenin"}) {
        EXPECT_EQ(resolve_gene(name).symbols, symbols{"CTNNB1"}) << name;
    }
}

TEST(gene_aliases, separator_between_digits_is_kept) {
    // MIR9-3 and MIR93 are different genes; only the hyphen tells them apart.
    EXPECT_EQ(resolve_gene("mir-9-3").symbols, symbols{"MIR9-3"});
    EXPECT_EQ(resolve_gene("mir-93").symbols, symbols{"MIR93"});
}

TEST(gene_aliases, ambiguous_alias_lists_every_symbol) {
    // p120 names p120 catenin, but also p120GAP (RASA1), NOP2 and others.
    const auto p120 = resolve_gene("p120");
    EXPECT_EQ(p120.symbols, (symbols{"BRD8", "CTNND1", "IGSF1", "NOP2", "NSUN5", "RASA1", "TRPA1"}));
    EXPECT_EQ(p120.how, "ambiguous: alias of BRD8, CTNND1, IGSF1, NOP2, NSUN5, RASA1, TRPA1");
    EXPECT_EQ(resolve_gene("P120").symbols, p120.symbols);
}

TEST(gene_aliases, curated_protein_names) {
    const auto ve = resolve_gene("VE-cadherin");
    EXPECT_EQ(ve.symbols, symbols{"CDH5"});
    EXPECT_EQ(ve.how.rfind("curated spelling of CDH5 (UniProt P33151", 0), 0u) << ve.how;
    EXPECT_EQ(resolve_gene("ve cadherin").symbols, symbols{"CDH5"});
    EXPECT_EQ(resolve_gene("E-cadherin").symbols, symbols{"CDH1"});
    EXPECT_EQ(resolve_gene("p120-catenin").symbols, symbols{"CTNND1"});
    EXPECT_EQ(resolve_gene("p120 catenin").symbols, symbols{"CTNND1"});
}

// Every curated spelling must be one the NCBI table lacks, and name an official symbol.
TEST(gene_aliases, curated_table_only_adds_what_the_database_lacks) {
    std::ifstream in(std::string(MIRHIT_SOURCE_DIR) + "/reference/data/curated_gene_spellings.tsv");
    ASSERT_TRUE(in);
    std::string line;
    std::getline(in, line);
    int rows = 0;
    while (std::getline(in, line)) {
        const auto tab = line.find('\t');
        const std::string spelling = line.substr(0, tab);
        const std::string symbol = line.substr(tab + 1, line.find('\t', tab + 1) - tab - 1);
        const auto r = resolve_gene(spelling);
        EXPECT_EQ(r.symbols, symbols{symbol}) << spelling;
        EXPECT_EQ(r.how.rfind("curated spelling of " + symbol, 0), 0u) << spelling << ": " << r.how;
        EXPECT_EQ(resolve_gene(symbol).how.rfind("symbol", 0), 0u) << symbol;
        ++rows;
    }
    EXPECT_GT(rows, 0);
}

TEST(gene_aliases, unknown_names_give_no_symbol) {
    for (const char* name : {"NOTAGENE123", "", "   ", "---", "VE-cadherinx"}) {
        const auto r = resolve_gene(name);
        EXPECT_TRUE(r.symbols.empty()) << name;
        EXPECT_EQ(r.how, "unknown") << name;
    }
}

TEST(gene_aliases, provenance_names_source_version_and_counts) {
    const std::string_view p = gene_alias_provenance();
    EXPECT_NE(p.find("NCBI Entrez Gene 2022-Sep12"), std::string_view::npos) << p;
    EXPECT_NE(p.find("r-bioc-org.hs.eg.db 3.16.0-1"), std::string_view::npos) << p;
    EXPECT_NE(p.find("42815 symbols and 60963 aliases"), std::string_view::npos) << p;
}

// The filter lets through every name that resolves to one of its symbols, in any of the five ways.
TEST(gene_aliases, symbol_filter_passes_every_name_of_its_symbols) {
    const symbol_name_filter filter({"PTEN", "CDH5", "HIF1A"});
    for (const char* name : {"PTEN", " pten ", "MMAC1", "mmac-1", "VE-cadherin", "ve cadherin", "HIF-1α", "HIF-1 alpha", "CDH5"}) {
        EXPECT_TRUE(filter.may_name(name)) << name;
        EXPECT_EQ(resolve_gene(name).symbols.size(), 1u) << name;
    }
    for (const char* name : {"TP53", "p53", "E-cadherin", "NOTAGENE42", "G17"}) {
        EXPECT_FALSE(filter.may_name(name)) << name;
        for (const auto& s : resolve_gene(name).symbols) EXPECT_TRUE(s != "PTEN" && s != "CDH5" && s != "HIF1A") << name;
    }
}

}  // namespace
}  // namespace mirhit::reference
