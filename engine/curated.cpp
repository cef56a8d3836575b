#include "engine/curated.hpp"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <set>

#include "core/error.hpp"
#include "io/atomic_output.hpp"
#include "io/claims_file.hpp"
#include "io/site_writer.hpp"
#include "reference/builtin_mirnas.hpp"
#include "reference/gene_aliases.hpp"
#include "reference/mirna_names.hpp"

namespace mirhit::engine {

namespace {

bool same_text(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

void run_curated(const curated_request& args, const std::string& command_line) {
    std::string description;
    const auto claims = io::load_claims(args.extra_files, args.no_builtin, description);
    if (claims.empty()) throw input_error("no claims: --no-builtin needs at least one --curated table with rows");
    std::vector<std::pair<std::string, std::string>> parameters = {{"claims", description}};

    std::set<std::string> mirnas, genes;
    if (!args.mirna.empty()) {
        std::string how;
        for (const auto& r : reference::resolve_mirna(args.mirna, reference::builtin_mirna_names())) {
            mirnas.insert(r.names.begin(), r.names.end());
            how += (how.empty() ? "" : "; ") + r.written + ": " + r.how;
        }
        parameters.emplace_back("mirna", args.mirna + " (" + how + ")");
    }
    if (!args.gene.empty()) {
        const auto r = reference::resolve_gene(args.gene);
        genes.insert(r.symbols.begin(), r.symbols.end());
        parameters.emplace_back("gene", args.gene + " (" + r.how + ")");
    }
    std::vector<const reference::claim*> chosen;
    for (const auto& c : claims) {
        const bool mirna_ok = args.mirna.empty() || mirnas.contains(c.mirna) || same_text(c.mirna, args.mirna) ||
                              same_text(c.mirna_as_written, args.mirna);
        const bool gene_ok = args.gene.empty() || genes.contains(c.gene) || same_text(c.gene, args.gene) ||
                             same_text(c.target_as_written, args.gene);
        if (mirna_ok && gene_ok) chosen.push_back(&c);
    }
    parameters.emplace_back("rows", std::to_string(chosen.size()) + " of " + std::to_string(claims.size()));
    io::atomic_output out(args.output);
    out.write(io::format_preamble(io::output_format::tsv, {command_line, parameters}));
    out.write(reference::format_claims(chosen));
    out.commit();
}

}  // namespace mirhit::engine
