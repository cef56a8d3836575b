#!/usr/bin/env python3
"""Writes aligned UTR, aligned ORF and miR family files that stress TargetScan 7's BL/PCT and
ORF 8mer scripts: genes in one species, all-gap rows, species missing from the trees, genes
without a human row, a species given twice, consensus rows, sites at both ends of the alignment,
lowercase (ORF-overlapping) letters, '.' gaps and self-overlapping 8mers.

Usage: generate_alignments.py OUT_DIR [SEED]
Writes OUT_DIR/families.txt, OUT_DIR/families_subset.txt, OUT_DIR/utrs.txt, OUT_DIR/orfs.txt.
"""
import os
import random
import sys

# (family, seed nt 2-8); the first five have PCT coefficients in TargetScan 7's files.
FAMILIES = [("let-7/98", "GAGGUAG"), ("miR-1/206", "GGAAUGU"), ("miR-10", "ACCCUGU"),
            ("miR-18", "AAGGUGC"), ("miR-101", "ACAGUAC"), ("miR-601", "GGUCUAG"),
            ("miR-U", "UUUUUUU"), ("miR-15", "AGCAGCA")]
# Species of TargetScan 7's trees, near and far from human, and two that are in no tree.
TREE_SPECIES = ["9606", "9598", "9544", "10090", "10116", "9615", "9913", "9031", "8364", "7897", "13616", "9986"]
NOT_IN_TREE = ["99999", "12345"]
ALL_SPECIES = TREE_SPECIES + NOT_IN_TREE
COMPLEMENT = {"A": "U", "C": "G", "G": "C", "U": "A"}


def site(seed, kind):
    match = "".join(COMPLEMENT[c] for c in reversed(seed))  # pairs with seed nt 8..2
    return {"8mer": match + "A", "7mer-m8": match, "7mer-1a": match[1:] + "A", "6mer": match[1:]}[kind]


def random_seq(rng, n):
    return "".join(rng.choice("ACGU") for _ in range(n))


def mutate(rng, seq, rate):
    return "".join(rng.choice("ACGU") if c != "-" and rng.random() < rate else c for c in seq)


def add_gaps(rng, seq, runs):
    s = list(seq)
    for _ in range(runs):
        start = rng.randrange(len(s))
        for i in range(start, min(len(s), start + rng.randint(1, 6))):
            s[i] = "-"
    return "".join(s)


def ancestor(rng, length, sites):
    """A random UTR with sites of random families planted, two of them at the very ends."""
    seq = list(random_seq(rng, length))
    for _ in range(sites):
        fam = rng.choice(FAMILIES)
        kind = rng.choice(["8mer", "8mer", "7mer-m8", "7mer-1a", "6mer"])
        s = site(fam[1], kind)
        pos = rng.randrange(0, length - len(s))
        seq[pos:pos + len(s)] = s
    for pos in (0, length - 8):
        seq[pos:pos + 8] = site(rng.choice(FAMILIES)[1], "8mer")
    return "".join(seq)


def gene_rows(rng, name, species, length, gaps=3, rate=0.08, lower=0):
    anc = ancestor(rng, length, max(2, length // 60))
    rows = []
    for sp in species:
        seq = anc if sp == "9606" else mutate(rng, anc, rate * (1 + ALL_SPECIES.index(sp) % 5))
        seq = add_gaps(rng, seq, gaps)
        if lower:
            seq = seq[:lower].lower() + seq[lower:]
        rows.append((name, sp, seq))
    return rows


def utr_genes(rng):
    rows = []
    for g in range(12):
        species = ["9606"] + rng.sample(ALL_SPECIES[1:], rng.randint(3, len(ALL_SPECIES) - 1))
        rng.shuffle(species)
        rows += gene_rows(rng, "GENE%02d" % g, species, rng.randint(150, 900), lower=rng.choice([0, 0, 20]))
    rows += gene_rows(rng, "ONE_HUMAN", ["9606"], 300)
    rows += gene_rows(rng, "ONE_MOUSE", ["10090"], 300)
    rows += gene_rows(rng, "NO_HUMAN", ["10090", "10116", "9615"], 300)
    allgap = gene_rows(rng, "ALL_GAPS", ["9606", "10090", "9615"], 200)
    rows += [(g, s, "-" * len(q)) if s == "9606" else (g, s, q) for g, s, q in allgap]
    rows += gene_rows(rng, "GAPPY", ["9606", "10090", "9615", "9031", "7897"], 400, gaps=60)
    rows += gene_rows(rng, "NOT_IN_TREE", ["9606", "99999", "12345"], 300)
    twice = gene_rows(rng, "HUMAN_TWICE", ["9606", "10090", "9598", "9544"], 300)
    rows += twice + [("HUMAN_TWICE", "9606", mutate(rng, twice[0][2], 0.1))]
    rows += [("CONSENSUS", "0", twice[1][2])] + gene_rows(rng, "CONSENSUS", ["9606", "10090", "9913"], 250)
    # Sites at the last column of every species, and a gene given in two blocks.
    end = gene_rows(rng, "END_SITES", ["9606", "9598", "10090", "10116", "9986"], 200, gaps=0, rate=0.02)
    rows += [(g, s, q[:-8] + site("GAGGUAG", "8mer")) for g, s, q in end]
    rows += gene_rows(rng, "GENE00", ["9606", "10090"], 200)
    return rows


def orf_rows(rng):
    rows = []
    for g in range(10):
        for sp in rng.sample(ALL_SPECIES, 4):
            seq = list(random_seq(rng, rng.randint(100, 1500)))
            for _ in range(rng.randint(0, 6)):
                s = site(rng.choice(FAMILIES)[1], "8mer")
                pos = rng.randrange(len(seq) - 8)
                seq[pos:pos + 8] = s
            seq = add_gaps(rng, "".join(seq), 5)
            rows.append(("ORF%02d" % g, sp, seq.replace("U", rng.choice("UT")).lower() if g % 3 == 0 else seq))
    rows.append(("RUNS", "9606", "A" * 17 + "C" + "A" * 9 + "..AA--AAAAAA"))  # overlapping AAAAAAAA
    rows.append(("RUNS", "9606", "GC" + site("GAGGUAG", "8mer") * 3))  # given twice
    rows.append(("EMPTY", "9606", "-----"))
    return rows


def write(path, rows):
    with open(path, "w") as out:
        for r in rows:
            out.write("\t".join(r) + "\n")


def main():
    out_dir = sys.argv[1]
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
    os.makedirs(out_dir, exist_ok=True)
    species = ";".join(ALL_SPECIES)
    write(os.path.join(out_dir, "families.txt"), [(f, s, species) for f, s in FAMILIES])
    write(os.path.join(out_dir, "families_subset.txt"), [(f, s, species) for f, s in FAMILIES[::2]])
    write(os.path.join(out_dir, "utrs.txt"), utr_genes(rng))
    write(os.path.join(out_dir, "orfs.txt"), orf_rows(rng))


if __name__ == "__main__":
    main()
