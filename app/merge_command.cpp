#include "app/command.hpp"

#include <memory>
#include <utility>

#include "engine/shard_merge.hpp"

namespace mirhit::app {

namespace {

constexpr const char* merge_footer = R"(
Synopsis:
  mirhit merge [-o OUT] [--gene-summary GENES] [--claims CLAIMS] SHARD_FILE...

Joins the outputs of 'mirhit scan --shard K/N' (K = 1..N, in any order; plain or gzip) into
exactly the files one unsharded scan with the same options writes: site outputs (tsv, bed,
jsonl or counts) into OUT, the shards' --gene-summary files into GENES (genes split across shards joined,
ranks and percentiles among all genes), their --claims files into CLAIMS; give any of these
kinds, each for all N shards. The '##' lines are the single run's: no '## shard:' line, and the
shards' -o, --gene-summary and --claims replaced by this merge's (left out for standard output
or an output not merged). Fails naming the file when a shard is missing, given twice, or from
another run (other options or input).

Example:
  for k in 1 2 3; do
    mirhit scan examples/utrs.fa --shard $k/3 -o part$k.tsv --gene-summary genes$k.tsv
  done
  mirhit merge -o sites.tsv --gene-summary genes.tsv part?.tsv genes?.tsv
  mirhit scan examples/utrs.fa -o sites.tsv --gene-summary genes.tsv   # the same files
)";

// No output may be a shard file or another output.
void check_merge(const engine::merge_request& merge) {
    const std::vector<std::pair<const char*, const std::string*>> outputs = {
        {"--output", &merge.output}, {"--gene-summary", &merge.gene_summary}, {"--claims", &merge.claims}};
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        const auto& [name, path] = outputs[i];
        if (path->empty()) continue;
        for (const auto& file : merge.shard_files)
            if (same_output(*path, file)) throw CLI::ValidationError(name, "'" + *path + "' is also a shard file");
        for (std::size_t j = i + 1; j < outputs.size(); ++j)
            if (!outputs[j].second->empty() && *outputs[j].second != "-" && same_output(*path, *outputs[j].second))
                throw CLI::ValidationError(outputs[j].first, "'" + *outputs[j].second + "' is also the " + name + " file");
    }
}

}  // namespace

command add_merge_command(CLI::App& app) {
    auto args = std::make_shared<engine::merge_request>();
    auto& merge = *args;
    auto* merge_cmd = app.add_subcommand("merge", "Join the outputs of scan --shard K/N into the unsharded output");
    merge_cmd->add_option("shards", merge.shard_files, "The N outputs of one 'mirhit scan --shard K/N' run, in any order")
        ->required()
        ->type_name("SHARD_FILE");
    merge_cmd->add_option("-o,--output", merge.output, "The merged site output (default: standard output)")->type_name("FILE");
    merge_cmd->add_option("--gene-summary", merge.gene_summary, "The merged gene summary, from the shards' --gene-summary files")->type_name("FILE");
    merge_cmd->add_option("--claims", merge.claims, "The merged claims table, from the shards' --claims files")->type_name("FILE");
    merge_cmd->footer(merge_footer);
    return {merge_cmd, [=] { check_merge(*args); }, [=](int, char**) { engine::run_merge(*args); }};
}

}  // namespace mirhit::app
