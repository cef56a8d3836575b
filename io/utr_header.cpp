#include "io/utr_header.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace mirhit::io {

namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t begin = 0;
    while (true) {
        auto end = text.find(separator, begin);
        parts.push_back(text.substr(begin, end - begin));
        if (end == std::string_view::npos) break;
        begin = end + 1;
    }
    return parts;
}

std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        std::size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
        if (i > start) out.push_back(text.substr(start, i - start));
    }
    return out;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// ENSG00000171862, ENST00000371953.8, ENSMUST...: "ENS", capitals, then at least 6 digits.
bool is_ensembl_id(std::string_view s) {
    if (!s.starts_with("ENS")) return false;
    std::size_t i = 3;
    while (i < s.size() && std::isupper(static_cast<unsigned char>(s[i]))) ++i;
    std::size_t digits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
    return digits >= 6;
}

bool is_refseq_id(std::string_view s) {
    static constexpr std::array<std::string_view, 6> prefixes = {"NM_", "NR_", "XM_", "XR_", "NP_", "XP_"};
    return std::any_of(prefixes.begin(), prefixes.end(), [&](auto p) { return s.starts_with(p); }) &&
           s.size() > 3 && std::isdigit(static_cast<unsigned char>(s[3]));
}

// ENST..., ENSMUST...: an Ensembl id whose type letter, just before the digits, is T.
bool is_transcript_id(std::string_view s) {
    if (is_ensembl_id(s)) return s[s.find_first_of("0123456789") - 1] == 'T';
    return is_refseq_id(s) && s[1] != 'P';
}

bool looks_like_symbol(std::string_view s) {
    return !s.empty() && s != "-" && !all_digits(s) && !is_ensembl_id(s) && !is_refseq_id(s) &&
           s.find_first_of("=: ") == std::string_view::npos;
}

std::string_view unquote(std::string_view s) {
    if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) return s.substr(1, s.size() - 2);
    return s;
}

std::string_view tagged_gene(std::string_view header) {
    static constexpr std::array<std::string_view, 4> keys = {"gene", "gene_symbol", "gene_name", "symbol"};
    for (auto word : words(header)) {
        auto cut = word.find_first_of("=:");
        if (cut == std::string_view::npos) continue;
        auto key = word.substr(0, cut);
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) continue;
        auto value = unquote(word.substr(cut + 1));
        if (!value.empty()) return value;
    }
    return {};
}

}  // namespace

void parse_utr_header(record_header& record) {
    std::string_view first = record.id;
    std::string_view gene = tagged_gene(record.text);
    if (first.find('|') != std::string_view::npos) {
        auto fields = split(first, '|');
        while (!fields.empty() && fields.back().empty()) fields.pop_back();
        std::size_t id_field = 0;
        if (fields.size() >= 6 && fields[0].starts_with("ENST") && fields[1].starts_with("ENSG")) {
            if (gene.empty() && looks_like_symbol(fields[5])) gene = fields[5];
        } else {
            for (std::size_t i = 0; i < fields.size(); ++i)
                if (is_transcript_id(fields[i])) {
                    id_field = i;
                    break;
                }
            for (std::size_t i = 0; i < fields.size() && gene.empty(); ++i)
                if (i != id_field && looks_like_symbol(fields[i])) gene = fields[i];
        }
        // gene may view into the id: copy it before the id changes
        record.gene = std::string(gene);
        if (!fields.empty() && !fields[id_field].empty()) record.id = std::string(fields[id_field]);
    } else {
        record.gene = std::string(gene);
    }
    if (record.gene.empty()) record.gene = record.id;
}

void parse_genome_header(record_header& record) {
    std::string error;
    genome_blocks where;
    if (!parse_genome_blocks(record.text, where, error))
        throw input_error_at(record.file, record.line, "record '" + record.id + "': " + error);
    record.genome = std::move(where);
}

}  // namespace mirhit::io
