#pragma once

#include <functional>
#include <memory>
#include <string_view>

#include "scoring/accessibility.hpp"
#include "scoring/energy_params.hpp"

// The RNAplfold-model fold before the vectorised rewrite (issue 13), for benchmarks and tests only.
namespace mirhit::plfold_reference {

struct boltzmann_tables;

class plfold {
public:
    plfold(const scoring::energy_params& params, scoring::plfold_options options);
    ~plfold();
    using sink = scoring::plfold::sink;
    void run(std::string_view sequence, const sink& out);

private:
    struct impl;
    scoring::plfold_options options_;
    std::shared_ptr<const boltzmann_tables> tables_;
    std::unique_ptr<impl> impl_;
};

}  // namespace mirhit::plfold_reference
