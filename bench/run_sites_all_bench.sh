#!/usr/bin/env bash
# `scan --sites all` (canonical and non-canonical classes in one pass) beside the canonical-only
# scan on the same generated 3'UTR-like input, run in turn in one session (compare the ratios).
#
# Usage: bench/run_sites_all_bench.sh [SIZE_MB] [THREADS] [-- EXTRA_SCAN_ARGS...]
#   SIZE_MB   input size in Mb (default 10); 55 is the human 3'UTRome
#   THREADS   --threads (default: all cores)
#   after --  passed to both scans (e.g. `-- --mirnas hsa-miR-21-5p`)
# Environment:
#   MIRHIT    the binary (default build/app/mirhit);  SEED  generator seed (default 1)
#   ROUNDS    runs of each, alternating; the best of each is reported (default 3)
#   OUTPUT    tsv (default), tsv.gz, or null (-o /dev/null: no writing, the CPU work alone)
# Prints, for each scan, the best wall and CPU time, the rows and output bytes, then the ratios
# (all / canonical) of wall, CPU, rows and CPU per row.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

source bench/bench_args.sh
bench_args 10 2,14 "$@"
work=bench/work
generated_input utrs
rounds="${ROUNDS:-3}"
output="${OUTPUT:-tsv}"
case "$output" in
  tsv|tsv.gz) ;;
  null) ;;
  *) echo "run_sites_all_bench.sh: OUTPUT must be tsv, tsv.gz or null, got '$output'" >&2; exit 2 ;;
esac

target() {  # the output path of one scan
  if [[ "$output" == null ]]; then echo /dev/null; else echo "$work/sites_$1.$output"; fi
}
run() {  # sites; prints "wall cpu"
  local out; out="$(target "$1")"
  /usr/bin/time -f '%e %U %S' -o "$work/time.txt" "$mirhit" scan --quiet --threads "$threads" --sites "$1" \
    "${extra[@]}" -o "$out" "$input" 2> "$work/sites_$1.stderr" ||
    { echo "run_sites_all_bench.sh: scan --sites $1 failed:" >&2; tail -5 "$work/sites_$1.stderr" >&2; exit 1; }
  awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$work/time.txt"
}
rows_of() {  # data rows of a scan's output (counted from a plain rerun when it went to /dev/null)
  local out; out="$(target "$1")"
  if [[ "$output" == null ]]; then
    "$mirhit" scan --quiet --threads "$threads" --sites "$1" "${extra[@]}" -o "$work/sites_$1.tsv" "$input"
    out="$work/sites_$1.tsv"
  fi
  { zcat -f "$out" | grep -vc '^#' || true; } | awk '{ print $1 - 1 }'
}

declare -A best_wall best_cpu
for ((r = 0; r < rounds; ++r)); do
  for sites in canonical all; do
    read -r wall cpu < <(run "$sites")
    if [[ -z "${best_wall[$sites]:-}" ]] || awk -v a="$wall" -v b="${best_wall[$sites]}" 'BEGIN { exit !(a < b) }'; then
      best_wall[$sites]="$wall"
    fi
    if [[ -z "${best_cpu[$sites]:-}" ]] || awk -v a="$cpu" -v b="${best_cpu[$sites]}" 'BEGIN { exit !(a < b) }'; then
      best_cpu[$sites]="$cpu"
    fi
  done
done

rows_c="$(rows_of canonical)"
rows_a="$(rows_of all)"
bytes_of() { [[ "$output" == null ]] && stat -c %s "$work/sites_$1.tsv" || stat -c %s "$(target "$1")"; }
bytes_c="$(bytes_of canonical)"
bytes_a="$(bytes_of all)"
awk -v size="$size_mb" -v thr="$threads" -v out="$output" -v rounds="$rounds" \
    -v wc="${best_wall[canonical]}" -v cc="${best_cpu[canonical]}" -v rc="$rows_c" -v bc="$bytes_c" \
    -v wa="${best_wall[all]}" -v ca="${best_cpu[all]}" -v ra="$rows_a" -v ba="$bytes_a" 'BEGIN {
  printf "input      %s Mb generated 3'"'"'UTRs, --threads %d, output %s, best of %d alternating runs\n", size, thr, out, rounds
  printf "canonical  wall %7.2f s  cpu %7.2f s  %10d rows  %8.1f MB\n", wc, cc, rc, bc / 1e6
  printf "all        wall %7.2f s  cpu %7.2f s  %10d rows  %8.1f MB\n", wa, ca, ra, ba / 1e6
  printf "ratio      wall %.2fx  cpu %.2fx  rows %.2fx  bytes %.2fx  cpu per row %.2fx\n",
         wa / (wc > 0 ? wc : 0.01), ca / (cc > 0 ? cc : 0.01), ra / rc, ba / bc, (ca / ra) / (cc / rc)
}'
