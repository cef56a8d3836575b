#!/usr/bin/env python3
"""Validate reference/data/curated_metastasis_targets.tsv (Python 3 standard library only).

Checks: exact header; ids C001, C002, ... in order; the same number of fields on every line;
required fields non-empty; effect is pro-metastatic / anti-metastatic / unclear; no duplicate
(mirna, gene, document, reference); every mirna is a mature name in hsa_mature_mirbase22.fa;
every gene is an official symbol in hgnc_gene_aliases.tsv; quotes have no tab/newline and are
at most 200 characters; reference is empty or "[n]". With --seeds DIR, every quote must also
occur verbatim in DIR/<document>.

Prints row counts per document and per effect; exits 1 on any problem.

usage: reference/check_curated.py [--tsv FILE] [--mirbase FILE] [--genes FILE] [--seeds DIR]
"""
import argparse
import collections
import os
import re
import sys

HEADER = ["id", "mirna_as_written", "mirna", "target_as_written", "gene", "effect",
          "cancer_type", "cell_source", "organ_or_process", "document", "reference",
          "citation", "quote", "note"]
REQUIRED = ["id", "mirna_as_written", "mirna", "target_as_written", "gene", "effect",
            "document", "citation", "quote"]
EFFECTS = {"pro-metastatic", "anti-metastatic", "unclear"}
MAX_QUOTE = 200

HERE = os.path.dirname(os.path.abspath(__file__))


def mirbase_names(path):
    names = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith(">"):
                names.add(line[1:].split()[0])
    return names


def gene_symbols(path):
    symbols = set()
    with open(path, encoding="utf-8") as f:
        next(f)  # alias, symbol, entrez
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                symbols.add(parts[1])
    return symbols


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tsv", default=os.path.join(HERE, "data", "curated_metastasis_targets.tsv"))
    ap.add_argument("--mirbase", default=os.path.join(HERE, "data", "hsa_mature_mirbase22.fa"))
    ap.add_argument("--genes", default=os.path.join(HERE, "data", "hgnc_gene_aliases.tsv"))
    ap.add_argument("--seeds", help="directory with the seed documents (verbatim quote check)")
    args = ap.parse_args()

    problems = []

    def bad(lineno, msg):
        problems.append(f"{args.tsv}:{lineno}: {msg}")

    mirnas = mirbase_names(args.mirbase)
    symbols = gene_symbols(args.genes) if os.path.exists(args.genes) else None
    seeds = {}

    with open(args.tsv, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    else:
        bad(len(lines), "file does not end with a newline")
    if not lines or lines[0].split("\t") != HEADER:
        bad(1, "header differs from: " + "\t".join(HEADER))

    seen = {}
    per_doc = collections.Counter()
    per_effect = collections.Counter()
    per_doc_effect = collections.Counter()
    for n, line in enumerate(lines[1:], start=2):
        if "\r" in line:
            bad(n, "carriage return in line")
        cells = line.split("\t")
        if len(cells) != len(HEADER):
            bad(n, f"{len(cells)} fields, expected {len(HEADER)} (a tab inside a field?)")
            continue
        row = dict(zip(HEADER, cells))
        want_id = f"C{n - 1:03d}"
        if row["id"] != want_id:
            bad(n, f"id {row['id']!r}, expected {want_id}")
        for k in REQUIRED:
            if not row[k].strip():
                bad(n, f"empty {k}")
        for k, v in row.items():
            if v != v.strip():
                bad(n, f"{k} has leading/trailing whitespace")
        if row["effect"] not in EFFECTS:
            bad(n, f"effect {row['effect']!r} not one of {sorted(EFFECTS)}")
        if row["mirna"] and row["mirna"] not in mirnas:
            bad(n, f"mirna {row['mirna']!r} not in {os.path.basename(args.mirbase)}")
        if symbols is not None and row["gene"] and row["gene"] not in symbols:
            bad(n, f"gene {row['gene']!r} is not an official symbol in {os.path.basename(args.genes)}")
        if row["reference"] and not re.fullmatch(r"\[\d+\]", row["reference"]):
            bad(n, f"reference {row['reference']!r} is not of the form [n]")
        q = row["quote"]
        if len(q) > MAX_QUOTE:
            bad(n, f"quote is {len(q)} characters (> {MAX_QUOTE})")
        if args.seeds and q:
            doc = row["document"]
            if doc not in seeds:
                p = os.path.join(args.seeds, doc)
                seeds[doc] = open(p, encoding="utf-8").read() if os.path.exists(p) else None
            if seeds[doc] is None:
                bad(n, f"document {doc!r} not found in {args.seeds}")
            elif q not in seeds[doc]:
                bad(n, "quote not found verbatim in " + doc)
        key = (row["mirna"], row["gene"], row["document"], row["reference"])
        if key in seen:
            bad(n, f"duplicate of line {seen[key]}: {key}")
        else:
            seen[key] = n
        per_doc[row["document"]] += 1
        per_effect[row["effect"]] += 1
        per_doc_effect[(row["document"], row["effect"])] += 1

    total = sum(per_doc.values())
    print(f"{total} rows")
    print("per document:")
    for doc in sorted(per_doc):
        split = ", ".join(f"{e} {per_doc_effect[(doc, e)]}" for e in sorted(EFFECTS)
                          if per_doc_effect[(doc, e)])
        print(f"  {doc}\t{per_doc[doc]}\t({split})")
    if args.seeds:
        for doc in sorted(os.listdir(args.seeds)):
            if doc not in per_doc and not doc.startswith("."):
                print(f"  {doc}\t0")
    print("per effect:")
    for e in sorted(per_effect):
        print(f"  {e}\t{per_effect[e]}")
    if symbols is None:
        print(f"note: {args.genes} not found, gene symbols not checked")
    if problems:
        print(f"{len(problems)} problem(s):", file=sys.stderr)
        for p in problems:
            print("  " + p, file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
