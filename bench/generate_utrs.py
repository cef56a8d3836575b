#!/usr/bin/env python3
"""Generate a FASTA of random 3'UTR-like sequences for whole-process benchmarks.

Lengths are log-normal around a median of 1,200 nt (clipped to 50..20,000 nt); bases are
drawn independently with the composition of human 3'UTRs (A 0.29, C 0.21, G 0.21, T 0.29).
Records are written until the requested total size is reached: the last one is cut to fit
(but kept at least 50 nt, so the total may exceed the request by < 50 nt).

  >UTR000001 gene=GENE000001
  ACGT... (60 nt per line)

The output depends only on the arguments (and the Python version's `random` module, which
has been stable for these calls since Python 3.6). Standard library only.

Usage: bench/generate_utrs.py [SIZE_MB] [--seed N] [-o OUT] [--gzip] [--rna]
  SIZE_MB  total sequence length in megabases (10^6 nt); default 55, about the size of the
           human 3'UTRome. Fractions are fine (0.01 = 10,000 nt).
"""

from __future__ import annotations

import argparse
import gzip
import io
import math
import random
import sys

MEDIAN = 1200
SIGMA = 0.9  # log-space spread: mean ~1,800 nt, 5%..95% ~ 270..5,300 nt
MIN_LEN = 50
MAX_LEN = 20000
COMPOSITION = (("A", 0.29), ("C", 0.21), ("G", 0.21), ("T", 0.29))
LINE_WIDTH = 60


def lengths(total: int, rng: random.Random):
    """Yields record lengths summing to total (or total + < MIN_LEN)."""
    mu = math.log(MEDIAN)
    left = total
    while left > 0:
        n = int(round(rng.lognormvariate(mu, SIGMA)))
        n = max(MIN_LEN, min(MAX_LEN, n))
        n = max(MIN_LEN, min(n, left))
        yield n
        left -= n


def generate(total: int, seed: int, out, rna: bool = False) -> tuple[int, int]:
    rng = random.Random(seed)
    letters = [b for b, _ in COMPOSITION]
    if rna:
        letters = ["U" if b == "T" else b for b in letters]
    cum, acc = [], 0.0
    for _, p in COMPOSITION:
        acc += p
        cum.append(acc)
    records = written = 0
    for n in lengths(total, rng):
        records += 1
        seq = "".join(rng.choices(letters, cum_weights=cum, k=n))
        lines = [f">UTR{records:06d} gene=GENE{records:06d}\n"]
        lines.extend(seq[i : i + LINE_WIDTH] + "\n" for i in range(0, n, LINE_WIDTH))
        out.write("".join(lines))
        written += n
    return records, written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="Generate random 3'UTR-like sequences (FASTA) for benchmarks.")
    ap.add_argument("size_mb", nargs="?", type=float, default=55.0,
                    help="total sequence length in Mb (10^6 nt); default %(default)s")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default %(default)s)")
    ap.add_argument("-o", "--output", default="-", help="output file, '-' for stdout (default)")
    ap.add_argument("--gzip", action="store_true",
                    help="gzip the output (deterministic: no name, time stamp 0)")
    ap.add_argument("--rna", action="store_true", help="write U instead of T")
    args = ap.parse_args(argv)

    total = int(round(args.size_mb * 1_000_000))
    if total <= 0:
        ap.error("SIZE_MB must be positive")

    raw = sys.stdout.buffer if args.output == "-" else open(args.output, "wb")
    try:
        if args.gzip:
            gz = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=6)
            text = io.TextIOWrapper(gz, encoding="ascii", newline="\n")
        else:
            text = io.TextIOWrapper(raw, encoding="ascii", newline="\n", write_through=False)
        records, written = generate(total, args.seed, text, args.rna)
        text.flush()
        if args.gzip:
            text.detach()
            gz.close()
        else:
            text.detach()
    finally:
        if raw is not sys.stdout.buffer:
            raw.close()
        else:
            raw.flush()
    print(f"generate_utrs.py: {records} records, {written} nt (seed {args.seed})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. piped into `head`
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(141)
