#include "scoring/site_efficacy.hpp"

#include <array>

namespace mirhit::scoring {

std::uint16_t bed_score(site_type type) {
    // Non-canonical classes below the canonical types: GU types as the 6mer, the others lower.
    static constexpr std::array<std::uint16_t, any_site_type_count> score = {1000, 800, 600, 400, 300, 250, 400, 400, 300, 250, 250, 250};
    return score[static_cast<std::size_t>(type)];
}

}  // namespace mirhit::scoring
