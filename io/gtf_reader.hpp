#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/byte_source.hpp"
#include "io/line_reader.hpp"

namespace mirhit::io {

// One feature line of a GTF file (GENCODE, Ensembl).
struct gtf_record {
    std::string seqname, feature;
    std::uint64_t start = 0, end = 0;  // 1-based, inclusive
    char strand = '.';
    std::string attributes;            // the ninth column, e.g. gene_id "G1"; transcript_id "T1";

    // The value of an attribute without its quotes, or empty when it is absent.
    std::string_view attribute(std::string_view name) const;
};

// GTF files, plain or gzip, one feature line at a time; '#' lines and blank lines are skipped.
// Malformed lines throw input_error naming the file and line.
class gtf_reader {
public:
    explicit gtf_reader(std::unique_ptr<byte_source> source);

    bool next(gtf_record& record);
    std::uint64_t line_number() const { return lines_.line_number(); }
    const std::string& name() const { return lines_.name(); }

private:
    line_reader lines_;
    std::string line_;
    std::vector<std::string_view> fields_;
};

}  // namespace mirhit::io
