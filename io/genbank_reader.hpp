#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "io/byte_source.hpp"
#include "io/line_reader.hpp"

namespace mirhit::io {

struct genbank_feature {
    std::string key;       // CDS, gene, mRNA, ...
    std::string location;  // as written, continuation lines joined
    std::uint64_t line = 0;
    std::vector<std::pair<std::string, std::string>> qualifiers;  // name, value without quotes

    // The first value of a qualifier, or nullptr.
    const std::string* qualifier(std::string_view name) const;
};

struct genbank_record {
    std::string locus;      // LOCUS name
    std::uint64_t length = 0;
    std::string molecule;   // mRNA, DNA, ...
    std::string accession;  // ACCESSION.VERSION when the record has a VERSION line
    std::uint64_t line = 0; // of the LOCUS line
    std::vector<genbank_feature> features;
    std::string sequence;   // ORIGIN, upper case
};

// The lines of a feature table in GenBank's layout (key from column 6, qualifiers from column
// 22; EMBL's FT lines are the same after their "FT"), appended to `features`.
class feature_table {
public:
    explicit feature_table(std::vector<genbank_feature>& features) : features_(features) {}
    // Throws input_error FILE:LINE for a line that is neither a feature nor its continuation.
    void add(const std::string& line, std::uint64_t line_number, const std::string& file);
    void finish();  // after the last line

private:
    std::vector<genbank_feature>& features_;
    genbank_feature* feature_ = nullptr;
    std::string qualifier_;
};

enum class flat_format { genbank, embl };

// GenBank or EMBL flat files (several records, plain or compressed), one record at a time; an
// EMBL record (ID, FT, SQ lines) gives the same genbank_record (accession NAME.SV). GenBank is
// read by SeqAn3 (format_genbank, complete header) over bytes checked line by line on their way
// to it; EMBL by mirhit alone, as SeqAn3 3.2's EMBL reader ends the header at the first "SQ"
// anywhere, such as in /translation="MSQ...". Malformed input throws input_error naming the file
// and line.
class genbank_reader {
public:
    explicit genbank_reader(std::unique_ptr<byte_source> source, flat_format format = flat_format::genbank);
    ~genbank_reader();

    bool next(genbank_record& record);
    const std::string& name() const { return name_; }

private:
    struct seqan_input;
    bool next_genbank(genbank_record& record);
    void read_header(genbank_record& record, const std::string& header);
    input_error unreadable_record(const std::string& seqan_message);
    void append_sequence_line(genbank_record& record);
    bool next_embl(genbank_record& record);
    void read_embl_id(genbank_record& record);
    std::string name_;
    flat_format format_;
    std::unique_ptr<seqan_input> seqan_;  // GenBank
    std::unique_ptr<line_reader> lines_;  // EMBL
    std::string line_;
};

// A feature location: ranges in transcript order (1-based, inclusive).
struct genbank_location {
    bool minus = false;
    bool partial5 = false, partial3 = false;  // '<' or '>' at the 5' or 3' end
    bool remote = false;                      // refers to another record (ACC.1:10..20)
    std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges;
};

// Ranges, single bases, '<', '>', complement(), join() and order(), nested. On failure returns
// nothing and sets error.
std::optional<genbank_location> parse_genbank_location(std::string_view text, std::string& error);

}  // namespace mirhit::io
