#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "core/mirna.hpp"
#include "core/site.hpp"
#include "io/fasta_reader.hpp"
#include "io/site_writer.hpp"

namespace mirhit::io {

// scan --format counts: one row per UTR, miRNA and strand with sites, the sites counted by type.
// At genome scale a row stands for thousands of sites, so the output no longer grows with them.
class count_formatter {
public:
    // types: the count columns, in site-type order (canonical types, then any non-canonical
    // classes); stranded: a strand column.
    count_formatter(const mirna_set& mirnas, site_type_set types, bool stranded);

    std::string column_header() const;

    // One row; counts by site type (types not scanned are 0); claims: the curated claims on this
    // miRNA and gene, or null (NA).
    void append(std::string& out, const record_header& record, std::uint32_t mirna, bool reverse,
                const std::array<std::uint64_t, any_site_type_count>& counts, const claim_mark* claims) const;

private:
    const mirna_set& mirnas_;
    site_type_set types_;
    bool stranded_;
};

}  // namespace mirhit::io
