#include "app/command.hpp"

#include <memory>
#include <string>
#include <vector>

#include "io/rnaduplex_format.hpp"
#include "scoring/energy_params.hpp"

namespace mirhit::app {

namespace {

struct duplex_args {
    std::vector<std::string> inputs{"-"};  // "-" is standard input
    std::string output = "-";
    std::string energy_params_file;  // empty: built-in Turner 2004
    bool quiet = false;
};

constexpr const char* duplex_footer = R"(
Synopsis:
  mirhit duplex [--energy-params FILE] [-o FILE] [--quiet] [INPUT ...]

Drop-in for ViennaRNA's RNAduplex (2.7.1, default options: Turner 2004 at 37 C, dangles d2):
the minimum free energy duplex of each pair of sequences, intermolecular pairs only. Reads
INPUT files (plain or gzip) or, without any or for '-', standard input, each as RNAduplex reads
standard input: one sequence per line, two lines per pair (first, then second); FASTA header
lines ('>NAME ...') are echoed as '>NAME'; empty lines and lines starting with '*' are skipped,
a line starting with '@' ends that input. Writes what RNAduplex writes, byte for byte: per pair
its header lines, then the structure (first sequence's part with '(', '&', the second's with
')'), the 1-based ranges of the two parts and the free energy in kcal/mol:
  .((((((.....((((((((.&))))))))......)))))).  14,34  :   1,21  (-11.70)
Unlike RNAduplex, it stops with FILE:LINE and exit 1 on a sequence letter other than A, C, G,
U, T (either case), on a header without a sequence, and on an odd number of sequences. Pairs
are folded in parallel; the output is the same for any --threads. No '##' lines (RNAduplex
writes none).

Example:
  printf '>site\nAGAAAUUUACUCCGAACGUUGAAAAAUAAGCUAGUUCACA\n>miR-21\nUAGCUUAUCAGACUGAUGUUGA\n' |
      mirhit duplex
  mirhit duplex pairs.txt --energy-params rna_turner1999.par -o duplexes.txt
)";

}  // namespace

command add_duplex_command(CLI::App& app, unsigned& threads) {
    auto args = std::make_shared<duplex_args>();
    auto* cmd = app.add_subcommand("duplex", "Drop-in for ViennaRNA's RNAduplex: duplex structure and free energy of sequence pairs");
    cmd->add_option("inputs", args->inputs, "Pairs of sequences, as RNAduplex reads them (plain or gzip; default and '-' = standard input)")
        ->type_name("INPUT");
    cmd->add_option("--energy-params", args->energy_params_file, "ViennaRNA parameter file (.par, v2.0) (default: built-in Turner 2004)")->type_name("FILE");
    cmd->add_option("-o,--output", args->output, "Output file (default: standard output)")->type_name("FILE");
    add_threads_option(*cmd, threads);
    add_quiet_option(*cmd, args->quiet);
    cmd->footer(duplex_footer);
    return {cmd, {}, [=](int, char**) {
                const scoring::energy_choice energy(args->energy_params_file);
                io::run_rnaduplex(args->inputs, args->output, energy.params(), progress_mode_for_stderr(args->quiet));
            }};
}

}  // namespace mirhit::app
