#!/usr/bin/env bash
# Whole-process genome benchmark: `mirhit scan --both-strands` on a generated genome with the
# 2,656 built-in human miRNAs, for 8mer and 7mer sites (the genome-scale question), reporting
# MB/s per thread, sites/s and peak memory.
#
# The scan writes --format counts (sites per chromosome, miRNA, strand and type: the sites are
# found and counted, the output stays small). ROWS=1 also times the same scan writing one TSV
# row per site (about 43 bytes per input base), counted from the output stream, not kept.
#
# Usage: bench/run_genome_bench.sh [SIZE_MB] [THREADS] [-- EXTRA_SCAN_ARGS...]
#   SIZE_MB   genome size in Mb; default 500 (scale to 3100 for a human-sized genome)
#   THREADS   --threads for mirhit; default $(nproc)
# Environment: MIRHIT (default build/app/mirhit), SEED (default 1), ROWS (1: also the row output).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source bench/bench_args.sh
bench_args 500 2,14 "$@"
work=bench/work
generated_input genome

timing="$work/genome_time.txt"
scan=("$mirhit" scan --threads "$threads" --both-strands --sites 8mer,7mer-m8,7mer-A1 --no-builtin-claims "${extra[@]}" "$input")

# report OUTPUT_KIND SITES: the figures of the run timed into $timing.
report() {
  read -r wall rss_kb user sys < <(tail -n 1 "$timing")
  awk -v kind="$1" -v mb="$size_mb" -v wall="$wall" -v sites="$2" -v rss="$rss_kb" -v thr="$threads" \
      -v cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" 'BEGIN {
    w = (wall > 0) ? wall : 0.01
    printf "output        %s\n", kind
    printf "genome        %.0f Mb, both strands, 8mer + 7mer sites, 2,656 miRNAs\n", mb
    printf "threads       %d\n", thr
    printf "wall          %.2f s\n", wall
    printf "throughput    %.1f MB/s, %.1f MB/s per thread\n", mb / w, mb / w / thr
    # On a machine shared with other work, wall time counts waiting; CPU time does not.
    printf "cpu           %.2f s user+sys: %.1f MB per CPU-second\n", cpu, mb / (cpu > 0 ? cpu : 0.01)
    printf "sites         %d (%.0f sites/s)\n", sites, sites / w
    printf "peak RSS      %.1f MB\n", rss / 1024
  }'
}

counts="$work/genome_counts.tsv"
cmd=("${scan[@]}" --format counts -o "$counts")
echo "running: ${cmd[*]}" >&2
/usr/bin/time -f '%e %M %U %S' -o "$timing" "${cmd[@]}"
# The sum of the 'sites' column.
sites="$(awk -F '\t' '/^##/ { next } $1 == "utr_id" { for (i = 1; i <= NF; ++i) if ($i == "sites") col = i; next }
                      { n += $col } END { printf "%d", n }' "$counts")"
report "counts (--format counts, $(grep -vc '^#' "$counts") lines)" "$sites"

if [[ "${ROWS:-0}" == 1 ]]; then
  echo >&2
  echo "running: ${scan[*]} | grep -vc '^#'" >&2
  rows="$(/usr/bin/time -f '%e %M %U %S' -o "$timing" "${scan[@]}" | grep -vc '^#' || true)"
  echo
  report "one TSV row per site, piped to grep -c" "$(( rows > 0 ? rows - 1 : 0 ))"
fi
