#include "io/site_counts.hpp"

#include "core/text.hpp"

namespace mirhit::io {

count_formatter::count_formatter(const mirna_set& mirnas, site_type_set types, bool stranded)
    : mirnas_(mirnas), types_(types), stranded_(stranded) {}

std::string count_formatter::column_header() const {
    std::string header = std::string("utr_id\tgene\tmirna\tfamily") + (stranded_ ? "\tstrand" : "");
    for (std::size_t t = 0; t < any_site_type_count; ++t)
        if (types_.contains(static_cast<site_type>(t))) header += '\t' + std::string(any_site_type_names[t]);
    return header + "\tsites\tclaim_ids\tclaim_effect\tclaim_citation\n";
}

void count_formatter::append(std::string& out, const record_header& record, std::uint32_t mirna, bool reverse,
                             const std::array<std::uint64_t, any_site_type_count>& counts, const claim_mark* claims) const {
    const auto& m = mirnas_.mirnas()[mirna];
    out += record.id;
    out += '\t';
    out += record.gene;
    out += '\t';
    out += m.name;
    out += '\t';
    out += mirnas_.families()[m.family].seed;
    if (stranded_) out += reverse ? "\t-" : "\t+";
    std::uint64_t total = 0;
    for (std::size_t t = 0; t < any_site_type_count; ++t) {
        if (!types_.contains(static_cast<site_type>(t))) continue;
        out += '\t';
        append_number(out, counts[t]);
        total += counts[t];
    }
    out += '\t';
    append_number(out, total);
    if (claims) {
        append_claim_columns(out, *claims);
        out += '\n';
    } else {
        out += "\tNA\tNA\tNA\n";
    }
}

}  // namespace mirhit::io
