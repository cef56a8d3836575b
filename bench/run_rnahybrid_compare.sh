#!/usr/bin/env bash
# Side-by-side timing of RNAhybrid and mirhit on the same generated 3'UTRs and miRNAs.
#
# Usage: bench/run_rnahybrid_compare.sh [SIZE_MB] [THREADS] [-- EXTRA_SCAN_ARGS...]
#   SIZE_MB   generated 3'UTR input in Mb (bench/generate_utrs.py); default 0.5
#   THREADS   mirhit --threads, and the number of RNAhybrid processes (each on a share of the
#             UTRs); default 1
# Environment: MIRNAS (default 10): the first N miRNAs of the built-in human set
#   (reference/data/hsa_mature_mirbase22.fa); MIRHIT (default build/app/mirhit); SEED (default 1).
#
# RNAhybrid (Debian package `rnahybrid`) runs as `RNAhybrid -c -s 3utr_human -m 20000 -t UTRS
# -q MIRNAS`: the minimum-free-energy duplex of each UTR and miRNA, with a p-value; mirhit runs
# `scan --mirna MIRNAS` (every canonical seed site). They answer different questions; the point
# is the cost of each on the same input. Wall times come from bash's EPOCHREALTIME (microseconds).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/bench_args.sh
given=0
for a in "$@"; do
  [[ "$a" == -- ]] && break
  [[ "$a" == -* ]] || given=$((given + 1))
done
bench_args 0.5 2,15 "$@"
(( given >= 2 )) || threads=1
mirnas="${MIRNAS:-10}"
if ! [[ "$mirnas" =~ ^[1-9][0-9]*$ ]]; then
  echo "run_rnahybrid_compare.sh: MIRNAS must be a positive integer, got '$mirnas'" >&2
  exit 2
fi
if ! command -v RNAhybrid >/dev/null; then
  echo "run_rnahybrid_compare.sh: RNAhybrid not found; install the Debian package 'rnahybrid' (scripts/setup.sh does)" >&2
  exit 1
fi
work=bench/work
generated_input utrs
query="$work/mirnas_${mirnas}.fa"
awk -v n="$mirnas" '/^>/ { if (++k > n) exit } { print }' reference/data/hsa_mature_mirbase22.fa > "$query"
mirnas="$(grep -c '^>' "$query")"

# One share of the UTRs per RNAhybrid process, records dealt round-robin.
rm -f "$work"/rh_part_*.fa "$work"/rh_part_*.out
awk -v n="$threads" -v dir="$work" '/^>/ { part = (k++ % n) } { print > (dir "/rh_part_" part ".fa") }' "$input"

now() { echo "${EPOCHREALTIME/,/.}"; }

echo "running: RNAhybrid -c -s 3utr_human -m 20000 -t $work/rh_part_K.fa -q $query  (${threads} process(es))" >&2
t0="$(now)"
pids=()
for part in "$work"/rh_part_*.fa; do
  RNAhybrid -c -s 3utr_human -m 20000 -t "$part" -q "$query" > "${part%.fa}.out" &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
t1="$(now)"
rh_lines="$(cat "$work"/rh_part_*.out | wc -l)"

cmd=("$mirhit" scan --threads "$threads" --mirna "$query" --no-builtin-claims "${extra[@]}" -o "$work/compare_sites.tsv" "$input")
echo "running: ${cmd[*]}" >&2
t2="$(now)"
"${cmd[@]}"
t3="$(now)"
sites="$(grep -vc '^#' "$work/compare_sites.tsv" || true)"
input_nt="$(grep -v '^>' "$input" | tr -d '\n' | wc -c)"

awk -v nt="$input_nt" -v m="$mirnas" -v thr="$threads" -v t0="$t0" -v t1="$t1" -v t2="$t2" -v t3="$t3" -v rhl="$rh_lines" -v sites="$(( sites > 0 ? sites - 1 : 0 ))" 'BEGIN {
  mb = nt / 1e6
  rh = t1 - t0
  mh = t3 - t2
  printf "input         %.3f Mb of generated 3'\''UTRs, %d miRNAs, %d thread(s)/process(es)\n", mb, m, thr
  printf "RNAhybrid     %9.3f s  %10.4f MB/s  %10.3f Mb x miRNA/s per thread  (%d duplexes)\n", rh, mb / rh, mb * m / rh / thr, rhl
  printf "mirhit        %9.3f s  %10.4f MB/s  %10.3f Mb x miRNA/s per thread  (%d sites)\n", mh, mb / mh, mb * m / mh / thr, sites
  printf "ratio         mirhit is %.0fx faster\n", rh / mh
}'
