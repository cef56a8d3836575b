#!/usr/bin/env bash
# Whole-process benchmark of `mirhit duplex` (the RNAduplex drop-in): duplexes per second per
# thread, at 1 thread and at N threads, on generated pairs shaped like `scan --score duplex`'s
# (a 40-nt UTR window first, a 22-nt miRNA second; A and U 0.29, C and G 0.21).
#
# Usage: bench/run_duplex_bench.sh [PAIRS] [THREADS]   (defaults 20000 and $(nproc))
# Environment: MIRHIT, the binary (default build/app/mirhit, relative to the repository root).
# Pairs are generated into bench/work/ (cached by count). RNAduplex 2.7.1 folds about 1,340 of
# these a second on one thread (../shared/data/vienna/README.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
pairs="${1:-20000}"
threads="${2:-$(nproc)}"
mirhit="${MIRHIT:-build/app/mirhit}"
mkdir -p bench/work
input="bench/work/duplex_pairs_$pairs.txt"
if [[ ! -s "$input" ]]; then
  python3 - "$pairs" > "$input" <<'PY'
import random, sys
rng = random.Random(1)
pick = lambda n: "".join(rng.choices("ACGU", weights=[29, 21, 21, 29], k=n))
for k in range(int(sys.argv[1])):
    print(f">pair{k}\n{pick(40)}\n{pick(22)}")
PY
fi
# Wall time and CPU time (user + system of the run): on a shared machine the CPU time per
# duplex is the steadier figure.
for t in 1 "$threads"; do
  python3 - "$mirhit" "$input" "$pairs" "$t" <<'PY'
import resource, subprocess, sys, time
mirhit, path, pairs, t = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
start = time.monotonic()
subprocess.run([mirhit, "duplex", "--threads", str(t), path, "-o", "bench/work/duplex_out.txt"], check=True)
wall = time.monotonic() - start
use = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = use.ru_utime + use.ru_stime
print(f"threads {t}: wall {wall:.2f} s, {pairs / wall:,.0f} duplexes/s, {pairs / wall / t:,.0f} per thread; "
      f"CPU {cpu:.2f} s, {pairs / cpu:,.0f} duplexes per CPU second")
PY
done
