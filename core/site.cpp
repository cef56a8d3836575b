#include "core/site.hpp"

namespace mirhit {

std::optional<site_type> parse_site_type(std::string_view name) {
    for (std::size_t t = 0; t < any_site_type_count; ++t)
        if (any_site_type_names[t] == name) return static_cast<site_type>(t);
    return std::nullopt;
}

}  // namespace mirhit
