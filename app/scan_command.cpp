#include "app/command.hpp"
#include "app/io_paths.hpp"

#include <algorithm>
#include <memory>

#include "core/site.hpp"
#include "core/text.hpp"
#include "engine/scan_request.hpp"
#include "io/site_writer.hpp"
#include "scoring/accessibility.hpp"

namespace mirhit::app {

namespace {

constexpr const char* scan_footer = R"(
Synopsis:
  mirhit scan [options] UTR.fa [UTR2.fa.gz ...]
  mirhit scan [options] --index UTRS.mhx
  mirhit scan [options] --utr UTR.fa [--utr UTR2.fa.gz ...]

Finds every canonical site (8mer, 7mer-m8, 7mer-A1, 6mer, offset-6mer; TargetScan 7
definitions), and on request non-canonical ones (below), of every miRNA in the 3'UTRs, one
output row per site and mature miRNA, in input order. FASTA input may be compressed (gzip,
bzip2, xz, zstd); an output name ending in .gz, .bz2, .xz or .zst is written compressed; '-'
reads standard input. Without --mirna-file, the built-in 2,656 human mature miRNAs of miRBase 22
are used. --mirnas takes names as biologists write them, resolved as validate resolves them
(miR-21 is both arms, let-7a hsa-let-7a-5p and -3p). Progress goes to standard error after a
few seconds (-q: none).

Non-canonical site classes, on request with --sites (by name, or 'all'; 'canonical' is the
default five). With Pk the pairing of miRNA nt k to the UTR (Watson-Crick, G:U or none) and A1
an A opposite nt 1:
  6mer-A1     P2-6 Watson-Crick, A1, P7 neither Watson-Crick nor G:U (McGeary et al. 2019)
  8mer-GU     P2-8 paired with exactly one G:U among them, A1; 7mer-m8-GU: the same without A1
  7mer-A1-GU  P2-7 paired with exactly one G:U among them, A1, P8 not Watson-Crick
  bulge-7mer  nt 2-8 Watson-Crick paired to 8 consecutive UTR nt with one extra, unpaired one
              between the partners of nt k and k+1 (2 <= k <= 7; Chi et al. 2012: k = 5);
              class_detail gives k=K; a stretch that fits several k is reported once, at the
              smallest k
  3p-compensatory  P2-8 paired but exactly one of them (a mismatch or G:U), and nt 13-16
              Watson-Crick paired to 4 consecutive UTR nt 5' of the seed match, offset from
              contiguous pairing by -2 to +4 nt on the UTR (Grimson et al. 2007); start..end:
              nt 8-2's partners; class_detail offset=O (UTR nt between the partners of nt 13
              and 8, less 4), the smallest that fits
  centered    nt 4-14 Watson-Crick paired (11+ consecutive pairs, Shin et al. 2010), whatever
              the seed; start..end: nt 14-4's partners; class_detail pairs=F-L, the maximal
              run of Watson-Crick pairs (followed up to nt 77)
The last two pair beyond the seed: their rows are for the family members that pair there.
start..end are the UTR nt opposite the miRNA nt the class pairs (with nt 1 for an A1 type; a
bulge-7mer's 8 nt), for the last two as said. Precedence: at one alignment (the UTR nt opposite miRNA nt 1) a site is
classified once, in the order 8mer, 7mer-m8, 7mer-A1, 6mer, offset-6mer, 8mer-GU, 7mer-m8-GU,
7mer-A1-GU, 6mer-A1, and reported when that class is requested: a canonical site is never also
a GU site (a G:U at nt 8 leaves a 6mer or 7mer-A1; a G:U at nt 2 with P3-8 Watson-Crick is an
offset-6mer), and asking for more classes only adds rows. bulge-7mer, 3p-compensatory and
centered sites are found apart and may share nucleotides with any other site (a perfect seed is
never 3p-compensatory, whatever its 3' pairing). Non-canonical sites get duplex_dG and dG_open;
their context++ columns are NA (the model is fitted on canonical sites). --format counts,
--gene-summary and the claims tallies count canonical types only: the first two refuse
non-canonical classes.

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

--index reads the UTRs of a mirhit index (mirhit index) and its stored accessibility instead of
folding: the output is that of the run from the indexed files but for the '## utrs' line.

Example:
  mirhit scan examples/utrs.fa --mirnas hsa-miR-21-5p,hsa-miR-221-3p -o sites.tsv \
      --gene-summary genes.tsv
  mirhit scan examples/utrs.fa.gz --score context++ --orf examples/orfs.fa -o scored.tsv
  mirhit scan examples/utrs.fa --mirnas hsa-miR-21-5p --score context++,duplex,access -o scored.tsv
  mirhit scan examples/genome.fa --both-strands --mirnas hsa-miR-21-5p --score context++ -o both.tsv
  mirhit utrs --genome examples/genome.fa --gtf examples/genome.gtf |
      mirhit scan - --format bed --genome-coords -o sites.bed
  mirhit scan examples/utrs.fa --shard 2/3 -o part2.tsv
  mirhit index examples/utrs.fa -o utrs.mhx && mirhit scan --index utrs.mhx --score context++ -o scored.tsv
  mirhit scan examples/genome.fa --both-strands --sites 8mer,7mer-m8,7mer-A1 --format counts -o counts.tsv
  mirhit scan examples/utrs.fa --mirnas hsa-miR-21-5p --sites all --score duplex -o all_classes.tsv
)";

// --format: the site writer's formats, then counts (rows per record, miRNA and strand).
std::vector<std::string> format_names() {
    std::vector<std::string> names(io::output_format_names.begin(), io::output_format_names.end());
    names.emplace_back("counts");
    return names;
}

// The checks across options, after parsing.
// Non-canonical classes only where rows are written: counts and the gene summary count the
// canonical types.
void check_sites(const engine::scan_request& scan) {
    const bool noncanonical = std::any_of(scan.sites.begin(), scan.sites.end(), [](const std::string& name) {
        const auto type = parse_site_type(name);
        return name == "all" || (type && !is_canonical(*type));
    });
    if (noncanonical && scan.format == "counts")
        throw CLI::ValidationError("--sites", "non-canonical classes do not apply to --format counts, which counts the canonical types");
    if (noncanonical && !scan.gene_summary.empty())
        throw CLI::ValidationError("--sites", "non-canonical classes do not apply to --gene-summary, which counts the canonical types");
}

void check_scan(CLI::App& cmd, engine::scan_request& scan, const std::string& shard_text) {
    if (scan.utr_files.empty() && scan.index_file.empty()) throw CLI::ValidationError("scan", "needs UTR files or --index");
    if (!scan.utr_files.empty() && !scan.index_file.empty()) throw CLI::ValidationError("--index", "replaces the UTR files: give one or the other");
    if (!scan.gene_summary.empty() && same_output(scan.gene_summary, scan.output))
        throw CLI::ValidationError("--gene-summary", "'" + scan.gene_summary + "' is also the site output");
    const auto scoring_with = [&](std::string_view kind) { return engine::scores(scan, kind); };
    for (const auto& [name, value] : {std::pair{"--ta", &scan.score_inputs.ta_file}, {"--orf", &scan.score_inputs.orf_file}, {"--isoforms", &scan.score_inputs.isoforms_file}, {"--pct", &scan.score_inputs.pct_file}})
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
    scan_cmd->add_option("--pct", scan.score_inputs.pct_file, "PCT of sites from TargetScan's BL_PCT output (targetscan_70_output.BL_PCT.txt) for --score")->type_name("FILE");
    scan_cmd->add_option("--pct-species", scan.score_inputs.pct_species, "Species id of the --pct rows to use (default 9606, human)")->type_name("ID");
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
