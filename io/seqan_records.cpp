#include "io/seqan_records.hpp"

#include <optional>
#include <sstream>

#include <seqan3/alphabet/alphabet_base.hpp>
#include <seqan3/io/sequence_file/input.hpp>

#include "core/error.hpp"

namespace mirhit::io {

namespace {

// The characters SeqAn3 lets into a sequence: A-Z and a-z (mirhit checks and encodes the
// letters itself: RNA and DNA, IUPAC, either case).
class letter : public seqan3::alphabet_base<letter, 52, char> {
    using base = seqan3::alphabet_base<letter, 52, char>;
    friend base;
    static constexpr char rank_to_char(rank_type rank) { return static_cast<char>(rank < 26 ? 'A' + rank : 'a' + (rank - 26)); }
    static constexpr rank_type char_to_rank(char c) {
        return static_cast<rank_type>(c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26 : 0);
    }

public:
    using base::base;
    explicit constexpr operator char() const { return to_char(); }
};

struct text_traits : seqan3::sequence_file_input_default_traits_dna {
    using sequence_alphabet = char;
    using sequence_legal_alphabet = letter;
    template <typename alphabet>
    using sequence_container = std::basic_string<alphabet>;
};

using file_type = seqan3::sequence_file_input<text_traits, seqan3::fields<seqan3::field::id, seqan3::field::seq>,
                                              seqan3::type_list<seqan3::format_fasta, seqan3::format_genbank>>;

}  // namespace

struct seqan_record_stream::impl {
    std::unique_ptr<file_type> file;
    std::optional<file_type::iterator> at;
};

seqan_record_stream::seqan_record_stream(std::istream& in, seqan_format format) : impl_(std::make_unique<impl>()) {
    if (format == seqan_format::fasta) impl_->file = std::make_unique<file_type>(in, seqan3::format_fasta{});
    else impl_->file = std::make_unique<file_type>(in, seqan3::format_genbank{});
    impl_->file->options.truncate_ids = false;
    impl_->file->options.embl_genbank_complete_header = true;
}

seqan_record_stream::~seqan_record_stream() = default;

bool seqan_record_stream::next(fasta_text_record& record) {
    try {
        if (impl_->at) ++*impl_->at;
        else impl_->at = impl_->file->begin();
        if (*impl_->at == impl_->file->end()) return false;
        record.header = std::move((**impl_->at).id());
        record.sequence = std::move((**impl_->at).sequence());
        return true;
    } catch (const input_error&) {
        throw;
    } catch (const std::exception& e) {
        throw seqan_parse_error(e.what());
    }
}

std::vector<fasta_text_record> read_fasta_records(const std::string& text, const std::string& name) {
    std::istringstream stream(text);
    std::vector<fasta_text_record> records;
    try {
        seqan_record_stream file(stream, seqan_format::fasta);
        for (fasta_text_record record; file.next(record);) records.push_back(std::move(record));
    } catch (const seqan_parse_error& e) {
        throw input_error(name + ": not a FASTA file that SeqAn3 can read (" + e.what() + ")");
    }
    return records;
}

}  // namespace mirhit::io
