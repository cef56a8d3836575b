#include "app/cli.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <oneapi/tbb/global_control.h>

#include "app/abundance_command.hpp"
#include "app/curated_command.hpp"
#include "app/index_command.hpp"
#include "app/merge_command.hpp"
#include "app/scan_args.hpp"
#include "app/scan_command.hpp"
#include "app/shard.hpp"
#include "app/utrs_command.hpp"
#include "app/validate_command.hpp"
#include "app/version_text.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "io/targetscan_context_files.hpp"
#include "io/targetscan_files.hpp"
#include "io/utr_index.hpp"
#include "mirhit/version.hpp"

namespace mirhit::app {

namespace {

constexpr const char* scan_footer = R"(
Synopsis:
  mirhit scan [options] UTR.fa [UTR2.fa.gz ...]

Finds every canonical site (8mer, 7mer-m8, 7mer-A1, 6mer, offset-6mer; TargetScan 7
definitions) of every miRNA in the 3'UTRs, one output row per site and mature miRNA, in input
order. FASTA input may be gzipped; '-' reads standard input. Without --mirna, the built-in
2,656 human mature miRNAs of miRBase 22 are used.

--score takes a comma-separated list of score kinds, and may be repeated.
With --score context++ every 8mer, 7mer-m8, 7mer-A1 and 6mer site gets TargetScan 7's context++
score and each term's raw value and contribution; --orf, --isoforms, --pct and --ta add or
replace inputs, and the '## score:' line says which terms were used. Its SA term (site
accessibility) comes from mirhit's own RNAplfold: windows of 80 nt, base pairs spanning at most
40 nt (TargetScan's RNAplfold -W 80 -L 40), folded only around the sites (equal to folding the whole UTR).
With --score duplex every site gets the minimum free energy of the miRNA-UTR duplex (duplex_dG,
kcal/mol; hybridisation only, equal to ViennaRNA's RNAduplex: Turner 2004 at 37 C, dangles d2)
and its structure (duplex_structure: miRNA&UTR dot-brackets as RNAduplex writes them, then the
paired ranges MIRNA_FROM,MIRNA_TO:UTR_FROM,UTR_TO). It is folded on a 40-nt window of the UTR:
from 32 nt 5' of the nucleotide facing miRNA nt 1 to 7 nt 3' of it (cut at the UTR's ends), room
for the miRNA's 3' half to pair upstream of the seed match.
With --score access every site gets dG_open, the free energy of opening it: -RT ln P(the 8 nt
opposite miRNA nt 1-8 are unpaired), kcal/mol, from the same RNAplfold model; with duplex too,
also PITA's ddG = duplex_dG + dG_open (PITA writes dG_duplex - dG_open with dG_open <= 0). --access-window, --access-span and --access-unpaired change
the accessibility model (SA included). --energy-params reads another parameter set in
ViennaRNA's .par format (e.g. rna_turner1999.par) for duplexes and accessibility.
With --both-strands, --score scores a reverse-strand site on the record's reverse complement
(the sequence read on the minus strand, with the record's --orf, --isoforms and --pct inputs):
its position, UTR length, Min_dist, local AU, 3' pairing, SA, duplex and dG_open are those of
that strand; the row gives forward-strand start and end with strand '-', and the UTR ranges of
duplex_structure count along the minus strand.

With --format bed --genome-coords, UTRs written by 'mirhit utrs --genome --gtf' give BED12 in
genome coordinates (chrom=, strand= and exons= of each header): a site across an exon junction
has one block per exon, minus-strand transcripts are mapped back onto the forward strand, the
name is mirna:site_type:gene:transcript.

--format counts writes one row per UTR (or chromosome), miRNA and strand with sites, the number
of sites of each requested type, their sum and the curated claims on the pair: what a genome or
a whole transcriptome scan for every miRNA is usually wanted for, in a file that does not grow
with the sites (a 3 Gb genome has over a billion). 8mer and 7mer counts of long records are
read off tallies of their 8-mers, several times faster than finding the sites one by one.

--shard K/N scans only the K-th of N contiguous slices of the input records (after a quick
pass that counts them), for N machines or jobs; 'mirhit merge' joins the N outputs into this
command's output without --shard (see mirhit merge --help).

Example:
  mirhit scan examples/utrs.fa --mirnas hsa-miR-21-5p,hsa-miR-221-3p -o sites.tsv \
      --gene-summary genes.tsv
  mirhit scan examples/utrs.fa.gz --score context++ --orf examples/orfs.fa -o scored.tsv
  mirhit scan examples/utrs.fa --mirnas hsa-miR-21-5p --score context++,duplex,access -o scored.tsv
  mirhit scan examples/genome.fa --both-strands --mirnas hsa-miR-21-5p --score context++ -o both.tsv
  mirhit utrs --genome examples/genome.fa --gtf examples/genome.gtf |
      mirhit scan - --format bed --genome-coords -o sites.bed
  mirhit scan examples/utrs.fa --shard 2/3 -o part2.tsv
  mirhit scan examples/genome.fa --both-strands --sites 8mer,7mer-m8,7mer-A1 --format counts -o counts.tsv
)";

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

constexpr const char* curated_footer = R"(
Synopsis:
  mirhit curated [--mirna NAME] [--gene NAME] [--curated TABLE ...] [--no-builtin] [-o FILE]

Prints the curated table of published metastasis miRNA -> target claims (built in, from the
review articles in the project's seed documents), one row per claim with the miRNA and gene as
written and normalised, the stated effect, cancer type, cell source, organ or process, the cited
paper and a quote. --mirna and --gene filter by names as biologists write them (miR-21,
hsa-mir-21, let-7a, ZO-1, VE-cadherin): the ## lines say how each name was resolved.
--curated adds rows from your own table (same 14 columns); --no-builtin leaves the built-in out.

Example:
  mirhit curated --gene ZO-1
  mirhit curated --mirna miR-21 -o mir21_claims.tsv
)";

constexpr const char* validate_footer = R"(
Synopsis:
  mirhit validate MIRNA GENE --utr UTR.fa [--utr UTR2.fa.gz ...] [options]
  mirhit validate --curated-all --utr UTR.fa [options]

Checks a claimed miRNA -> target pair against the 3'UTR sequences: for every UTR of the gene,
each site (type, position, sequence, context++ score, TargetScan's pairing diagram, and the
miRNA-UTR duplex as `scan --score duplex` computes it: free energy, structure and a four-line
RNAhybrid-style diagram), the gene's rank among
the input's genes by total context++ for the miRNA, the curated claims on the pair with their
citations, and a verdict. MIRNA and GENE are names as biologists write them (miR-21, let-7a,
VE-cadherin, HAI-1); an ambiguous miRNA name or one without arm validates every candidate.
Rank and percentile are among all genes of the input, so give the whole 3'UTRome for
meaningful ranks. --curated-all checks every curated claim and prints one row per claim whose
gene has a UTR in the input; the others are listed in the '## not_in_input' line. --html
writes a self-contained report (no scripts, no external files) with a map of each UTR.

Example:
  mirhit validate miR-103 VE-cadherin --utr examples/utrs.fa
  mirhit validate --curated-all --utr examples/utrs.fa --orf examples/orfs.fa --html report.html
)";

constexpr const char* targetscan_footer = R"(
Synopsis:
  mirhit targetscan FAMILY_FILE UTR_FILE OUTPUT_FILE [--threads N]

Drop-in for TargetScan 7's targetscan_70.pl: reads its miR family file (family, seed nt 2-8,
species ids) and aligned UTR file (gene, species id, aligned sequence) and writes the same
14-column output, byte for byte. Unlike the original it never asks before overwriting and
runs on all cores.

Example:
  mirhit targetscan miR_Family_info_sample.txt UTR_Sequences_sample.txt targetscan_70_output.txt
)";

constexpr const char* targetscan_context_footer = R"(
Synopsis:
  mirhit targetscan-context MIRNA UTR BL_PCT ORF_LENGTHS ORF_8MERS AIRS OUTPUT [--fixed] [--threads N]

Drop-in for TargetScan 7's targetscan_70_context_scores.pl: the context++ scores of the sites in
targetscan_70.pl's output with branch lengths and PCT (BL_PCT), in the same 37 columns. The AIR
file, fixed as All_cell_lines.AIRs.txt in the original, is named here. Agarwal_2015_parameters.txt
and TA_SPS_by_seed_region.txt are read from the working directory when present; otherwise
mirhit's context++ coefficients, built-in TA and computed SPS are used. SA (site accessibility)
is computed in-process with RNAplfold's model and TargetScan's settings (windows of 80 nt, base
pairs spanning at most 40 nt, 14 nt opened), so no RNAplfold is needed. The original's quirks are
kept so that scores can be compared; --fixed counts offset 6mers, ends the 6mer SA stretch opposite
miRNA nt 1 and leaves missing AIRs and ORF lengths out instead of scoring them as 0.

Example:
  mirhit targetscan-context miR_for_context_scores.sample.txt UTR_Sequences_sample.txt \
      targetscan_70_output.BL_PCT.txt ORF_Sequences_sample.lengths.txt ORF_8mer_counts_sample.txt \
      All_cell_lines.AIRs.txt Targets.BL_PCT.context_scores.txt
)";

constexpr const char* utrs_footer = R"(
Synopsis:
  mirhit utrs --genbank FILE [-o OUT.fa]
  mirhit utrs --genome GENOME.fa --gtf ANNOTATION.gtf [--one-per-gene] [-o OUT.fa]

Writes 3'UTR sequences as FASTA, from annotations. Inputs may be gzipped.

--genbank: every mRNA record of a GenBank flat file (such as RefSeq's human.*.rna.gbff.gz;
'-' reads standard input), the bases after the end of the record's CDS, with the header
'>ACCESSION.VERSION gene=SYMBOL cds_end=N utr_length=N'. Records with no CDS or several, a CDS
on the minus strand, in other records or with a partial 3' end, and those with an empty 3'UTR
are left out and counted in a note on standard error.

--genome and --gtf: every transcript of a GENCODE or Ensembl GTF with a 3'UTR (Ensembl's
three_prime_utr features, or GENCODE's UTR features past the stop codon), its pieces spliced in
transcript order and reverse-complemented on the minus strand, with the header
'>TRANSCRIPT_ID gene=GENE_NAME chrom=CHR strand=+/- exons=START-END,...' (1-based genomic).
--one-per-gene keeps the longest 3'UTR of each gene (the first of equally long ones).
'mirhit scan --format bed --genome-coords' reads these headers to write sites as BED12 on
the genome.

Example:
  mirhit utrs --genbank human.1.rna.gbff.gz -o human_3utrs.fa
  mirhit utrs --genome GRCh38.primary_assembly.genome.fa.gz --gtf gencode.v46.annotation.gtf.gz \
      --one-per-gene -o gencode_3utrs.fa
)";

bool is_threads_option(const std::string& arg) { return arg == "-t" || arg == "--threads"; }

// The command line as recorded in outputs. --threads is left out: it cannot change the output.
// For a shard (output_options set), --shard is left out too, so that the shards' outputs record
// the single run's command line, and *output_options gets the recorded text of every output
// option (-o, --gene-summary, --claims), which mirhit merge replaces by its own outputs.
std::string recorded_command_line(int argc, char** argv, std::vector<std::string>* output_options = nullptr) {
    std::string out = "mirhit";
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (is_threads_option(arg) || (output_options && arg == "--shard")) {
            ++i;
            continue;
        }
        if (arg.starts_with("--threads=") || (arg.starts_with("-t") && arg.size() > 2 && arg[2] != '-')) continue;
        if (output_options && arg.starts_with("--shard=")) continue;
        std::string word = shell_quote(arg);
        if (output_options && output_of_option(arg)) {
            if (arg == "-o" || arg == "--output" || arg == "--gene-summary" || arg == "--claims")
                if (i + 1 < argc) word += " " + shell_quote(argv[++i]);
            output_options->push_back(word);
        }
        out += " " + word;
    }
    return out;
}

// Accepts a whole number in [low, high], with a message that says so.
CLI::Validator whole_number(std::uint64_t low, std::uint64_t high) {
    auto text = "a whole number from " + std::to_string(low) + " to " + std::to_string(high);
    return CLI::Validator(
        [=](std::string& value) -> std::string {
            std::uint64_t n = 0;
            auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
            if (ec != std::errc() || end != value.data() + value.size() || n < low || n > high)
                return "'" + value + "' is not " + text;
            return {};
        },
        "INT in [" + std::to_string(low) + " - " + std::to_string(high) + "]");
}

// Whether two output arguments name the same file ("-" is standard output; /dev/null and other
// devices may take both).
bool same_output(const std::string& a, const std::string& b) {
    if (a == "-" || b == "-") return a == b;
    std::error_code ec;
    if (std::filesystem::exists(a, ec) && !std::filesystem::is_regular_file(a, ec)) return false;
    // absolute() first: libstdc++ leaves a relative path with no existing part as it is.
    auto canonical = [&](const std::string& p) { return std::filesystem::weakly_canonical(std::filesystem::absolute(p, ec), ec); };
    return canonical(a) == canonical(b);
}

void add_threads_option(CLI::App& command, unsigned& threads) {
    command.add_option("-t,--threads", threads, "Worker threads (default: all cores); output is the same for any number")
        ->check(whole_number(1, 4096));
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"mirhit " + std::string(version) + ": fast, exact microRNA target-site prediction", "mirhit"};
    app.set_version_flag("--version", version_text());
    app.require_subcommand(1);
    app.footer("\nRun 'mirhit COMMAND --help' for a command's options and a worked example.");

    scan_args scan;
    unsigned threads = 0;
    auto* scan_cmd = app.add_subcommand("scan", "Find every canonical miRNA site in 3'UTR sequences");
    scan_cmd->add_option("utrs", scan.utr_files, "3'UTR FASTA files (plain or gzip; '-' = standard input)")->required()->type_name("FILE");
    scan_cmd->add_option("-m,--mirna", scan.mirna_file, "Mature miRNA FASTA, as miRBase's mature.fa (default: built-in human miRBase 22)")->type_name("FILE");
    scan_cmd->add_option("--species", scan.species, "Keep miRNAs whose name starts with this prefix and '-', e.g. hsa")->type_name("PREFIX");
    scan_cmd->add_option("--mirnas", scan.mirna_names, "Only these miRNAs (comma-separated names)")->delimiter(',')->type_name("NAMES");
    scan_cmd->add_option("--sites", scan.sites, "Site types to report (comma-separated; default: all): 8mer,7mer-m8,7mer-A1,6mer,offset-6mer")
        ->delimiter(',')
        ->check(CLI::IsMember({"8mer", "7mer-m8", "7mer-A1", "6mer", "offset-6mer"}));
    scan_cmd->add_option("-o,--output", scan.output, "Output file (default: standard output)")->type_name("FILE");
    scan_cmd->add_option("--format", scan.format, "Output format: tsv, bed, jsonl, or counts (sites per UTR, miRNA and strand)")->check(CLI::IsMember({"tsv", "bed", "jsonl", "counts"}));
    scan_cmd->add_option("--gene-summary", scan.gene_summary, "Also write one row per gene and miRNA with site counts to this file")->type_name("FILE");
    scan_cmd->add_option("--score", scan.score, "Score sites (comma-separated, repeatable): context++ (TargetScan 7's model, from sequence, SA included), duplex (miRNA-UTR duplex free energy, as RNAduplex), access (dG_open of the 8 nt opposite miRNA nt 1-8; with duplex also ddG)")
        ->delimiter(',')
        ->check(CLI::IsMember({"context++", "duplex", "access"}))
        ->type_name("KINDS");
    scan_cmd->add_option("--energy-params", scan.energy_params_file, "ViennaRNA parameter file (.par, v2.0) for duplexes and accessibility (default: built-in Turner 2004)")->type_name("FILE");
    scan_cmd->add_option("--access-window", scan.access.window, "Accessibility (SA, access): RNAplfold window W in nt (default 80, TargetScan's)")->check(CLI::Range(5, 400))->type_name("NT");
    scan_cmd->add_option("--access-span", scan.access.max_span, "Accessibility: longest base pair, j - i (default 40: RNAplfold -L 41 today, -L 40 before ViennaRNA 2.4)")->check(CLI::Range(4, 399))->type_name("NT");
    scan_cmd->add_option("--access-unpaired", scan.access.max_unpaired, "Accessibility: longest unpaired stretch computed, u (default 20; SA needs 14, access 8)")->check(CLI::Range(1, 100))->type_name("NT");
    scan_cmd->add_option("--ta", scan.score_inputs.ta_file, "Target-site abundance table for --score (mirhit abundance output or TargetScan's TA_SPS file; default: built-in)")->type_name("FILE");
    scan_cmd->add_option("--orf", scan.score_inputs.orf_file, "ORF sequences (FASTA, ids as the UTRs') for the Len_ORF and ORF8m terms of --score")->type_name("FASTA");
    scan_cmd->add_option("--isoforms", scan.score_inputs.isoforms_file, "3'UTR isoform ratios (TargetScan AIR file) for --score")->type_name("TSV");
    scan_cmd->add_option("--pct", scan.score_inputs.pct_file, "PCT of sites from TargetScan's BL_PCT output (targetscan_70_output.BL_PCT.txt) for --score")->type_name("FILE");
    scan_cmd->add_option("--pct-species", scan.score_inputs.pct_species, "Species id of the --pct rows to use (default 9606, human)")->type_name("ID");
    scan_cmd->add_flag("--both-strands", scan.both_strands, "Also report sites on the reverse strand (genomic DNA); adds a strand column; with --score, scored on the reverse complement");
    scan_cmd->add_flag("--genome-coords", scan.genome_coords, "With --format bed: BED12 in genome coordinates, from the headers of 'mirhit utrs --genome --gtf'");
    scan_cmd->add_option("--curated", scan.curated_files, "Also mark sites of the claims in this table (see mirhit curated)")->type_name("TABLE");
    scan_cmd->add_flag("--no-builtin-claims", scan.no_builtin_claims, "Leave the built-in claims table out");
    scan_cmd->add_option("--claims", scan.claims_file, "Write one row per curated claim: its gene's UTRs in the input and the sites found")->type_name("FILE");
    scan_cmd->add_option("--chunk-size", scan.chunk_size, "Sequence bytes per parallel work item (advanced)")
        ->check(whole_number(16, std::uint64_t{1} << 30));
    std::string shard_text;
    scan_cmd->add_option("--shard", shard_text, "Scan only the K-th of N slices of the input records; join the N outputs with mirhit merge")
        ->type_name("K/N")
        ->check(CLI::Validator(
            [](std::string& value) -> std::string {
                if (parse_shard_spec(value)) return {};
                return "'" + value + "' is not K/N with 1 <= K <= N <= " + std::to_string(max_shards) + " (such as 2/8)";
            },
            "K/N"));
    add_threads_option(*scan_cmd, threads);
    scan_cmd->footer(scan_footer);

    merge_args merge;
    auto* merge_cmd = app.add_subcommand("merge", "Join the outputs of scan --shard K/N into the unsharded output");
    merge_cmd->add_option("shards", merge.shard_files, "The N outputs of one 'mirhit scan --shard K/N' run, in any order")
        ->required()
        ->type_name("SHARD_FILE");
    merge_cmd->add_option("-o,--output", merge.output, "The merged site output (default: standard output)")->type_name("FILE");
    merge_cmd->add_option("--gene-summary", merge.gene_summary, "The merged gene summary, from the shards' --gene-summary files")->type_name("FILE");
    merge_cmd->add_option("--claims", merge.claims, "The merged claims table, from the shards' --claims files")->type_name("FILE");
    merge_cmd->footer(merge_footer);

    abundance_args abundance;
    auto* abundance_cmd = app.add_subcommand("abundance", "Count the sites of every seed in a sequence set (target-site abundance)");
    auto* abundance_files = abundance_cmd->add_option("sequences", abundance.utr_files, "FASTA files (plain or gzip; '-' = standard input)")->type_name("FILE");
    abundance_cmd->add_option("--index", abundance.index, "A mirhit index (mirhit index) instead of FASTA files")->type_name("FILE")->excludes(abundance_files);
    abundance_cmd->add_option("-o,--output", abundance.output, "Output file (default: standard output)")->type_name("FILE");
    abundance_cmd->add_flag("--both-strands", abundance.both_strands, "Also count the reverse complement (genomic DNA)");
    add_threads_option(*abundance_cmd, threads);
    abundance_cmd->footer(abundance_footer);

    index_args index;
    auto* index_cmd = add_index_command(app, index);
    add_threads_option(*index_cmd, threads);

    curated_args curated;
    auto* curated_cmd = app.add_subcommand("curated", "Print the curated metastasis miRNA-target claims");
    curated_cmd->add_option("--mirna", curated.mirna, "Only claims of this miRNA (any common spelling)")->type_name("NAME");
    curated_cmd->add_option("--gene", curated.gene, "Only claims on this gene (symbol or alias)")->type_name("NAME");
    curated_cmd->add_option("--curated", curated.extra_files, "Also read this claims table (14 columns, see the README)")->type_name("TABLE");
    curated_cmd->add_flag("--no-builtin", curated.no_builtin, "Leave the built-in table out");
    curated_cmd->add_option("-o,--output", curated.output, "Output file (default: standard output)")->type_name("FILE");
    curated_cmd->footer(curated_footer);

    validate_args validate;
    auto* validate_cmd = app.add_subcommand("validate", "Check a claimed miRNA target (or every curated claim) against 3'UTRs");
    validate_cmd->add_option("mirna", validate.mirna, "miRNA name as written (miR-21, hsa-miR-21-5p, let-7a)")->type_name("MIRNA");
    validate_cmd->add_option("gene", validate.gene, "Gene symbol or alias (PTEN, VE-cadherin)")->type_name("GENE");
    validate_cmd->add_flag("--curated-all", validate.curated_all, "Check every curated claim (no MIRNA and GENE)");
    validate_cmd->add_option("--utr", validate.utr_files, "3'UTR FASTA file (plain or gzip; '-' = standard input); repeat for more")
        ->required()
        ->allow_extra_args(false)
        ->type_name("FILE");
    validate_cmd->add_option("--mirna-file", validate.mirna_file, "Mature miRNA FASTA, as miRBase's mature.fa (default: built-in human miRBase 22)")->type_name("FILE");
    validate_cmd->add_option("--orf", validate.score_inputs.orf_file, "ORF sequences (FASTA, ids as the UTRs') for the Len_ORF and ORF8m terms")->type_name("FASTA");
    validate_cmd->add_option("--ta", validate.score_inputs.ta_file, "Target-site abundance table (mirhit abundance output or TargetScan's TA_SPS file; default: built-in)")->type_name("FILE");
    validate_cmd->add_option("--energy-params", validate.energy_params_file, "ViennaRNA parameter file (.par, v2.0) for duplexes and accessibility (default: built-in Turner 2004)")->type_name("FILE");
    validate_cmd->add_option("--curated", validate.extra_claims, "Also read this claims table (14 columns, as mirhit curated); repeat for more")
        ->allow_extra_args(false)
        ->type_name("TABLE");
    validate_cmd->add_flag("--no-builtin", validate.no_builtin, "Leave the built-in claims table out");
    validate_cmd->add_option("-o,--output", validate.output, "Output file (default: standard output)")->type_name("FILE");
    validate_cmd->add_option("--html", validate.html, "Also write a self-contained HTML report with a map of each UTR")->type_name("FILE");
    add_threads_option(*validate_cmd, threads);
    validate_cmd->footer(validate_footer);

    targetscan_args ts;
    auto* ts_cmd = app.add_subcommand("targetscan", "Drop-in for TargetScan 7's targetscan_70.pl");
    ts_cmd->add_option("family_file", ts.family_file, "miR family file: family, seed (nt 2-8), species ids")->required();
    ts_cmd->add_option("utr_file", ts.utr_file, "Aligned UTR file: gene, species id, aligned sequence")->required();
    ts_cmd->add_option("output_file", ts.output_file, "Output file (overwritten without asking)")->required();
    add_threads_option(*ts_cmd, threads);
    ts_cmd->footer(targetscan_footer);

    io::targetscan_context_files ctx;
    bool ctx_fixed = false;
    auto* ctx_cmd = app.add_subcommand("targetscan-context", "Drop-in for TargetScan 7's targetscan_70_context_scores.pl");
    ctx_cmd->add_option("mirna_file", ctx.mirnas, "miRNAs: family, species id, miRNA id, mature sequence")->required();
    ctx_cmd->add_option("utr_file", ctx.utrs, "Aligned UTR file, as for targetscan")->required();
    ctx_cmd->add_option("bl_pct_file", ctx.targets, "targetscan_70.pl's output with branch lengths and PCT")->required();
    ctx_cmd->add_option("orf_lengths_file", ctx.orf_lengths, "ORF lengths: gene, species id, length")->required();
    ctx_cmd->add_option("orf_8mers_file", ctx.orf_8mers, "ORF 8mer counts: gene, species id, seed, count")->required();
    ctx_cmd->add_option("airs_file", ctx.airs, "Affected isoform ratios: gene, start, end, AIR (All_cell_lines.AIRs.txt)")->required();
    ctx_cmd->add_option("output_file", ctx.output, "Output file (overwritten without asking)")->required();
    ctx_cmd->add_flag("--fixed", ctx_fixed, "Count offset 6mers; leave missing AIRs and ORF lengths out instead of scoring them as 0");
    add_threads_option(*ctx_cmd, threads);
    ctx_cmd->footer(targetscan_context_footer);

    utrs_args utrs;
    auto* utrs_cmd = app.add_subcommand("utrs", "Extract 3'UTR sequences from GenBank or GTF annotations");
    auto* genbank_opt = utrs_cmd->add_option("--genbank", utrs.genbank, "GenBank flat file (plain or gzip; '-' = standard input)")->type_name("FILE");
    auto* genome_opt = utrs_cmd->add_option("--genome", utrs.genome, "Genome FASTA for --gtf (plain or gzip)")->type_name("FILE");
    auto* gtf_opt = utrs_cmd->add_option("--gtf", utrs.gtf, "GENCODE or Ensembl GTF (plain or gzip)")->type_name("FILE");
    utrs_cmd->add_flag("--one-per-gene", utrs.one_per_gene, "With --gtf: only the longest 3'UTR of each gene")->needs(gtf_opt);
    genbank_opt->excludes(genome_opt)->excludes(gtf_opt);
    genome_opt->needs(gtf_opt);
    gtf_opt->needs(genome_opt);
    utrs_cmd->add_option("-o,--output", utrs.output, "Output FASTA file (default: standard output)")->type_name("FILE");
    utrs_cmd->footer(utrs_footer);

    // A list option takes one argument per use (split at commas), so "--sites 8mer FILE" leaves
    // FILE to the positional arguments.
    for (auto* sub : app.get_subcommands({}))
        for (auto* opt : sub->get_options())
            if (!opt->get_positional() && opt->get_items_expected_max() > 1) opt->allow_extra_args(false);

    try {
        app.parse(argc, argv);
        if (scan_cmd->parsed() && !scan.gene_summary.empty() && same_output(scan.gene_summary, scan.output))
            throw CLI::ValidationError("--gene-summary", "'" + scan.gene_summary + "' is also the site output");
        auto scoring_with = [&](const std::string& kind) {
            return std::find(scan.score.begin(), scan.score.end(), kind) != scan.score.end();
        };
        for (const auto& [name, value] : {std::pair{"--ta", &scan.score_inputs.ta_file}, {"--orf", &scan.score_inputs.orf_file}, {"--isoforms", &scan.score_inputs.isoforms_file}, {"--pct", &scan.score_inputs.pct_file}})
            if (scan_cmd->parsed() && !scoring_with("context++") && !value->empty())
                throw CLI::ValidationError(name, "needs --score context++");
        if (scan_cmd->parsed() && scan.genome_coords && scan.format != "bed")
            throw CLI::ValidationError("--genome-coords", "needs --format bed");
        if (scan_cmd->parsed() && scan.format == "counts" && !scan.score.empty())
            throw CLI::ValidationError("--score", "does not apply to --format counts, which counts sites without rows");
        if (scan_cmd->parsed() && scan.score.empty() && !scan.energy_params_file.empty())
            throw CLI::ValidationError("--energy-params", "needs --score duplex, access or context++");
        for (const char* name : {"--access-window", "--access-span", "--access-unpaired"})
            if (scan_cmd->parsed() && scan_cmd->count(name) && !scoring_with("context++") && !scoring_with("access"))
                throw CLI::ValidationError(name, "needs --score context++ or access");
        if (scan_cmd->parsed() && !shard_text.empty()) {
            scan.shard = *parse_shard_spec(shard_text);  // checked by the parser
            if (std::find(scan.utr_files.begin(), scan.utr_files.end(), "-") != scan.utr_files.end())
                throw CLI::ValidationError("--shard", "cannot read standard input ('-'): every shard reads the input files themselves");
        }
        if (merge_cmd->parsed()) {
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
        if (validate_cmd->parsed()) {
            if (validate.curated_all && !(validate.mirna.empty() && validate.gene.empty()))
                throw CLI::ValidationError("--curated-all", "takes no MIRNA or GENE");
            if (!validate.curated_all && validate.gene.empty())
                throw CLI::ValidationError("validate", "needs MIRNA and GENE, or --curated-all");
            if (!validate.html.empty() && same_output(validate.html, validate.output))
                throw CLI::ValidationError("--html", "'" + validate.html + "' is also the text output");
        }
        if (abundance_cmd->parsed() && abundance.utr_files.empty() && abundance.index.empty())
            throw CLI::ValidationError("abundance", "needs FASTA files or --index");
        if (utrs_cmd->parsed() && utrs.genbank.empty() && utrs.gtf.empty())
            throw CLI::ValidationError("utrs", "needs --genbank, or --genome and --gtf");
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);
        std::string command = app.get_subcommands().empty() ? "" : " " + app.get_subcommands().front()->get_name();
        std::cerr << "mirhit: error: " << e.what() << "\nRun 'mirhit" << command << " --help' for usage.\n";
        return 2;
    }

    std::optional<oneapi::tbb::global_control> limit;
    if (threads) limit.emplace(oneapi::tbb::global_control::max_allowed_parallelism, threads);
    try {
        if (scan_cmd->parsed())
            run_scan(scan, recorded_command_line(argc, argv, scan.shard.count ? &scan.output_options : nullptr));
        else if (merge_cmd->parsed())
            run_merge(merge);
        else if (index_cmd->parsed())
            run_index(index);
        else if (abundance_cmd->parsed())
            run_abundance(abundance, recorded_command_line(argc, argv));
        else if (curated_cmd->parsed())
            run_curated(curated, recorded_command_line(argc, argv));
        else if (validate_cmd->parsed())
            run_validate(validate, recorded_command_line(argc, argv));
        else if (utrs_cmd->parsed())
            run_utrs(utrs);
        else if (ctx_cmd->parsed())
            io::run_targetscan_context(ctx, ctx_fixed, threads, recorded_command_line(argc, argv));
        else
            io::run_targetscan70(ts.family_file, ts.utr_file, ts.output_file, threads);
        return 0;
    } catch (const io::index_mismatch& e) {
        std::cerr << "mirhit: error: " << e.what() << "\n";
        return 2;
    } catch (const input_error& e) {
        std::cerr << "mirhit: error: " << e.what() << "\n";
    } catch (const std::bad_alloc&) {
        std::cerr << "mirhit: error: out of memory\n";
    } catch (const std::exception& e) {
        std::cerr << "mirhit: error: " << e.what() << "\n";
    }
    return 1;
}

}  // namespace mirhit::app
