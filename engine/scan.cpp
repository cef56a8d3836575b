#include "engine/scan_request.hpp"

#include <optional>

#include "core/error.hpp"
#include "core/text.hpp"
#include "engine/scan_engine.hpp"
#include "engine/scan_outputs.hpp"
#include "io/byte_source.hpp"
#include "io/mirna_reader.hpp"
#include "scoring/duplex.hpp"

namespace mirhit::engine {

namespace {

mirna_set load_scan_mirnas(const scan_request& request, std::string& description) {
    mirna_set all = io::load_mirnas(request.mirna_file, request.species, description);
    if (all.empty()) throw input_error(description + ": no miRNAs");
    if (request.mirna_names.empty()) return all;
    return io::select_mirnas(all, request.mirna_names, description);
}

scan_job job_of(const scan_request& request, std::string& mirna_source) {
    scan_job job;
    job.mirnas = load_scan_mirnas(request, mirna_source);
    job.types = parse_sites(request.sites);
    job.utr_files = request.utr_files;
    job.index_file = request.index_file;
    job.chunk_size = request.chunk_size;
    job.shard = request.shard;
    job.scores = {scores(request, "context++"), scores(request, "duplex"), scores(request, "access")};
    job.energy_params_file = request.energy_params_file;
    job.access = request.access;
    job.score_inputs = request.score_inputs;
    job.both_strands = request.both_strands;
    job.genome_coords = request.genome_coords;
    // counts: '##' lines, column header and claims footer as tsv.
    job.counts = request.format == "counts";
    // A .gz output keeps pace with the scan when each batch is compressed on its worker.
    job.gzip_rows = !job.counts && request.output != "-" && io::compression_of_name(request.output) == io::compression::gzip;
    job.format = job.counts ? io::output_format::tsv : io::parse_output_format(request.format).value();  // checked by the parser
    job.gene_summary = !request.gene_summary.empty();
    job.claim_files = request.curated_files;
    job.builtin_claims = !request.no_builtin_claims;
    job.progress = progress_mode_for_stderr(request.quiet);
    return job;
}

std::string accessibility_text(const scan_request& request, const scan_engine& engine) {
    const auto& kinds = engine.job().scores;
    const auto& access = request.access;
    return "RNAplfold's model in-process (Bernhart et al. 2006; " + engine.energy_source() + ", 37 C, dangles d2): windows of " +
           std::to_string(access.window) + " nt, base pairs j - i <= " + std::to_string(access.max_span) +
           ", stretches up to " + std::to_string(access.max_unpaired) + " nt" +
           (kinds.context ? "; SA: the 14 nt ending opposite miRNA nt 1" : "") +
           (kinds.access ? "; dG_open = -RT ln P(the 8 nt opposite miRNA nt 1-8 unpaired), kcal/mol" : "") +
           (kinds.access && kinds.duplex ? "; ddG = duplex_dG + dG_open (PITA's ddG = dG_duplex - dG_open, Kertesz et al. 2007, whose dG_open is the negative of this cost)" : "");
}

// The '##' lines of every output of the scan.
io::run_metadata scan_metadata(const scan_request& request, const scan_engine& engine, const std::string& command_line,
                               const std::string& mirna_source) {
    const auto& job = engine.job();
    io::run_metadata meta{command_line,
                          {{"utrs", engine.input_description()},
                           {"mirnas", mirna_source + (request.species.empty() ? "" : ", species " + request.species) + "; scanned: " +
                                          std::to_string(job.mirnas.size()) + " miRNAs in " +
                                          std::to_string(job.mirnas.families().size()) + " seed families (nt 2-8)"},
                           {"sites", site_list(job.types)},
                           {"near_stop", "sites starting in the first " + std::to_string(near_stop_length) +
                                             " nt of a UTR are flagged"},
                           {"format", request.format},
                           {"strands", request.both_strands ? "both (reverse-strand sites in forward coordinates, strand -)" : "given (+)"},
                           {"claims", engine.claims_source() + "; matched on the UTR's gene symbol or its unique alias"}}};
    if (job.counts) meta.parameters.emplace_back("counts", "sites per UTR, miRNA and strand, by type; rows with sites only");
    if (job.scores.context)
        meta.parameters.emplace_back("score", engine.score_description() + (job.types.noncanonical() ? "; non-canonical sites: context++ NA "
                                                                                                       "(the model is fitted on canonical sites only)" : ""));
    if (job.scores.context || job.scores.access) meta.parameters.emplace_back("accessibility", accessibility_text(request, engine));
    if (request.genome_coords)
        meta.parameters.emplace_back("coordinates", "genome, from the UTR headers' chrom=, strand= and exons=; BED12, one block per "
                                                    "exon a site touches");
    if (job.scores.duplex)
        meta.parameters.emplace_back("duplex", "minimum free energy of the miRNA-UTR duplex, " +
                                                   scoring::duplex_description(engine.energy_source()));
    if (request.shard.count != 0)
        meta.parameters.emplace_back("shard", format_shard_header({request.shard, engine.slice(), request.output_options}));
    return meta;
}

}  // namespace

site_type_set parse_sites(const std::vector<std::string>& names) {
    if (names.empty()) return site_type_set::all();
    site_type_set set;
    for (const auto& name : names) {  // names checked by the parser
        if (name == "canonical")
            set = set | site_type_set::all();
        else if (name == "all")
            set = set | site_type_set::every();
        else
            set.insert(parse_site_type(name).value());
    }
    return set;
}

std::string site_list(site_type_set types) {
    std::vector<std::string> names;
    for (std::size_t t = 0; t < any_site_type_count; ++t)
        if (types.contains(static_cast<site_type>(t))) names.emplace_back(any_site_type_names[t]);
    return join(names, ",");
}

void run_scan(const scan_request& request, const std::string& command_line) {
    std::string mirna_source;
    scan_engine engine(job_of(request, mirna_source));
    const auto& job = engine.job();
    const auto meta = scan_metadata(request, engine, command_line, mirna_source);
    const bool sharded = request.shard.count != 0;
    const auto tsv_preamble = io::format_preamble(io::output_format::tsv, meta);
    row_output rows(request.output, job.format, io::format_preamble(job.format, meta), engine.column_header(), engine.marks(),
                    sharded);
    claim_tally_consumer tally(engine.marks());
    std::vector<scan_consumer*> consumers = {&tally};
    std::optional<gene_summary_output> summary;
    if (job.gene_summary) consumers.push_back(&summary.emplace(request.gene_summary, job.mirnas, tsv_preamble, job.scores.context, sharded));
    std::optional<claims_table_output> claims;
    if (!request.claims_file.empty()) consumers.push_back(&claims.emplace(request.claims_file, tsv_preamble, engine.marks(), sharded));
    consumers.push_back(&rows);  // last: committed after the other outputs
    engine.run(consumers);
}

}  // namespace mirhit::engine
