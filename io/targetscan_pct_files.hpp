#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/progress.hpp"
#include "core/targetscan70.hpp"
#include "io/score_inputs.hpp"
#include "scoring/targetscan_pct.hpp"

namespace mirhit::io {

struct targetscan_pct_options {
    std::string params_dir = "PCT_parameters";  // TargetScan's trees and PCT coefficients
    bool fixed = false;
    unsigned threads = 0;  // 0 = all cores; only sizes the pipeline, the caller limits the pool
    progress_mode progress = progress_mode::quiet;  // progress on standard error
};

// Reads TargetScan's PCT_parameters directory (options.params_dir): the generic and the ten bin
// trees and the PCT coefficients, for targetscan_pct::conserve_gene (BL and PCT in-process).
targetscan_pct::pct_model load_pct_model(const targetscan_pct_options& options);

// The UTR of one aligned gene in the reference species: its row without gaps ('-').
struct reference_utr {
    std::string gene, sequence;
    std::uint64_t line = 0;  // of the row, in the aligned UTR file
};

// What `mirhit scan --alignments` takes from an aligned UTR file (as for targetscan_70.pl).
struct aligned_conservation {
    // The BL and PCT of every site of `species`, computed in-process as `targetscan` then
    // `targetscan-bl-bins` and `targetscan-bl-pct` would compute them, as read_conservation reads
    // their BL_PCT output.
    conservation_table sites;
    std::vector<reference_utr> utrs;      // genes with letters of `species`, in file order
    std::uint64_t genes = 0;
    std::vector<std::string> without_species;  // genes without letters of `species`
};
// A gene whose rows are not all adjacent (given in two blocks) stops the run with FILE:LINE: its
// UTR would be two records of one id. A species given twice in a gene counts with its last row.
aligned_conservation conservation_from_alignments(const std::string& utr_file, const targetscan70::family_table& families,
                                                  const targetscan_pct::pct_model& model, std::string_view species);
// The species ids of an aligned UTR file, sorted (consensus rows, species "" or 0, left out).
std::vector<std::string> alignment_species(const std::string& utr_file);

// `mirhit targetscan-bl-bins`: targetscan_70_BL_bins.pl's output for the same aligned UTR file,
// byte for byte: per gene (adjacent rows with one gene id) the median BL of the human UTR's
// columns on PARAMS/Tree.generic.txt and its bin (1-10). Genes are computed in parallel and
// written in file order (output "-" = standard output). A gene without human (9606) letters gets
// the original's empty median and bin 1, and species not in the tree are ignored; both are said
// once on standard error. fixed: species of the tree outside TargetScan 7's 84 are used too.
void run_targetscan_bl_bins(const std::string& utr_file, const std::string& output,
                            const targetscan_pct_options& options);

struct targetscan_bl_pct_files {
    std::string families;  // miR family file: family, seed (nt 2-8), ...
    std::string targets;   // targetscan_70.pl's output
    std::string bins;      // targetscan_70_BL_bins.pl's output
    std::string output;
};

// `mirhit targetscan-bl-pct`: targetscan_70_BL_PCT.pl's output, byte for byte. The targets are
// sorted in memory as `sort -k8,8n` sorts them in the C locale (unless the file's name contains
// "sort", as in the original); no NAME.sort.txt is written or read. Sites of the families in the
// family file get the BL of their group's species with their site type on the tree of their gene's
// bin (PARAMS/Tree.bin_NN.txt), the PCT from PARAMS/*_PCT_parameters.txt when the seed has
// coefficients and the site overlaps no ORF, and "x" when the BL reaches the site type's
// threshold. A gene missing from the bins file, a malformed row or tree stops the run with
// FILE:LINE. fixed: always sort, no trailing tab on the rows of other families, every species of
// the trees used.
void run_targetscan_bl_pct(const targetscan_bl_pct_files& files, const targetscan_pct_options& options);

}  // namespace mirhit::io
