#!/usr/bin/env python3
"""Write a small constructed genome and GTF for trying `mirhit utrs --genome --gtf` and
`mirhit scan --genome-coords` (examples/genome.fa, examples/genome.gtf).

Two 3,000 bp chromosomes of random sequence (seed 7, 41% GC) and two genes:
  GENEA on chr1 +: transcripts TXA1 (3'UTR exons 391-600, 1001-1400, 2001-2300, Ensembl-style
        three_prime_utr features) and TXA2 (3'UTR 391-600, 2001-2300: skips the middle exon).
  GENEB on chr2 -: transcript TXB1 (GENCODE-style UTR features; 3'UTR 2401-2497, 1501-1800,
        201-500, i.e. 2497..2401, 1800..1501, 500..201 in transcript order).
Planted 8mer sites (written 5'->3' on the transcript):
  hsa-miR-21-5p  ATAAGCTA  TXA1 across the junction of its first two 3'UTR exons (chr1 598-600 + 1001-1005)
  hsa-let-7a-5p  CTACCTCA  TXA1 second exon (chr1 1101-1108); TXB1 across its 2nd/3rd exon junction
                           (chr2 1501-1504 + 497-500)
  hsa-miR-21-5p  ATAAGCTA  TXB1 first exon (transcript positions 41-48 = chr2 2457..2450)
Deterministic; Python 3 standard library only. Usage: examples/make_genome_example.py [--outdir DIR]
"""

import argparse
import os
import random

LENGTH = 3000
COMPLEMENT = str.maketrans("ACGT", "TGCA")

TRANSCRIPTS = {
    # id: (gene, chrom, strand, CDS, stop codon, 3'UTR exons in transcript order, feature style)
    "TXA1": ("GENEA", "chr1", "+", (151, 387), (388, 390), [(391, 600), (1001, 1400), (2001, 2300)], "three_prime_utr"),
    "TXA2": ("GENEA", "chr1", "+", (151, 387), (388, 390), [(391, 600), (2001, 2300)], "three_prime_utr"),
    "TXB1": ("GENEB", "chr2", "-", (2501, 2800), (2498, 2500), [(2401, 2497), (1501, 1800), (201, 500)], "UTR"),
}

# (transcript, 1-based transcript 3'UTR position, letters)
SITES = [("TXA1", 208, "ATAAGCTA"), ("TXA1", 311, "CTACCTCA"), ("TXB1", 394, "CTACCTCA"), ("TXB1", 41, "ATAAGCTA")]


def genome_positions(exons, strand):
    """1-based genome positions of the 3'UTR, in transcript order."""
    out = []
    for start, end in exons:
        out += list(range(start, end + 1)) if strand == "+" else list(range(end, start - 1, -1))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--outdir", default=os.path.dirname(os.path.abspath(__file__)))
    args = ap.parse_args()
    rng = random.Random(7)
    genome = {c: [rng.choice("AT") if rng.random() < 0.59 else rng.choice("CG") for _ in range(LENGTH)] for c in ("chr1", "chr2")}
    for tid, pos, letters in SITES:
        gene, chrom, strand, cds, stop, exons, style = TRANSCRIPTS[tid]
        where = genome_positions(exons, strand)
        for i, letter in enumerate(letters):
            genome[chrom][where[pos - 1 + i] - 1] = letter if strand == "+" else letter.translate(COMPLEMENT)
    with open(os.path.join(args.outdir, "genome.fa"), "w") as f:
        for chrom, seq in genome.items():
            text = "".join(seq)
            f.write(f">{chrom} constructed example (examples/make_genome_example.py)\n")
            f.write("".join(text[i : i + 60] + "\n" for i in range(0, len(text), 60)))
    with open(os.path.join(args.outdir, "genome.gtf"), "w") as f:
        f.write("#!description constructed example for mirhit (examples/make_genome_example.py)\n")
        for tid, (gene, chrom, strand, cds, stop, exons, style) in TRANSCRIPTS.items():
            attrs = f'gene_id "{gene}"; transcript_id "{tid}"; gene_name "{gene}";'
            rows = [("CDS", *cds), ("stop_codon", *stop)] + [(style, s, e) for s, e in exons]
            if style == "UTR":  # GENCODE: the UTR feature next to the stop codon includes it
                rows[2] = ("UTR", exons[0][0], stop[1])
            for feature, start, end in rows:
                f.write(f"{chrom}\tmirhit\t{feature}\t{start}\t{end}\t.\t{strand}\t.\t{attrs}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
