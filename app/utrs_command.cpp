#include "app/command.hpp"
#include "app/io_paths.hpp"

#include <memory>

#include "io/utr_extraction.hpp"

namespace mirhit::app {

namespace {

constexpr const char* utrs_footer = R"(
Synopsis:
  mirhit utrs --genbank FILE [-o OUT.fa] [--orfs ORFS.fa]
  mirhit utrs --embl FILE [-o OUT.fa] [--orfs ORFS.fa]
  mirhit utrs --genome GENOME.fa --gtf ANNOTATION.gtf [--one-per-gene] [-o OUT.fa] [--orfs ORFS.fa]

Writes 3'UTR sequences as FASTA, from annotations. Inputs may be compressed (gzip, bzip2, xz,
zstd); an output name ending in .gz, .bz2, .xz or .zst is written compressed.

--genbank: every mRNA record of a GenBank flat file (such as RefSeq's human.*.rna.gbff.gz;
'-' reads standard input), the bases after the end of the record's CDS, with the header
'>ACCESSION.VERSION gene=SYMBOL cds_end=N utr_length=N'. Records with no CDS or several, a CDS
on the minus strand, in other records or with a partial 3' end, and those with an empty 3'UTR
are left out and counted in a note on standard error.
--embl: the same from an EMBL flat file (ID, FT and SQ lines; header '>NAME.SV ...').

--genome and --gtf: every transcript of a GENCODE or Ensembl GTF with a 3'UTR (Ensembl's
three_prime_utr features, or GENCODE's UTR features past the stop codon), its pieces spliced in
transcript order and reverse-complemented on the minus strand, with the header
'>TRANSCRIPT_ID gene=GENE_NAME chrom=CHR strand=+/- exons=START-END,...' (1-based genomic).
--one-per-gene keeps the longest 3'UTR of each gene (the first of equally long ones).
'mirhit scan --format bed --genome-coords' reads these headers to write sites as BED12 on
the genome.

--orfs also writes the ORF (the CDS spliced, stop codon included) of every 3'UTR written, with
the same id, so that `mirhit scan --score context++ --orf ORFS.fa` takes every term from one
annotation. Its headers add 'cds=LOCATION orf_length=N' (GenBank) or 'cds=START-END,...
orf_length=N' (GTF: CDS and stop codon features, transcript order); a GTF transcript with a
3'UTR but no CDS feature has no ORF.

Example:
  mirhit utrs --genbank human.1.rna.gbff.gz -o human_3utrs.fa --orfs human_orfs.fa
  mirhit utrs --genome GRCh38.primary_assembly.genome.fa.gz --gtf gencode.v46.annotation.gtf.gz \
      --one-per-gene -o gencode_3utrs.fa
)";

}  // namespace

command add_utrs_command(CLI::App& app) {
    auto args = std::make_shared<io::utrs_request>();
    auto& utrs = *args;
    auto* utrs_cmd = app.add_subcommand("utrs", "Extract 3'UTR sequences from GenBank or GTF annotations");
    auto* genbank_opt = utrs_cmd->add_option("--genbank", utrs.genbank, "GenBank flat file (plain or gzip; '-' = standard input)")->type_name("FILE");
    auto* embl_opt = utrs_cmd->add_option("--embl", utrs.embl, "EMBL flat file (plain or compressed; '-' = standard input)")->type_name("FILE");
    auto* genome_opt = utrs_cmd->add_option("--genome", utrs.genome, "Genome FASTA for --gtf (plain or gzip)")->type_name("FILE");
    auto* gtf_opt = utrs_cmd->add_option("--gtf", utrs.gtf, "GENCODE or Ensembl GTF (plain or gzip)")->type_name("FILE");
    utrs_cmd->add_flag("--one-per-gene", utrs.one_per_gene, "With --gtf: only the longest 3'UTR of each gene")->needs(gtf_opt);
    genbank_opt->excludes(genome_opt)->excludes(gtf_opt)->excludes(embl_opt);
    embl_opt->excludes(genome_opt)->excludes(gtf_opt);
    genome_opt->needs(gtf_opt);
    gtf_opt->needs(genome_opt);
    utrs_cmd->add_option("-o,--output", utrs.output, "Output FASTA file (default: standard output)")->type_name("FILE");
    utrs_cmd->add_option("--orfs", utrs.orfs, "Also write each 3'UTR's ORF (CDS with stop codon) as FASTA, same ids, for scan --orf")->type_name("FILE");
    utrs_cmd->footer(utrs_footer);
    return {utrs_cmd, [=] {
        if (args->genbank.empty() && args->embl.empty() && args->gtf.empty())
            throw CLI::ValidationError("utrs", "needs --genbank, or --genome and --gtf");
        if (!args->orfs.empty() && same_output(args->orfs, args->output))
            throw CLI::ValidationError("--orfs", "'" + args->orfs + "' is also the 3'UTR output");
            },
            [=](int, char**) { check_paths(*args); io::extract_utrs(*args); }};
}

}  // namespace mirhit::app
