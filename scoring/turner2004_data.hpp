#pragma once

#include "scoring/energy_params.hpp"

// The built-in Turner 2004 values (turner2004_data.cpp), section by section in parameter-file order.
namespace mirhit::scoring::detail {

struct special_loop {
    const char* sequence;
    int energy;
};

extern const int turner2004_stack[49];
extern const int turner2004_mismatch_hairpin[175];
extern const int turner2004_mismatch_interior[175];
extern const int turner2004_mismatch_interior_1n[175];
extern const int turner2004_mismatch_interior_23[175];
extern const int turner2004_mismatch_multi[175];
extern const int turner2004_mismatch_exterior[175];
extern const int turner2004_dangle5[35];
extern const int turner2004_dangle3[35];
extern const int turner2004_int11[1225];
extern const int turner2004_int21[6125];
extern const int turner2004_int22[9216];
extern const int turner2004_hairpin[31];
extern const int turner2004_bulge[31];
extern const int turner2004_interior[31];
extern const int turner2004_ml_params[3];
extern const int turner2004_ninio[2];
extern const int turner2004_misc[2];
extern const special_loop turner2004_tetraloops[16];
extern const special_loop turner2004_triloops[2];
extern const special_loop turner2004_hexaloops[4];

}  // namespace mirhit::scoring::detail
