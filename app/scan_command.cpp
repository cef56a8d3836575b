#include "app/command.hpp"
#include "app/io_paths.hpp"
#include "app/scan_help.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>

#include "core/site.hpp"
#include "core/text.hpp"
#include "engine/scan_request.hpp"
#include "io/site_writer.hpp"
#include "scoring/accessibility.hpp"

namespace mirhit::app {

namespace {

// --format: the site writer's formats, then counts (rows per record, miRNA and strand).
std::vector<std::string> format_names() {
    std::vector<std::string> names(io::output_format_names.begin(), io::output_format_names.end());
    names.emplace_back("counts");
    return names;
}

// The checks across options, after parsing.
// Non-canonical classes are not in the gene summary, which counts the canonical types.
void check_sites(const engine::scan_request& scan) {
    const bool noncanonical = std::any_of(scan.sites.begin(), scan.sites.end(), [](const std::string& name) {
        const auto type = parse_site_type(name);
        return name == "all" || (type && !is_canonical(*type));
    });
    if (noncanonical && !scan.gene_summary.empty())
        throw CLI::ValidationError("--sites", "non-canonical classes do not apply to --gene-summary, which counts the canonical types");
}

// --alignments: BL and PCT computed in-process, or read with --pct; not both.
void check_conservation(CLI::App& cmd, const engine::scan_request& scan) {
    const auto& in = scan.score_inputs;
    if (in.alignments_file.empty()) {
        for (const char* name : {"--pct-params", "--mirna-families"})
            if (cmd.count(name)) throw CLI::ValidationError(name, "needs --alignments");
        return;
    }
    if (!scan.index_file.empty())
        throw CLI::ValidationError("--alignments", "does not apply to --index: give the UTR files, or the alignments alone as the input");
    if (!in.pct_file.empty()) throw CLI::ValidationError("--alignments", "computes what --pct reads: give one or the other");
    std::error_code ec;
    if (!std::filesystem::is_directory(in.pct_params, ec))
        throw CLI::ValidationError("--pct-params", "'" + in.pct_params + "' is not a directory: --alignments needs TargetScan 7's "
                                   "PCT_parameters (trees and PCT coefficients), in the working directory or given with --pct-params DIR");
}

void check_scan(CLI::App& cmd, engine::scan_request& scan, const std::string& shard_text) {
    if (scan.utr_files.empty() && scan.index_file.empty() && scan.score_inputs.alignments_file.empty())
        throw CLI::ValidationError("scan", "needs UTR files, --index or --alignments");
    if (!scan.utr_files.empty() && !scan.index_file.empty()) throw CLI::ValidationError("--index", "replaces the UTR files: give one or the other");
    check_conservation(cmd, scan);
    if (!scan.gene_summary.empty() && same_output(scan.gene_summary, scan.output))
        throw CLI::ValidationError("--gene-summary", "'" + scan.gene_summary + "' is also the site output");
    const auto scoring_with = [&](std::string_view kind) { return engine::scores(scan, kind); };
    for (const auto& [name, value] : {std::pair{"--ta", &scan.score_inputs.ta_file}, {"--orf", &scan.score_inputs.orf_file}, {"--isoforms", &scan.score_inputs.isoforms_file}})
        if (!scoring_with("context++") && !value->empty())
            throw CLI::ValidationError(name, "needs --score context++");
    if (scan.genome_coords && scan.format != "bed")
        throw CLI::ValidationError("--genome-coords", "needs --format bed");
    check_sites(scan);
    if (scan.format == "counts" && !scan.score.empty())
        throw CLI::ValidationError("--score", "does not apply to --format counts, which counts sites without rows");
    if (scan.score.empty() && !scan.energy_params_file.empty())
        throw CLI::ValidationError("--energy-params", "needs --score duplex, access or context++");
    for (const char* name : {"--access-window", "--access-span", "--access-unpaired"})
        if (cmd.count(name) && !scoring_with("context++") && !scoring_with("access"))
            throw CLI::ValidationError(name, "needs --score context++ or access");
    if (scoring_with("context++") || scoring_with("access"))
        if (const auto why = scoring::check_access_model(scan.access); !why.empty())
            throw CLI::ValidationError("--access-window/--access-span/--access-unpaired", why);
    if (!shard_text.empty()) {
        scan.shard = *engine::parse_shard_spec(shard_text);  // checked by the parser
        if (std::find(scan.utr_files.begin(), scan.utr_files.end(), "-") != scan.utr_files.end())
            throw CLI::ValidationError("--shard", "cannot read standard input ('-'): every shard reads the input files themselves");
    }
}

}  // namespace

command add_scan_command(CLI::App& app, unsigned& threads) {
    auto args = std::make_shared<engine::scan_request>();
    auto& scan = *args;
    auto shard = std::make_shared<std::string>();
    std::string& shard_text = *shard;
    auto more_utrs = std::make_shared<std::vector<std::string>>();  // --utr
    const auto site_names = site_option_names();
    auto* scan_cmd = app.add_subcommand("scan", "Find every canonical miRNA site in 3'UTR sequences");
    auto* files = scan_cmd->add_option("utrs", scan.utr_files, "3'UTR FASTA files (plain or gzip; '-' = standard input)")->type_name("FILE");
    add_utr_option(*scan_cmd, *more_utrs);
    scan_cmd->add_option("--index", scan.index_file, "A mirhit index (mirhit index) instead of UTR files")->type_name("FILE")->excludes(files);
    scan_cmd->add_option("-m,--mirna-file", scan.mirna_file, "Mature miRNA FASTA, as miRBase's mature.fa (default: built-in human miRBase 22)")->type_name("FILE");
    add_hidden_alias(*scan_cmd, "--mirna", scan.mirna_file);
    scan_cmd->add_option("--species", scan.species, "Keep miRNAs whose name starts with this prefix and '-', e.g. hsa")->type_name("PREFIX");
    scan_cmd->add_option("--mirnas", scan.mirna_names, "Only these miRNAs (comma-separated names as written: hsa-miR-21-5p, miR-21, let-7a)")->delimiter(',')->type_name("NAMES");
    scan_cmd->add_option("--sites", scan.sites, "Site types to report (comma-separated; default: canonical): " + join(site_names, ",") +
                             " (canonical: the first five; all: every class)")
        ->delimiter(',')
        ->check(CLI::IsMember(site_names).description(""))
        ->type_name("TYPES");
    scan_cmd->add_option("-o,--output", scan.output, "Output file (default: standard output)")->type_name("FILE");
    scan_cmd->add_option("--format", scan.format, "Output format: tsv, bed, jsonl, or counts (sites per UTR, miRNA and strand)")->check(CLI::IsMember(format_names()).description(""))->type_name("FORMAT");
    scan_cmd->add_option("--gene-summary", scan.gene_summary, "Also write one row per gene and miRNA with site counts to this file")->type_name("FILE");
    scan_cmd->add_option("--score", scan.score, "Score sites (comma-separated, repeatable): context++ (TargetScan 7's model, from sequence, SA included), duplex (miRNA-UTR duplex free energy, as RNAduplex), access (dG_open of the 8 nt opposite miRNA nt 1-8; with duplex also ddG)")
        ->delimiter(',')
        ->check(CLI::IsMember({"context++", "duplex", "access"}).description(""))
        ->type_name("KINDS");
    scan_cmd->add_option("--energy-params", scan.energy_params_file, "ViennaRNA parameter file (.par, v2.0) for duplexes and accessibility (default: built-in Turner 2004)")->type_name("FILE");
    add_access_options(*scan_cmd, scan.access);
    scan_cmd->add_option("--ta", scan.score_inputs.ta_file, "Target-site abundance table for --score (mirhit abundance output or TargetScan's TA_SPS file; default: built-in)")->type_name("FILE");
    scan_cmd->add_option("--orf", scan.score_inputs.orf_file, "ORF sequences (FASTA, ids as the UTRs') for the Len_ORF and ORF8m terms of --score")->type_name("FASTA");
    scan_cmd->add_option("--isoforms", scan.score_inputs.isoforms_file, "3'UTR isoform ratios (TargetScan AIR file) for --score")->type_name("TSV");
    scan_cmd->add_option("--pct", scan.score_inputs.pct_file, "BL and PCT of sites from TargetScan's BL_PCT output (targetscan_70_output.BL_PCT.txt): bl and pct columns, and context++'s PCT term")->type_name("FILE");
    scan_cmd->add_option("--alignments", scan.score_inputs.alignments_file, "TargetScan's aligned UTRs (gene, species id, aligned UTR): BL and PCT computed in-process as with --pct; alone, also the UTRs")->type_name("FILE");
    scan_cmd->add_option("--pct-params", scan.score_inputs.pct_params, "TargetScan 7's PCT_parameters directory for --alignments (default: PCT_parameters)")->type_name("DIR");
    scan_cmd->add_option("--mirna-families", scan.score_inputs.mirna_families_file, "TargetScan's miR family file (family, seed, species ids) for --alignments (default: each seed family in every species of the alignments)")->type_name("FILE");
    scan_cmd->add_option("--pct-species", scan.score_inputs.pct_species, "Species id of the --pct rows, and the reference species of --alignments (default 9606, human)")->type_name("ID");
    scan_cmd->add_flag("--both-strands", scan.both_strands, "Also report sites on the reverse strand (genomic DNA); adds a strand column; with --score, scored on the reverse complement");
    scan_cmd->add_flag("--genome-coords", scan.genome_coords, "With --format bed: BED12 in genome coordinates, from the headers of 'mirhit utrs --genome --gtf'");
    scan_cmd->add_option("--curated", scan.curated_files, "Also mark sites of the claims in this table (see mirhit curated)")->type_name("TABLE");
    scan_cmd->add_flag("--no-builtin-claims", scan.no_builtin_claims, "Leave the built-in claims table out");
    add_hidden_flag_alias(*scan_cmd, "--no-builtin", scan.no_builtin_claims);
    scan_cmd->add_option("--claims", scan.claims_file, "Write one row per curated claim: its gene's UTRs in the input and the sites found")->type_name("FILE");
    scan_cmd->add_option("--chunk-size", scan.chunk_size, "Sequence bytes per parallel work item (advanced)")
        ->check(whole_number(16, std::uint64_t{1} << 30))
        ->type_name("BYTES");
    scan_cmd->add_option("--shard", shard_text, "Scan only the K-th of N slices of the input records; join the N outputs with mirhit merge")
        ->type_name("K/N")
        ->check(CLI::Validator(
            [](std::string& value) -> std::string {
                if (engine::parse_shard_spec(value)) return {};
                return "'" + value + "' is not K/N with 1 <= K <= N <= " + std::to_string(engine::max_shards) + " (such as 2/8)";
            },
            ""));
    add_threads_option(*scan_cmd, threads);
    add_quiet_option(*scan_cmd, scan.quiet);
    scan_cmd->footer(scan_footer);
    return {scan_cmd,
            [=] {
                join_utr_files(args->utr_files, *more_utrs);
                check_scan(*scan_cmd, *args, *shard);
            },
            [=](int argc, char** argv) {
                check_paths(*args);
                engine::run_scan(*args, recorded_command_line(argc, argv, args->shard.count ? &args->output_options : nullptr));
            }};
}

}  // namespace mirhit::app
