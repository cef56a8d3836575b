#include "io/seqan_records.hpp"

#include <sstream>

#include <seqan3/io/sequence_file/input.hpp>

#include "core/error.hpp"

namespace mirhit::io {

namespace {
// Letters as written: mirhit checks and encodes them itself (RNA and DNA, IUPAC, either case).
struct text_traits : seqan3::sequence_file_input_default_traits_dna {
    using sequence_alphabet = char;
    using sequence_legal_alphabet = char;
    template <typename alphabet>
    using sequence_container = std::basic_string<alphabet>;
};

template <class format>
std::vector<fasta_text_record> read_records(const std::string& text, const std::string& name, const char* format_name) {
    std::istringstream stream(text);
    std::vector<fasta_text_record> records;
    try {
        seqan3::sequence_file_input<text_traits, seqan3::fields<seqan3::field::id, seqan3::field::seq>, seqan3::type_list<format>>
            file{stream, format{}};
        file.options.truncate_ids = false;
        for (auto& record : file) records.push_back({std::move(record.id()), std::move(record.sequence())});
    } catch (const std::exception& e) {
        throw input_error(name + ": not " + format_name + " that SeqAn3 can read (" + e.what() + ")");
    }
    return records;
}
}  // namespace

std::vector<fasta_text_record> read_fasta_records(const std::string& text, const std::string& name) {
    return read_records<seqan3::format_fasta>(text, name, "a FASTA file");
}


}  // namespace mirhit::io
