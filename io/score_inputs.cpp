#include "io/score_inputs.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include "core/error.hpp"
#include "io/fasta_reader.hpp"
#include "io/line_reader.hpp"

namespace mirhit::io {

namespace {

template <class T>
bool parse_number(std::string_view field, T& value) {
    const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
    return ec == std::errc() && end == field.data() + field.size() && !field.empty();
}

}  // namespace

isoform_table read_isoforms(std::unique_ptr<byte_source> source) {
    line_reader lines(std::move(source));
    isoform_table table;
    std::string line;
    std::vector<std::string_view> fields;
    auto fail = [&](const std::string& message) { throw input_error_at(lines.name(), lines.line_number(), message); };
    while (lines.next(line)) {
        if (line.empty() || line.starts_with('#')) continue;
        split_fields(line, fields);
        if (fields.size() != 4)
            fail("expected 4 tab-separated fields (UTR id, start, end, AIR), found " + std::to_string(fields.size()));
        scoring::air_region region{};
        double percent = 0;
        if (fields[0].empty()) fail("empty UTR id");
        if (!parse_number(fields[1], region.start) || !parse_number(fields[2], region.end) || region.start == 0 ||
            region.end < region.start)
            fail("region '" + std::string(fields[1]) + "-" + std::string(fields[2]) +
                 "' is not a 1-based start and end with start <= end");
        if (!parse_number(fields[3], percent) || percent < 0 || percent > 100)
            fail("AIR '" + std::string(fields[3]) + "' is not a percentage from 0 to 100");
        region.air = percent / 100.0;
        table[std::string(fields[0])].push_back(region);
    }
    if (table.empty()) throw input_error(lines.name() + ": no isoform ratios found");
    for (auto& [id, regions] : table)
        std::sort(regions.begin(), regions.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    return table;
}

conservation_table read_conservation(std::unique_ptr<byte_source> source, std::string_view species) {
    line_reader lines(std::move(source));
    conservation_table table;
    std::string line;
    std::vector<std::string_view> fields;
    auto fail = [&](const std::string& message) { throw input_error_at(lines.name(), lines.line_number(), message); };
    const auto number_or_na = [](std::string_view field, double max) {
        double value = 0;
        return field == "NA" || (parse_number(field, value) && value >= 0 && value <= max);
    };
    while (lines.next(line)) {
        if (lines.line_number() == 1 && line.starts_with("Gene_ID\t")) continue;
        if (line.empty()) continue;
        split_fields(line, fields);
        if (fields.size() < 13)
            fail("expected at least 13 tab-separated fields (targetscan_70 BL_PCT output), found " + std::to_string(fields.size()));
        if (fields[2] != species) continue;
        std::uint64_t start = 0, end = 0;
        if (!parse_number(fields[5], start) || !parse_number(fields[6], end) || start == 0 || end < start)
            fail("UTR start and end '" + std::string(fields[5]) + "', '" + std::string(fields[6]) + "' are not 1-based positions");
        std::optional<site_type> type;
        if (fields[8] == "8mer-1a") type = site_type::eight_mer;
        else if (fields[8] == "7mer-m8") type = site_type::seven_mer_m8;
        else if (fields[8] == "7mer-1a") type = site_type::seven_mer_a1;
        else if (fields[8] == "6mer") type = site_type::six_mer;
        else fail("unknown site type '" + std::string(fields[8]) + "'");
        if (!number_or_na(fields[11], 1e6)) fail("branch length '" + std::string(fields[11]) + "' is not a number from 0 or NA");
        if (!number_or_na(fields[12], 1)) fail("PCT '" + std::string(fields[12]) + "' is not a number from 0 to 1 or NA");
        table[std::string(fields[0])][pct_key(start - 1, *type)] = {std::string(fields[11]), std::string(fields[12])};
    }
    return table;
}

pct_table pct_values(const conservation_table& table) {
    pct_table out;
    for (const auto& [utr, sites] : table)
        for (const auto& [key, site] : sites) {
            double pct = 0;
            if (parse_number(site.pct, pct)) out[utr][key] = pct;
        }
    return out;
}

orf_table read_orfs(std::unique_ptr<byte_source> source) {
    fasta_reader reader(std::move(source), 0);
    reader.keep_records_whole();
    orf_table table;
    std::vector<sequence_piece> pieces;
    while (reader.read_batch(pieces, 1 << 20)) {
        for (auto& p : pieces) {
            auto [it, is_new] = table.try_emplace(p.record->id, std::move(p.seq));
            if (!is_new)
                throw input_error_at(p.record->file, p.record->line, "duplicate ORF id '" + p.record->id + "'");
        }
        pieces.clear();
    }
    return table;
}

}  // namespace mirhit::io
