#!/usr/bin/env bash
# Whole-process genome benchmark: `mirhit scan --both-strands` on a generated genome with the
# 2,656 built-in human miRNAs, for 8mer and 7mer sites (the genome-scale question), reporting
# MB/s per thread, sites/s and peak memory. Sites are counted from the output stream (not kept).
#
# Usage: bench/run_genome_bench.sh [SIZE_MB] [THREADS] [-- EXTRA_SCAN_ARGS...]
#   SIZE_MB   genome size in Mb; default 500 (scale to 3100 for a human-sized genome)
#   THREADS   --threads for mirhit; default $(nproc)
# Environment: MIRHIT (default build/app/mirhit), SEED (default 1).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/bench_args.sh
bench_args 500 2,10 "$@"
work=bench/work
generated_input genome

timing="$work/genome_time.txt"
cmd=("$mirhit" scan --threads "$threads" --both-strands --sites 8mer,7mer-m8,7mer-A1 --no-builtin-claims "${extra[@]}" "$input")
echo "running: ${cmd[*]} | grep -vc '^#'" >&2
rows="$(/usr/bin/time -f '%e %M %U %S' -o "$timing" "${cmd[@]}" | grep -vc '^#' || true)"
read -r wall rss_kb user sys < <(tail -n 1 "$timing")
awk -v mb="$size_mb" -v wall="$wall" -v sites="$(( rows > 0 ? rows - 1 : 0 ))" -v rss="$rss_kb" -v thr="$threads" \
    -v cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" 'BEGIN {
  w = (wall > 0) ? wall : 0.01
  printf "genome        %.0f Mb, both strands, 8mer + 7mer sites, 2,656 miRNAs\n", mb
  printf "threads       %d\n", thr
  printf "wall          %.2f s\n", wall
  printf "throughput    %.1f MB/s, %.1f MB/s per thread\n", mb / w, mb / w / thr
  # On a machine shared with other work, wall time counts waiting; CPU time does not.
  printf "cpu           %.2f s user+sys: %.1f MB per CPU-second\n", cpu, mb / (cpu > 0 ? cpu : 0.01)
  printf "sites         %d (%.0f sites/s)\n", sites, sites / w
  printf "peak RSS      %.1f MB\n", rss / 1024
}'
