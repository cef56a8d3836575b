#include "scoring/site_efficacy.hpp"

#include <array>

namespace mirhit::scoring {

std::uint16_t bed_score(site_type type) {
    static constexpr std::array<std::uint16_t, site_type_count> score = {1000, 800, 600, 400, 300};
    return score[static_cast<std::size_t>(type)];
}

}  // namespace mirhit::scoring
