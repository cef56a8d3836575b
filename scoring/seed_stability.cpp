#include "scoring/seed_stability.hpp"

#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

#include "core/encoding.hpp"

namespace mirhit::scoring {

namespace {

// Xia et al. 1998, Table 4 (kcal/mol): stack 5'-xy-3' / 3'-x'y'-5', indexed [x][y] with
// A, C, G, U = 0..3.
constexpr std::array<std::array<double, 4>, 4> stack = {{
    {-0.93, -2.24, -2.08, -1.10},  // AA AC AG AU
    {-2.11, -3.26, -2.36, -2.08},  // CA CC CG CU
    {-2.35, -3.42, -3.26, -2.24},  // GA GC GG GU
    {-1.33, -2.35, -2.11, -0.93},  // UA UC UG UU
}};
constexpr double initiation = 4.09;
constexpr double terminal_au = 0.45;
constexpr double symmetry = 0.43;

}  // namespace

double seed_pairing_stability(std::string_view seed_nt2_8, bool seven_mer) {
    if (seed_nt2_8.size() != 7) throw std::invalid_argument("seed must be 7 nt, got '" + std::string(seed_nt2_8) + "'");
    const std::size_t length = seven_mer ? 7 : 6;
    std::array<std::uint8_t, 7> code{};
    for (std::size_t i = 0; i < 7; ++i) {
        code[i] = code_of(seed_nt2_8[i]);
        if (code[i] > 3) throw std::invalid_argument("seed '" + std::string(seed_nt2_8) + "' has a letter other than A, C, G, U/T");
    }
    double energy = initiation;
    for (std::size_t i = 0; i + 1 < length; ++i) energy += stack[code[i]][code[i + 1]];
    auto is_au = [](std::uint8_t c) { return c == 0 || c == 3; };
    if (is_au(code[0])) energy += terminal_au;
    if (is_au(code[length - 1])) energy += terminal_au;
    bool self_complementary = true;
    for (std::size_t i = 0; i < length; ++i) self_complementary &= code[i] == 3 - code[length - 1 - i];
    if (self_complementary) energy += symmetry;
    // Two decimals, as the published table: the parameters have two.
    return std::round(energy * 100.0) / 100.0;
}

}  // namespace mirhit::scoring
