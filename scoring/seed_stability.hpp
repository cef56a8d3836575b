#pragma once

#include <string_view>

namespace mirhit::scoring {

// Seed-pairing stability (SPS; Garcia et al. 2011, Nat Struct Mol Biol 18:1139): the predicted
// free energy (kcal/mol, 37 °C) of the duplex between the seed and its perfect complement, with
// the Watson-Crick nearest-neighbour parameters of Xia et al. 1998 (Biochemistry 37:14719):
// stacks, initiation +4.09, +0.45 per terminal A-U pair, +0.43 for a self-complementary duplex.
// seed_nt2_8 is miRNA nt 2-8 (A, C, G, U or T, any case); seven_mer selects the 7-bp duplex of
// 8mer and 7mer-m8 sites (nt 2-8), otherwise the 6-bp duplex of 7mer-A1 and 6mer sites (nt 2-7).
// Throws std::invalid_argument for other letters or a seed that is not 7 nt.
double seed_pairing_stability(std::string_view seed_nt2_8, bool seven_mer);

}  // namespace mirhit::scoring
