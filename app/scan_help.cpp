#include "app/scan_help.hpp"

namespace mirhit::app {

const char* const scan_footer = R"(
Synopsis:
  mirhit scan [options] UTR.fa [UTR2.fa.gz ...]
  mirhit scan [options] --index UTRS.mhx
  mirhit scan [options] --utr UTR.fa [--utr UTR2.fa.gz ...]
  mirhit scan [options] --alignments ALIGNED_UTRS.txt [UTR.fa]

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
their context++ columns are NA (the model is fitted on canonical sites). --format counts counts
every class asked for (3p-compensatory and centered on the member miRNA that pairs);
--gene-summary and the claims tallies count canonical types only, and --gene-summary refuses
non-canonical classes.

--score takes a comma-separated list of score kinds, and may be repeated.
With --score context++ every 8mer, 7mer-m8, 7mer-A1 and 6mer site gets TargetScan 7's context++
score and each term's raw value and contribution; --orf, --isoforms, --pct (or --alignments)
and --ta add or replace inputs, and the '## score:' line says which terms were used. Its SA term (site
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

Conservation: --alignments reads TargetScan 7's aligned UTR file (gene, species id, aligned UTR
with '-' gaps; a gene's rows together) and computes each site's branch length (BL) and PCT
(Friedman et al. 2008) for the reference species --pct-species (default 9606) in-process,
exactly as running 'mirhit targetscan', 'targetscan-bl-bins' and 'targetscan-bl-pct' and then
passing their BL_PCT output with --pct would (the UTR ids are the genes of the alignments).
It reads the trees and PCT coefficients from TargetScan's PCT_parameters directory, in the
working directory as the drop-ins do, or --pct-params DIR. A site has a PCT when its seed has
coefficients there (TargetScan's conserved families) and it overlaps no ORF (lower-case
letters). Which species each seed family counts as annotated in decides which species' sites
make up its BL: --mirna-families takes TargetScan's miR family file (family, seed nt 2-8,
species ids separated by ';', as for 'mirhit targetscan'), else every scanned seed family counts
as annotated in every species of the alignments. Without UTR files the reference species' rows,
gaps removed, are the UTRs (as targetscan_70.pl numbers them); a gene without letters of that
species is said on standard error and not scanned. --alignments and --pct add bl and pct
columns (last) to the site rows, as the BL_PCT output writes them (NA: no TargetScan site of
the reference species at that start and type, a gene missing from the alignments, reverse-strand
and non-canonical sites); with --score context++ its PCT term comes from them.

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
  mirhit scan --alignments UTR_Sequences.txt --score context++ --pct-params PCT_parameters -o scored.tsv
)";

}  // namespace mirhit::app
