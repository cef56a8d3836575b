#include "reference/gene_aliases.hpp"

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <tuple>
#include <utility>

#include "core/text.hpp"

// Defined in the build-time generated sources (see reference/cmake/embed_file.cmake).
namespace mirhit::reference::detail {
extern const unsigned char hgnc_gene_aliases_bytes[];
extern const std::size_t hgnc_gene_aliases_size;
extern const unsigned char curated_gene_spellings_bytes[];
extern const std::size_t curated_gene_spellings_size;
}  // namespace mirhit::reference::detail

namespace mirhit::reference {
namespace {

// Where hgnc_gene_aliases.tsv comes from (reference/extract_gene_aliases.sh). Update with the data.
constexpr std::string_view alias_source = "NCBI Entrez Gene 2022-Sep12 (Debian r-bioc-org.hs.eg.db 3.16.0-1)";

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
char to_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// Latin initial of the Greek letter encoded (UTF-8) by bytes a b, or 0: HGNC symbols spell
// alpha as A, beta as B and so on (HIF1A, CTNNB1). German ß is often typed for β.
char greek_initial(unsigned char a, unsigned char b) {
    if (a == 0xC3 && b == 0x9F) return 'B';
    if (a != 0xCE) return 0;
    switch (b) {
        case 0xB1: case 0x91: return 'A';
        case 0xB2: case 0x92: return 'B';
        case 0xB3: case 0x93: return 'G';
        case 0xB4: case 0x94: return 'D';
        case 0xB5: case 0x95: return 'E';
        case 0xB6: case 0x96: return 'Z';
        case 0xBA: case 0x9A: return 'K';
        default: return 0;
    }
}

// The spelling-insensitive key: see resolve_gene's comment in the header.
std::string normalise(std::string_view name) {
    std::string s;  // upper-case letters and digits, ' ' for anything else
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (i + 1 < name.size()) {
            if (const char g = greek_initial(static_cast<unsigned char>(name[i]),
                                             static_cast<unsigned char>(name[i + 1]))) {
                s += g;
                ++i;
                continue;
            }
        }
        s += is_alnum(name[i]) ? to_upper(name[i]) : ' ';
    }
    static constexpr std::pair<std::string_view, char> greek_words[] = {
        {"ALPHA", 'A'}, {"BETA", 'B'}, {"GAMMA", 'G'}, {"DELTA", 'D'},
        {"EPSILON", 'E'}, {"ZETA", 'Z'}, {"KAPPA", 'K'}};
    for (const auto& [word, initial] : greek_words) {
        for (auto at = s.find(word); at != std::string::npos; at = s.find(word, at + 1)) {
            s.replace(at, word.size(), 1, initial);
        }
    }
    std::string key;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != ' ') {
            key += s[i];
        } else if (!key.empty() && is_digit(key.back()) && i + 1 < s.size() && is_digit(s[i + 1])) {
            key += '-';  // the last separator of a run between two digits
        }
    }
    return key;
}

struct entry {
    std::string key;
    std::string_view symbol;  // into the embedded table
    std::string_view source;  // curated spellings only
    bool operator<(const entry& o) const { return std::tie(key, symbol) < std::tie(o.key, o.symbol); }
    bool operator==(const entry& o) const { return key == o.key && symbol == o.symbol; }
};

// Sorted by key, then symbol; one entry per (key, symbol).
class name_index {
public:
    void add(std::string key, std::string_view symbol, std::string_view source = {}) {
        if (!key.empty()) entries_.push_back({std::move(key), symbol, source});
    }
    void seal() {
        std::sort(entries_.begin(), entries_.end());
        entries_.erase(std::unique(entries_.begin(), entries_.end()), entries_.end());
    }
    std::pair<const entry*, const entry*> find(const std::string& key) const {
        const auto range = std::equal_range(entries_.begin(), entries_.end(), entry{key, {}, {}},
                                            [](const entry& a, const entry& b) { return a.key < b.key; });
        const entry* base = entries_.data();
        return {base + (range.first - entries_.begin()), base + (range.second - entries_.begin())};
    }
    std::size_t size() const { return entries_.size(); }

private:
    std::vector<entry> entries_;
};

// Calls row(fields) for every line of a built-in TSV after its header, which must be `header`.
template <class Row>
void for_each_row(std::string_view text, std::string_view name, std::string_view header, Row row) {
    std::size_t line_no = 0;
    while (!text.empty()) {
        const auto end = std::min(text.find('\n'), text.size());
        const std::string_view line = text.substr(0, end);
        text.remove_prefix(std::min(end + 1, text.size()));
        if (++line_no == 1) {
            if (line != header) throw std::logic_error(std::string(name) + ": unexpected header");
            continue;
        }
        std::vector<std::string_view> fields;
        for (std::string_view rest = line;;) {
            const auto tab = rest.find('\t');
            fields.push_back(rest.substr(0, tab));
            if (tab == std::string_view::npos) break;
            rest.remove_prefix(tab + 1);
        }
        if (fields.size() != 3 || fields[0].empty() || fields[1].empty()) {
            throw std::logic_error(std::string(name) + ":" + std::to_string(line_no) + ": malformed row");
        }
        row(fields);
    }
}

struct gene_tables {
    name_index symbols;             // upper-case official symbol
    name_index normalised_symbols;  // normalise(official symbol)
    name_index aliases;             // upper-case alias
    name_index normalised_aliases;  // normalise(alias)
    name_index curated;             // normalise(spelling), with its source note
    std::string provenance;
};

const std::string_view alias_table(reinterpret_cast<const char*>(detail::hgnc_gene_aliases_bytes), detail::hgnc_gene_aliases_size);
const std::string_view curated_table(reinterpret_cast<const char*>(detail::curated_gene_spellings_bytes),
                                     detail::curated_gene_spellings_size);

gene_tables load() {
    gene_tables t;
    const std::string_view table = alias_table;
    std::size_t symbol_rows = 0;
    std::size_t alias_rows = 0;
    for_each_row(table, "hgnc_gene_aliases.tsv", "alias\tsymbol\tentrez", [&](const auto& f) {
        if (f[0] == f[1]) {
            t.symbols.add(upper(f[0]), f[1]);
            t.normalised_symbols.add(normalise(f[0]), f[1]);
            ++symbol_rows;
        } else {
            t.aliases.add(upper(f[0]), f[1]);
            t.normalised_aliases.add(normalise(f[0]), f[1]);
            ++alias_rows;
        }
    });
    for_each_row(curated_table, "curated_gene_spellings.tsv", "spelling\tsymbol\tsource",
                 [&](const auto& f) { t.curated.add(normalise(f[0]), f[1], f[2]); });
    for (auto* index : {&t.symbols, &t.normalised_symbols, &t.aliases, &t.normalised_aliases, &t.curated}) {
        index->seal();
    }
    t.provenance = "gene names: " + std::string(alias_source) + ", " + std::to_string(symbol_rows) +
                   " symbols and " + std::to_string(alias_rows) +
                   " aliases of protein-coding and ncRNA genes; " + std::to_string(t.curated.size()) +
                   " curated protein names";
    return t;
}

const gene_tables& tables() {
    static const gene_tables t = load();  // thread-safe initialisation
    return t;
}

}  // namespace

gene_resolution resolve_gene(std::string_view name) {
    const gene_tables& t = tables();
    const std::string exact = upper(trim(name));
    const std::string key = normalise(name);
    struct tier {
        const name_index& index;
        const std::string& key;
        std::string_view kind;
        std::string_view spelling;
    };
    const tier tiers[] = {{t.symbols, exact, "symbol", ""},
                          {t.normalised_symbols, key, "symbol", " (spelling normalised)"},
                          {t.aliases, exact, "alias", ""},
                          {t.normalised_aliases, key, "alias", " (spelling normalised)"}};
    for (const tier& tr : tiers) {
        const auto [first, last] = tr.index.find(tr.key);
        if (first == last) continue;
        gene_resolution r;
        for (const entry* e = first; e != last; ++e) r.symbols.emplace_back(e->symbol);
        if (r.symbols.size() > 1) {
            r.how = "ambiguous: " + std::string(tr.kind) + " of " + join(r.symbols, ", ");
        } else {
            r.how = tr.kind == "symbol" ? "symbol" : "alias of " + r.symbols.front();
        }
        r.how += tr.spelling;
        if (tr.kind == "symbol") {
            // The name may also be another gene's alias (CDH1 is also FZR1's): say so.
            std::vector<std::string> also;
            for (const auto& [index, k] : {std::pair{&t.aliases, &exact}, std::pair{&t.normalised_aliases, &key}}) {
                const auto [a, b] = index->find(*k);
                for (const entry* e = a; e != b; ++e) {
                    if (std::find(r.symbols.begin(), r.symbols.end(), e->symbol) == r.symbols.end()) {
                        also.emplace_back(e->symbol);
                    }
                }
            }
            std::sort(also.begin(), also.end());
            also.erase(std::unique(also.begin(), also.end()), also.end());
            if (!also.empty()) r.how += "; also an alias of " + join(also, ", ");
        }
        return r;
    }
    if (const auto [first, last] = t.curated.find(key); first != last) {
        return {{std::string(first->symbol)},
                "curated spelling of " + std::string(first->symbol) + " (" + std::string(first->source) + ")"};
    }
    return {{}, "unknown"};
}

std::string_view gene_alias_provenance() { return tables().provenance; }

symbol_name_filter::symbol_name_filter(const std::vector<std::string>& upper_symbols) {
    const std::unordered_set<std::string> wanted(upper_symbols.begin(), upper_symbols.end());
    for (const auto& symbol : wanted) {
        keys_.insert(symbol);
        keys_.insert(normalise(symbol));
    }
    for_each_row(alias_table, "hgnc_gene_aliases.tsv", "alias\tsymbol\tentrez", [&](const auto& f) {
        if (!wanted.contains(upper(f[1]))) return;
        keys_.insert(upper(f[0]));
        keys_.insert(normalise(f[0]));
    });
    for_each_row(curated_table, "curated_gene_spellings.tsv", "spelling\tsymbol\tsource", [&](const auto& f) {
        if (wanted.contains(upper(f[1]))) keys_.insert(normalise(f[0]));
    });
}

bool symbol_name_filter::may_name(std::string_view name) const {
    return keys_.contains(upper(trim(name))) || keys_.contains(normalise(name));
}

}  // namespace mirhit::reference
