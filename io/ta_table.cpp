#include "io/ta_table.hpp"

#include <charconv>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "io/line_reader.hpp"
#include "reference/builtin_ta.hpp"

namespace mirhit::io {

scoring::ta_values read_ta_table(std::unique_ptr<byte_source> source) {
    line_reader lines(std::move(source));
    scoring::ta_values values{std::vector<double>(scoring::seed_code_count), lines.name()};
    std::vector<bool> seen(scoring::seed_code_count);
    std::size_t ta_column = 0, count = 0;
    std::string line;
    std::vector<std::string_view> fields;
    auto fail = [&](const std::string& message) -> void { throw input_error_at(lines.name(), lines.line_number(), message); };
    while (lines.next(line)) {
        if (line.starts_with("##") || line.empty()) continue;
        split_fields(line, fields);
        if (ta_column == 0) {
            if (fields.size() == 3 && fields[0] == "seed" && fields[2] == "ta") ta_column = 2;
            else if (fields.size() == 4 && fields[0] == "Seed region" && fields[3] == "TA") ta_column = 3;
            else fail("expected a header row 'seed<TAB>sites<TAB>ta' (mirhit abundance) or 'Seed region<TAB>...<TAB>TA' (TargetScan)");
            continue;
        }
        if (fields.size() != ta_column + 1)
            fail("expected " + std::to_string(ta_column + 1) + " tab-separated fields, found " + std::to_string(fields.size()));
        std::uint32_t seed = 0;
        try {
            seed = scoring::seed_code(fields[0]);
        } catch (const std::invalid_argument&) {
            fail("'" + printable(fields[0]) + "' is not a 7-nt seed of A, C, G, U/T");
        }
        if (seen[seed]) fail("seed " + std::string(fields[0]) + " appears twice");
        const auto field = fields[ta_column];
        double ta = 0;
        const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), ta);
        if (ec != std::errc() || end != field.data() + field.size() || field.empty())
            fail("TA '" + std::string(field) + "' is not a number");
        seen[seed] = true;
        values.by_seed[seed] = ta;
        ++count;
    }
    if (count != scoring::seed_code_count)
        throw input_error(lines.name() + ": " + std::to_string(count) + " seeds, expected all " +
                          std::to_string(scoring::seed_code_count));
    return values;
}

const scoring::ta_values& builtin_ta_values() {
    static const scoring::ta_values values = [] {
        auto v = read_ta_table(byte_source::from_memory("built-in TA table", reference::builtin_ta_table()));
        v.source = std::string(reference::builtin_ta_description);
        return v;
    }();
    return values;
}

}  // namespace mirhit::io
