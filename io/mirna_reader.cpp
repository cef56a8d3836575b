#include "io/mirna_reader.hpp"

#include <unordered_map>
#include <vector>

#include "core/encoding.hpp"
#include "core/error.hpp"
#include "io/fasta_reader.hpp"
#include "reference/builtin_mirnas.hpp"

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

mirna_set read_mirnas(std::unique_ptr<byte_source> source, const std::string& species) {
    const std::string file = source->name();
    fasta_reader reader(std::move(source), 0);
    std::unordered_map<std::string, std::uint64_t> line_of_name;
    mirna_set set;
    std::vector<sequence_piece> pieces;
    std::string sequence;
    const std::string prefix = species.empty() ? "" : species + "-";
    while (reader.read_batch(pieces, 1u << 20)) {
        for (auto& piece : pieces) {
            sequence += piece.seq;
            if (!piece.last) continue;
            const auto& record = *piece.record;
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
            sequence.clear();
        }
        pieces.clear();
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
    for (const auto& name : names) {
        const auto* m = all.find(name);
        if (!m) throw input_error("--mirnas: no miRNA named '" + name + "' in " + description);
        if (chosen.find(name)) continue;
        chosen.add(m->name, m->accession, m->sequence);
    }
    return chosen;
}

}  // namespace mirhit::io
