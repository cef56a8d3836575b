#include "app/command.hpp"
#include "app/io_paths.hpp"

#include <memory>
#include <utility>
#include <vector>

#include "core/text.hpp"
#include "engine/validation.hpp"

namespace mirhit::app {

namespace {

constexpr const char* validate_footer = R"(
Synopsis:
  mirhit validate MIRNA GENE UTR.fa [UTR2.fa.gz ...] [options]
  mirhit validate MIRNA GENE --utr UTR.fa [--utr UTR2.fa.gz ...] [options]
  mirhit validate --curated-all UTR.fa [options]
  mirhit validate (MIRNA GENE | --curated-all) --index UTRS.mhx [options]

Checks a claimed miRNA -> target pair against the 3'UTR sequences: for every UTR of the gene,
each site (type, position, sequence, context++ score, TargetScan's pairing diagram, and the
miRNA-UTR duplex as `scan --score duplex` computes it: free energy, structure and a four-line
RNAhybrid-style diagram), the gene's rank among
the input's genes by total context++ for the miRNA, the curated claims on the pair with their
citations, and a graded verdict:
  strong    an 8mer or 7mer site and, where genes are ranked (100 or more in the input), the
            gene in the top 10% of the input's genes for the miRNA (by total context++)
  moderate  an 8mer or 7mer site in a ranked input, the gene below the top 10% (or without a
            scored site, so not ranked)
  weak      only 6mer, offset-6mer or non-canonical sites (non-canonical sites confer little
            repression on average: Agarwal et al. 2015, eLife 4:e05005)
  none      no site
Sites of every class are looked for by default (--sites as in scan: canonical, all, or names):
the canonical ones, scored with context++, and the non-canonical ones (6mer-A1, 8mer-GU,
7mer-m8-GU, 7mer-A1-GU, bulge-7mer, 3p-compensatory, centered; context++ NA, duplex shown) as
weak evidence.
The verdict keeps the site counts, the total context++ (NA when no site was scored) and the
rank. MIRNA and GENE are names as biologists write them (miR-21, let-7a,
VE-cadherin, HAI-1); an ambiguous miRNA name or one without arm validates every candidate.
Rank and percentile are among all genes of the input, and only given when it has at least
100 genes (else: not ranked, with the number of genes): give the whole 3'UTRome.
--curated-all checks every curated claim and prints one row per claim whose gene has a UTR in
the input; the others are listed in the '## not_in_input' line. --html
writes a self-contained report (no scripts, no external files) with a map of each UTR.
--index reads the UTRs and their accessibility from a mirhit index (mirhit index) instead of
folding: the same report as from the indexed files but for the '## utrs' line, in seconds.

Example:
  mirhit validate miR-103 VE-cadherin --utr examples/utrs.fa
  mirhit validate miR-221 HAI-1 --utr examples/utrs.fa --sites canonical
  mirhit validate --curated-all --utr examples/utrs.fa --orf examples/orfs.fa --html report.html
  mirhit index examples/utrs.fa -o utrs.mhx && mirhit validate --curated-all --index utrs.mhx
)";

void check_validate(engine::validate_request& validate, std::vector<std::string> utrs) {
    // With --curated-all and no --utr, every positional word is a UTR file.
    if (validate.curated_all && validate.utr_files.empty())
        for (auto* word : {&validate.gene, &validate.mirna})
            if (!word->empty()) utrs.insert(utrs.begin(), std::exchange(*word, {}));
    join_utr_files(utrs, validate.utr_files);
    validate.utr_files = std::move(utrs);
    if (validate.utr_files.empty() && validate.index_file.empty()) throw CLI::ValidationError("validate", "needs --utr files or --index");
    if (!validate.utr_files.empty() && !validate.index_file.empty())
        throw CLI::ValidationError("--index", "replaces the UTR files: give one or the other");
    if (validate.curated_all && !(validate.mirna.empty() && validate.gene.empty()))
        throw CLI::ValidationError("--curated-all", "takes no MIRNA or GENE");
    if (!validate.curated_all && validate.gene.empty())
        throw CLI::ValidationError("validate", "needs MIRNA and GENE, or --curated-all");
    if (!validate.html.empty() && same_output(validate.html, validate.output))
        throw CLI::ValidationError("--html", "'" + validate.html + "' is also the text output");
}

}  // namespace

command add_validate_command(CLI::App& app, unsigned& threads) {
    auto args = std::make_shared<engine::validate_request>();
    auto& validate = *args;
    auto positional_utrs = std::make_shared<std::vector<std::string>>();
    auto* validate_cmd = app.add_subcommand("validate", "Check a claimed miRNA target (or every curated claim) against 3'UTRs");
    validate_cmd->add_option("mirna", validate.mirna, "miRNA name as written (miR-21, hsa-miR-21-5p, let-7a)")->type_name("MIRNA");
    validate_cmd->add_option("gene", validate.gene, "Gene symbol or alias (PTEN, VE-cadherin)")->type_name("GENE");
    validate_cmd->add_flag("--curated-all", validate.curated_all, "Check every curated claim (no MIRNA and GENE)");
    validate_cmd->add_option("utrs", *positional_utrs, "3'UTR FASTA files (plain or gzip; '-' = standard input), or --utr")->type_name("FILE");
    add_utr_option(*validate_cmd, validate.utr_files);
    validate_cmd->add_option("--index", validate.index_file, "A mirhit index (mirhit index) instead of UTR files")->type_name("FILE");
    validate_cmd->add_option("--sites", validate.sites, "Site classes to look for (comma-separated, as scan's --sites; default: all, "
                                                       "canonical and non-canonical): " + join(site_option_names(), ","))
        ->delimiter(',')
        ->check(CLI::IsMember(site_option_names()).description(""))
        ->type_name("TYPES");
    validate_cmd->add_option("-m,--mirna-file", validate.mirna_file, "Mature miRNA FASTA, as miRBase's mature.fa (default: built-in human miRBase 22)")->type_name("FILE");
    validate_cmd->add_option("--orf", validate.score_inputs.orf_file, "ORF sequences (FASTA, ids as the UTRs') for the Len_ORF and ORF8m terms")->type_name("FASTA");
    validate_cmd->add_option("--ta", validate.score_inputs.ta_file, "Target-site abundance table (mirhit abundance output or TargetScan's TA_SPS file; default: built-in)")->type_name("FILE");
    validate_cmd->add_option("--energy-params", validate.energy_params_file, "ViennaRNA parameter file (.par, v2.0) for duplexes and accessibility (default: built-in Turner 2004)")->type_name("FILE");
    validate_cmd->add_option("--curated", validate.extra_claims, "Also read this claims table (14 columns, as mirhit curated); repeat for more")
        ->allow_extra_args(false)
        ->type_name("TABLE");
    validate_cmd->add_flag("--no-builtin-claims", validate.no_builtin, "Leave the built-in claims table out");
    add_hidden_flag_alias(*validate_cmd, "--no-builtin", validate.no_builtin);
    validate_cmd->add_option("-o,--output", validate.output, "Output file (default: standard output)")->type_name("FILE");
    validate_cmd->add_option("--html", validate.html, "Also write a self-contained HTML report with a map of each UTR")->type_name("FILE");
    add_threads_option(*validate_cmd, threads);
    add_quiet_option(*validate_cmd, validate.quiet);
    validate_cmd->footer(validate_footer);
    return {validate_cmd, [=] { check_validate(*args, *positional_utrs); },
            [=](int argc, char** argv) { check_paths(*args); engine::run_validate(*args, recorded_command_line(argc, argv)); }};
}

}  // namespace mirhit::app
