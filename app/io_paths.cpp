#include "app/io_paths.hpp"

namespace mirhit::app {

namespace {
void add_all(io::named_paths& to, const std::string& name, const std::vector<std::string>& paths) {
    for (const auto& p : paths) to.emplace_back(name, p);
}
void add_scores(io::named_paths& to, const engine::score_options& s) {
    to.insert(to.end(), {{"--ta", s.ta_file}, {"--orf", s.orf_file}, {"--isoforms", s.isoforms_file}, {"--pct", s.pct_file},
                         {"--alignments", s.alignments_file}, {"--mirna-families", s.mirna_families_file}});
}
}  // namespace

void check_paths(const engine::scan_request& args) {
    io::named_paths in{{"--mirna", args.mirna_file}, {"--energy-params", args.energy_params_file}, {"--index", args.index_file}};
    add_all(in, "UTR", args.utr_files);
    add_all(in, "--curated", args.curated_files);
    add_scores(in, args.score_inputs);
    io::check_outputs_distinct(in, {{"--output", args.output}, {"--gene-summary", args.gene_summary}, {"--claims", args.claims_file}});
}

void check_paths(const io::utrs_request& args) {
    io::check_outputs_distinct({{"--genbank", args.genbank}, {"--embl", args.embl}, {"--genome", args.genome}, {"--gtf", args.gtf}},
                               {{"--output", args.output}, {"--orfs", args.orfs}});
}

void check_paths(const engine::validate_request& args) {
    io::named_paths in{{"--mirna", args.mirna_file}, {"--energy-params", args.energy_params_file}, {"--index", args.index_file}};
    add_all(in, "UTR", args.utr_files);
    add_all(in, "--curated", args.extra_claims);
    add_scores(in, args.score_inputs);
    io::check_outputs_distinct(in, {{"--output", args.output}, {"--html", args.html}});
}

void check_paths(const engine::abundance_request& args) {
    io::named_paths in{{"--index", args.index}};
    add_all(in, "UTR", args.utr_files);
    io::check_outputs_distinct(in, {{"--output", args.output}});
}

void check_paths(const engine::merge_request& args) {
    io::named_paths in;
    add_all(in, "shard", args.shard_files);
    io::check_outputs_distinct(in, {{"--output", args.output}, {"--gene-summary", args.gene_summary}, {"--claims", args.claims}});
}

void check_paths(const engine::curated_request& args) {
    io::named_paths in;
    add_all(in, "--curated", args.extra_files);
    io::check_outputs_distinct(in, {{"--output", args.output}});
}

void check_paths(const io::targetscan_context_files& files) {
    io::check_outputs_distinct({{"miRNA file", files.mirnas}, {"UTR file", files.utrs}, {"targets file", files.targets},
                                {"ORF lengths file", files.orf_lengths}, {"ORF 8mer file", files.orf_8mers}, {"AIR file", files.airs}},
                               {{"output", files.output}});
}

}  // namespace mirhit::app
