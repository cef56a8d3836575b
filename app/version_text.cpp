#include "app/version_text.hpp"

#include <CLI/Version.hpp>
#include <oneapi/tbb/version.h>
#include <zlib.h>

#include "mirhit/version.hpp"
#include "reference/builtin_mirnas.hpp"
#include "reference/builtin_ta.hpp"
#include "reference/curated_claims.hpp"
#include "reference/gene_aliases.hpp"

namespace mirhit::app {

std::string version_text() {
    std::string out = std::string("mirhit ") + version + "\n";
    out += "data:\n";
    out += "  miRNAs: " + std::string(reference::builtin_mirna_description()) + "\n";
    out += "  gene aliases: " + std::string(reference::gene_alias_provenance()) + "\n";
    out += "  curated claims: " + std::string(reference::builtin_claims_description()) + "\n";
    out += "  target-site abundance: " + std::string(reference::builtin_ta_description) + "\n";
    out += "  energy parameters: built-in Turner 2004 (ViennaRNA 2.7's defaults, 37 C)\n";
    out += "libraries:\n";
    out += std::string("  oneTBB ") + TBB_VERSION_STRING + ", zlib " + ZLIB_VERSION + ", CLI11 " + CLI11_VERSION;
    return out;
}

}  // namespace mirhit::app
