#!/usr/bin/env bash
# Whole-process benchmark of `mirhit scan` on generated 3'UTR-like input.
#
# Usage: bench/run_scan_bench.sh [SIZE_MB] [THREADS] [-- EXTRA_SCAN_ARGS...]
#   SIZE_MB   total input size in Mb (10^6 nt); default 55, about the human 3'UTRome
#   THREADS   --threads for mirhit; default $(nproc)
#   after --  passed to `mirhit scan` unchanged (e.g. `-- --score`)
# Environment:
#   MIRHIT    the binary (default build/app/mirhit, relative to the repository root)
#   SEED      generator seed (default 1)
#
# The input is generated once by bench/generate_utrs.py into bench/work/ and reused (cached by
# size and seed). Timing (wall and CPU) and peak memory come from GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

source bench/bench_args.sh
bench_args 55 2,13 "$@"
work=bench/work

generated_input utrs

out="$work/sites.tsv"
timing="$work/time.txt"
log="$work/scan.stderr"
rm -f "$out" "$timing"
cmd=("$mirhit" scan --threads "$threads" "${extra[@]}" -o "$out" "$input")
echo "running: ${cmd[*]}" >&2
status=0
/usr/bin/time -f '%e %M %U %S' -o "$timing" "${cmd[@]}" 2>"$log" || status=$?
if [[ $status -ne 0 ]]; then
  echo "run_scan_bench.sh: mirhit exited with status $status; its stderr ($log):" >&2
  tail -n 20 "$log" >&2
  exit 1
fi
if [[ ! -f "$out" ]]; then
  echo "run_scan_bench.sh: mirhit wrote no $out" >&2
  exit 1
fi

read -r wall rss_kb user sys < <(tail -n 1 "$timing")
# Data rows: lines not starting with '#', minus the column header line.
rows="$(grep -vc '^#' "$out" || true)"
sites=$(( rows > 0 ? rows - 1 : 0 ))
input_nt="$(grep -v '^>' "$input" | tr -d '\n' | wc -c)"
out_bytes="$(stat -c %s "$out")"

awk -v nt="$input_nt" -v wall="$wall" -v sites="$sites" -v rss="$rss_kb" -v cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" \
    -v ob="$out_bytes" -v thr="$threads" -v bin="$mirhit" -v extra="${extra[*]}" 'BEGIN {
  mb = nt / 1e6
  w = (wall > 0) ? wall : 0.01   # GNU time has 10 ms resolution
  printf "binary        %s%s\n", bin, (extra != "" ? "  (extra: " extra ")" : "")
  printf "threads       %d\n", thr
  printf "input         %.2f Mb\n", mb
  printf "wall          %.2f s\n", wall
  printf "cpu           %.2f s (user + system)\n", cpu
  printf "throughput    %.2f Mb/s\n", mb / w
  printf "sites         %d\n", sites
  printf "sites/s       %.0f\n", sites / w
  printf "peak RSS      %.1f MB\n", rss / 1024
  printf "output        %.1f MB (%.0f bytes)\n", ob / 1e6, ob
}'
