#include "engine/validation.hpp"
#include "engine/scan_request.hpp"

#include <memory>
#include <optional>

#include "core/text.hpp"
#include "io/atomic_output.hpp"
#include "io/site_writer.hpp"
#include "scoring/duplex.hpp"

namespace mirhit::engine {

namespace {

const std::string rank_description =
    "genes of the input ranked by total context++ for the miRNA (the set of non-overlapping sites with the most negative "
    "sum, in the gene's best UTR); 1 = most negative; genes without a scored site total 0; a UTR's rank counts the other "
    "genes more negative than its own total; percentile = 100 x rank / genes; a total of 0 is not ranked (NA), nor is any gene when the input has fewer than 100 genes";

// --curated-all: the table, one row per claim whose gene has a UTR in the input; the '##' lines
// say which are left out.
std::string curated_table(const evaluation& e) {
    const auto& r = e.report;
    std::string text(io::validation_table_header);
    for (const auto& [c, p] : e.rows)
        if (!r.pairs[p].utrs.empty()) text += io::validation_table_row(r, *c, r.pairs[p]);
    return text;
}

void add_table_params(const evaluation& e, std::vector<std::pair<std::string, std::string>>& params) {
    std::vector<std::string> absent;
    std::size_t present = 0;
    for (const auto& [c, p] : e.rows) {
        if (e.report.pairs[p].utrs.empty())
            absent.push_back(c->id + " " + c->gene);
        else
            ++present;
    }
    params.emplace_back("rows", std::to_string(present) + " claims whose gene has a UTR in the input, in table order");
    params.emplace_back("not_in_input", std::to_string(absent.size()) + " claims whose gene has no UTR in the input" +
                                            (absent.empty() ? "" : ": " + join(absent, ", ")));
    if (!e.unknown_mirna.empty())
        params.emplace_back("not_in_mirnas", std::to_string(e.unknown_mirna.size()) + " claims whose miRNA is not in the miRNA set: " +
                                                 join(e.unknown_mirna, ", "));
}

}  // namespace

void run_validate(const validate_request& args, const std::string& command_line) {
    const evaluation e = evaluate(args);
    const auto& r = e.report;
    auto params = e.params;
    std::string text;
    if (args.curated_all) {
        text = curated_table(e);
        add_table_params(e, params);
    } else {
        const auto& target = r.targets[0];
        params.emplace_back("gene", target.name + " (" + target.how + "); UTRs in the input: " + e.gene_utrs);
        text = io::validation_text(r);
    }
    params.emplace_back("input", io::with_commas(r.utrs) + " UTRs of " + io::with_commas(r.genes) + " genes");
    params.emplace_back("sites", site_list(e.types));
    params.emplace_back("score", r.score_description + (e.types.noncanonical() ? "; non-canonical sites: context++ NA (the model is fitted on "
                                                                                 "canonical sites only)" : ""));
    params.emplace_back("duplex", "miRNA-UTR duplex of each site, " + scoring::duplex_description(e.energy_source) +
                                      "; diagram: UTR 5'-3' above, miRNA 3'-5' below");
    params.emplace_back("rank", rank_description);
    params.emplace_back("grades", std::string(io::grade_criteria));

    std::unique_ptr<io::atomic_output> html;
    if (!args.html.empty()) {
        html = std::make_unique<io::atomic_output>(args.html);
        html->write(io::validation_html(r, {args.curated_all, args.mirna, args.gene, command_line, params}, e.rows));
    }
    io::atomic_output out(args.output);
    out.write(io::format_preamble(io::output_format::tsv, {command_line, params}));
    out.write(text);
    if (html) html->commit();
    out.commit();
}

}  // namespace mirhit::engine
