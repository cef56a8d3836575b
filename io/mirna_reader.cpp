#include "io/mirna_reader.hpp"

#include <unordered_map>
#include <vector>

#include "core/encoding.hpp"
#include "core/error.hpp"
#include "io/fasta_reader.hpp"
#include "io/seqan_records.hpp"
#include "reference/builtin_mirnas.hpp"
#include "reference/mirna_names.hpp"

namespace mirhit::io {

namespace {

std::string accession_of(const std::string& header) {
    auto begin = header.find_first_of(" \t");
    if (begin == std::string::npos) return {};
    begin = header.find_first_not_of(" \t", begin);
    if (begin == std::string::npos) return {};
    auto word = header.substr(begin, header.find_first_of(" \t", begin) - begin);
    return word.starts_with("MIMAT") ? word : std::string{};
}

}  // namespace

namespace {
// The records' headers (id, text, line) from mirhit's own reader, which checks the whole text and
// names FILE:LINE for anything wrong in it; SeqAn3 does not count lines.
std::vector<record_header> checked_headers(const std::string& file, const std::string& text) {
    fasta_reader reader(byte_source::from_memory(file, text), 0);
    std::vector<record_header> headers;
    std::vector<sequence_piece> pieces;
    while (reader.read_batch(pieces, 1u << 20)) {
        for (const auto& piece : pieces)
            if (piece.last) headers.push_back(*piece.record);
        pieces.clear();
    }
    return headers;
}

std::string read_text(byte_source& source) {
    std::string text;
    std::vector<char> buffer(1 << 16);
    while (const auto n = source.read(buffer.data(), buffer.size(), 0)) text.append(buffer.data(), n);
    return text;
}
}  // namespace

mirna_set read_mirnas(std::unique_ptr<byte_source> source, const std::string& species) {
    const std::string file = source->name();
    const std::string text = read_text(*source);
    const auto headers = checked_headers(file, text);
    auto records = read_fasta_records(text, file);
    if (records.size() != headers.size())
        throw input_error(file + ": SeqAn3 reads " + std::to_string(records.size()) + " records, mirhit " +
                          std::to_string(headers.size()));
    std::unordered_map<std::string, std::uint64_t> line_of_name;
    mirna_set set;
    const std::string prefix = species.empty() ? "" : species + "-";
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto& record = headers[i];
        std::string& sequence = records[i].sequence;
        auto [seen, is_new] = line_of_name.try_emplace(record.id, record.line);
        if (!is_new)
            throw input_error_at(file, record.line, "duplicate miRNA name '" + record.id + "' (first at line " +
                                                        std::to_string(seen->second) + ")");
        for (char& c : sequence) {
            auto code = code_of(c);
            if (code == nt_other)
                throw input_error_at(file, record.line, "miRNA '" + record.id + "' contains '" + std::string(1, c) +
                                                            "'; only A, C, G and U/T are allowed");
            c = rna_letter[code];
        }
        if (sequence.size() < min_mirna_length)
            throw input_error_at(file, record.line, "miRNA '" + record.id + "' is " + std::to_string(sequence.size()) +
                                                        " nt long; at least " + std::to_string(min_mirna_length) +
                                                        " are needed for a seed match");
        if (record.id.starts_with(prefix)) set.add(record.id, accession_of(record.text), std::move(sequence));
    }
    if (set.empty() && !prefix.empty())
        throw input_error(file + ": no miRNA name starts with '" + prefix + "' (--species " + species + ")");
    return set;
}

mirna_set load_mirnas(const std::string& file, const std::string& species, std::string& description) {
    if (file.empty()) {
        description = std::string(reference::builtin_mirna_description());
        return read_mirnas(byte_source::from_memory("built-in miRNA set", reference::builtin_mirna_fasta()), species);
    }
    description = file;
    return read_mirnas(byte_source::open(file), species);
}

mirna_set select_mirnas(const mirna_set& all, const std::vector<std::string>& names, const std::string& description) {
    mirna_set chosen;
    std::vector<std::string> known;
    for (const auto& m : all.mirnas()) known.push_back(m.name);
    for (const auto& name : names) {
        // Names as biologists write them (miR-21, let-7a) resolve as validate resolves them; an
        // ambiguous one or one without arm selects every candidate.
        std::vector<std::string> found;
        if (all.find(name)) found.push_back(name);
        else
            for (const auto& r : reference::resolve_mirna(name, known)) found.insert(found.end(), r.names.begin(), r.names.end());
        if (found.empty())
            throw input_error("--mirnas: no miRNA named '" + name + "' in " + description + reference::mirna_suggestion(name, known));
        for (const auto& n : found) {
            const auto* m = all.find(n);
            if (!chosen.find(n)) chosen.add(m->name, m->accession, m->sequence);
        }
    }
    return chosen;
}

}  // namespace mirhit::io
