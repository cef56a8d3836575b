#pragma once
#include <string_view>
namespace mirhit::reference {
// mirhit's built-in target-site abundance table (`mirhit abundance` TSV) counted on both strands
// of GenBank BA000025, 2.23 Mb of human genome from Debian's emboss-test (see
// reference/make_ta_table.sh and reference/data/README.md).
std::string_view builtin_ta_table();
inline constexpr std::string_view builtin_ta_description =
    "built-in: both strands of human GenBank BA000025 (2.23 Mb, Debian emboss-test 6.6.0+dfsg-12)";
}
