#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mirhit::scoring {

// RNA nearest-neighbour free-energy parameters as ViennaRNA 2.7 uses them at 37 °C (Turner 2004
// by default: Mathews et al. 2004, PNAS 101:7287; Turner & Mathews 2010, NAR 38:D280, NNDB).
//
// Nucleotide codes as ViennaRNA: 0 other, 1 A, 2 C, 3 G, 4 U.
// Pair types: 0 none, 1 CG, 2 GC, 3 GU, 4 UG, 5 AU, 6 UA, 7 other (non-standard; pair_type never
// returns it, as ViennaRNA's default pair matrix has no non-standard pairs).
inline constexpr int max_loop = 30;

// ViennaRNA's "infinite" energy (INF in .par files).
inline constexpr int inf_energy = 10000000;

// Boltzmann constants as ViennaRNA's: gas constant in cal/(mol K), 0 °C in K, default temperature.
inline constexpr double gas_constant = 1.98717;
inline constexpr double kelvin_at_0c = 273.15;
inline constexpr double temperature_c = 37.0;
// RT at 37 °C in kcal/mol.
inline constexpr double rt_kcal = gas_constant * (kelvin_at_0c + temperature_c) / 1000.0;

struct energy_params {  // free energies at 37 °C, integers in dcal/mol (ViennaRNA's units)
    int stack[8][8];
    int hairpin[31];
    int bulge[31];
    int interior[31];
    int mismatch_hairpin[8][5][5], mismatch_interior[8][5][5], mismatch_interior_1n[8][5][5],
        mismatch_interior_23[8][5][5], mismatch_multi[8][5][5], mismatch_exterior[8][5][5];
    int dangle5[8][5], dangle3[8][5];
    int int11[8][8][5][5];
    int int21[8][8][5][5][5];
    int int22[8][8][5][5][5][5];
    int ml_base, ml_closing, ml_intern;
    int ninio, max_ninio;
    int duplex_init, terminal_au;
    double lxc;  // loop extrapolation factor for loops longer than max_loop
    std::vector<std::pair<std::string, int>> tetraloops, triloops, hexaloops;  // loop sequence, energy
};

// The built-in Turner 2004 set, identical to ViennaRNA 2.7's defaults.
const energy_params& turner2004();

// Loads a ViennaRNA v2.0 parameter file (RNAfold's .par format). As ViennaRNA does, the sections
// present replace the corresponding values of the built-in set; enthalpy sections are read and
// ignored (mirhit evaluates at 37 °C only). Throws mirhit::input_error_at(file, line, problem).
energy_params load_energy_params(const std::string& path);

// A run's energy parameters: those of a .par file (an --energy-params option), loaded once, or
// with no file the built-in set; and how the output's '##' lines name them.
class energy_choice {
public:
    explicit energy_choice(const std::string& par_file)
        : loaded_(par_file.empty() ? std::nullopt : std::optional(load_energy_params(par_file))),
          source_(par_file.empty() ? "built-in Turner 2004" : par_file) {}
    const energy_params& params() const { return loaded_ ? *loaded_ : turner2004(); }
    const std::string& source() const { return source_; }

private:
    std::optional<energy_params> loaded_;
    std::string source_;
};

// A C G U/T in any case -> 1..4, anything else 0.
int nucleotide_code(char c);

// Pair type of two nucleotide codes (0 when they do not form a canonical or G-U pair).
int pair_type(int a, int b);
// The type of the same pair read the other way round: CG <-> GC, GU <-> UG, AU <-> UA.
inline constexpr int reversed_pair_type[8] = {0, 2, 1, 4, 3, 6, 5, 7};

}  // namespace mirhit::scoring
