#!/usr/bin/env python3
"""Generate a random genome (FASTA, one record per chromosome) for benchmarks.

A, C, G, T with human-like composition (41% GC), 60 letters per line. Deterministic for a seed.
"""
import argparse
import random
import sys


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("size_mb", type=float, nargs="?", default=500, help="total size in Mb (10^6 nt; default 500)")
    ap.add_argument("--chromosomes", type=int, default=4, help="number of records (default 4)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", default="-")
    args = ap.parse_args()
    if args.size_mb <= 0 or args.chromosomes < 1:
        print("generate_genome.py: size and chromosome count must be positive", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    # Each random byte picks a letter: 59 of 100 in A/T, 41 in C/G.
    table = bytes((b"A" * 30 + b"T" * 29 + b"C" * 21 + b"G" * 20)[b % 100] for b in range(256))
    total = int(args.size_mb * 1e6)
    out = sys.stdout.buffer if args.output == "-" else open(args.output, "wb")
    for c in range(args.chromosomes):
        length = total // args.chromosomes + (1 if c < total % args.chromosomes else 0)
        out.write(b">chr%d\n" % (c + 1))
        done = 0
        while done < length:
            block = min(6_000_000, length - done)
            seq = rng.randbytes(block).translate(table)
            out.write(b"\n".join(seq[i : i + 60] for i in range(0, len(seq), 60)) + b"\n")
            done += block
    if out is not sys.stdout.buffer:
        out.close()
    print(f"generate_genome.py: {args.chromosomes} records, {total} nt (seed {args.seed})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
