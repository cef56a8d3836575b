#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/progress.hpp"
#include "io/byte_source.hpp"
#include "io/line_reader.hpp"
#include "scoring/duplex.hpp"
#include "scoring/energy_params.hpp"

namespace mirhit::io {

// One pair of sequences as ViennaRNA's RNAduplex reads them, with the FASTA header lines read
// before and between them, echoed before the pair's result.
struct rnaduplex_pair {
    std::string headers;        // ">NAME\n" per header line, in input order
    std::string first, second;  // upper case, T turned into U
};

// RNAduplex's input (2.7.1, get_input_line): one sequence per line, two per pair, first then
// second; lines starting with '>' are FASTA headers, echoed as '>' and their first word; empty
// lines and lines starting with '*' are skipped; a line starting with '@' ends the input; spaces
// and tabs at line ends are ignored. Stricter than RNAduplex, which folds anything: a sequence
// holds only A, C, G, U, T (either case), a header has a name and a sequence after it, and the
// sequences pair up; anything else throws input_error "FILE:LINE: problem".
class rnaduplex_reader {
public:
    explicit rnaduplex_reader(std::unique_ptr<byte_source> source);
    // The next pair; false at the end of the input.
    bool next(rnaduplex_pair& pair);

private:
    enum class line_kind { sequence, header, end };
    line_kind read_line();
    std::string next_sequence(std::string& headers);

    line_reader lines_;
    std::string line_;
    bool ended_ = false;
};

// RNAduplex's output line for a pair: the structure (first sequence's part with '(', '&', the
// second's with ')'), then " %3d,%-3d : %3d,%-3d (%5.2f)": the range of each part and the free
// energy in kcal/mol. Nothing pairing gives RNAduplex's ".&.   1,1   :   0,0   (100000.00)".
std::string rnaduplex_line(scoring::duplex_folder& folder, std::string_view first, std::string_view second);

// `mirhit duplex`: RNAduplex (default options) on each input in turn ("-" = standard input), as
// if run once per input, its output concatenated, byte for byte. Pairs are folded in parallel
// and written in input order to output (through a temporary file unless "-"); progress (pairs
// done) goes to standard error.
void run_rnaduplex(const std::vector<std::string>& inputs, const std::string& output, const scoring::energy_params& params,
                   progress_mode progress = progress_mode::quiet);

}  // namespace mirhit::io
