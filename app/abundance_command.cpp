#include "app/command.hpp"
#include "app/io_paths.hpp"

#include <memory>

#include "engine/abundance.hpp"

namespace mirhit::app {

namespace {

constexpr const char* abundance_footer = R"(
Synopsis:
  mirhit abundance [--both-strands] [-o FILE] SEQ.fa [SEQ2.fa.gz ...]
  mirhit abundance [--both-strands] [-o FILE] --index INDEX.mhx

Target-site abundance (TA, Garcia et al. 2011) of every seed (miRNA nt 2-8): how many 8mer,
7mer-m8 and 7mer-A1 sites it has in the sequences, as a count and on TargetScan 7's log10
scale. Run it on a whole 3'UTRome to get the TA that context++ scores use (--ta).
--both-strands also counts the reverse complement, for genomic DNA. --index reads the counts
stored in a mirhit index (mirhit index) instead: the same output, the '##' sequences line naming
the index.

Example:
  mirhit abundance human_3utrs.fa.gz -o ta.tsv
)";

}  // namespace

command add_abundance_command(CLI::App& app, unsigned& threads) {
    auto args = std::make_shared<engine::abundance_request>();
    auto& abundance = *args;
    auto more = std::make_shared<std::vector<std::string>>();  // --utr
    auto* abundance_cmd = app.add_subcommand("abundance", "Count the sites of every seed in a sequence set (target-site abundance)");
    auto* files = abundance_cmd->add_option("sequences", abundance.utr_files, "FASTA files (plain or gzip; '-' = standard input)")->type_name("FILE");
    abundance_cmd->add_option("--index", abundance.index, "A mirhit index (mirhit index) instead of FASTA files")->type_name("FILE")->excludes(files);
    add_utr_option(*abundance_cmd, *more);
    abundance_cmd->add_option("-o,--output", abundance.output, "Output file (default: standard output)")->type_name("FILE");
    abundance_cmd->add_flag("--both-strands", abundance.both_strands, "Also count the reverse complement (genomic DNA)");
    add_threads_option(*abundance_cmd, threads);
    add_quiet_option(*abundance_cmd, abundance.quiet);
    abundance_cmd->footer(abundance_footer);
    auto check = [=] {
        join_utr_files(args->utr_files, *more);
        if (args->utr_files.empty() && args->index.empty()) throw CLI::ValidationError("abundance", "needs FASTA files or --index");
    };
    return {abundance_cmd, check, [=](int argc, char** argv) {
        check_paths(*args);
        engine::run_abundance(*args, recorded_command_line(argc, argv));
    }};
}

}  // namespace mirhit::app
