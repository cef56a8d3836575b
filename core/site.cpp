#include "core/site.hpp"

namespace mirhit {

std::optional<site_type> parse_site_type(std::string_view name) {
    for (std::size_t t = 0; t < any_site_type_count; ++t)
        if (any_site_type_names[t] == name) return static_cast<site_type>(t);
    return std::nullopt;
}

}  // namespace mirhit

namespace mirhit {

std::string class_detail(const family_site& site) {
    switch (site.type) {
    case site_type::bulge_seven_mer: return "k=" + std::to_string(site.detail);
    case site_type::three_p_compensatory: {
        const int offset = static_cast<std::int8_t>(site.detail);
        return "offset=" + std::string(offset > 0 ? "+" : "") + std::to_string(offset);
    }
    case site_type::centered: {
        const auto run = unpack_run(site.detail);
        return "pairs=" + std::to_string(run.first) + "-" + std::to_string(run.last);
    }
    default: return {};
    }
}

}  // namespace mirhit
