#pragma once

#include <cstdint>

#include "core/site.hpp"

namespace mirhit::scoring {

// Site types ranked by typical repression efficacy (8mer > 7mer-m8 > 7mer-A1 > 6mer >
// offset 6mer; Bartel 2009, Cell 136:215; Agarwal et al. 2015, eLife 4:e05005), scaled to the
// 0-1000 score range of BED so that genome browsers shade stronger sites darker.
std::uint16_t bed_score(site_type type);

}  // namespace mirhit::scoring
