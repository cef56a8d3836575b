#!/usr/bin/env bash
# Compressed input and output, whole process, as same-run ratios.
# Usage: bench/run_io_bench.sh [MIRHIT] [OLD_MIRHIT]   (run from the repository root)
# Scans a 40 Mb gzipped UTR set (bench/generate_utrs.py 40, seed 1) for 12 miRNAs on 2 threads,
# against `zcat FILE > /dev/null` on the same file; then writes the sites plain and as .gz, .bz2,
# .xz and .zst. With OLD_MIRHIT, the same scan with that binary too. Scans: best of ROUNDS
# (default 8) wall times, taken in turn with zcat's; outputs: best of 3.
set -euo pipefail
mirhit="${1:-build/app/mirhit}"
old="${2:-}"
work=bench/work
mkdir -p "$work"
utrs="$work/u40.fa"
[[ -f "$utrs.gz" ]] || { python3 bench/generate_utrs.py 40 -o "$utrs" >/dev/null; gzip -kf "$utrs"; }
mirnas=hsa-miR-21-5p,hsa-let-7a-5p,hsa-miR-155-5p,hsa-miR-1-3p,hsa-miR-122-5p,hsa-miR-16-5p,hsa-miR-17-5p,hsa-miR-200c-3p,hsa-miR-34a-5p,hsa-miR-145-5p,hsa-miR-10b-5p,hsa-miR-9-5p
once() { /usr/bin/time -o "$work/time.txt" -f %e "$@" >/dev/null 2>&1; tail -1 "$work/time.txt"; }  # wall seconds
best() {  # best wall time of 3 runs of "$@", in seconds
  local best=999999
  for _ in 1 2 3; do best=$(python3 -c "print(min($best, $(once "$@")))"); done
  echo "$best"
}
# zcat and the scans in turn, best of ROUNDS (default 8) each: a busy machine slows them alike.
zcat_time=999999; scan_time=999999; old_time=999999
for _ in $(seq "${ROUNDS:-8}"); do
  zcat_time=$(python3 -c "print(min($zcat_time, $(once sh -c "zcat '$utrs.gz' > /dev/null")))")
  scan_time=$(python3 -c "print(min($scan_time, $(once "$mirhit" scan --mirnas "$mirnas" -t 2 "$utrs.gz" -o /dev/null)))")
  [[ -z "$old" ]] || old_time=$(python3 -c "print(min($old_time, $(once "$old" scan --mirnas "$mirnas" -t 2 "$utrs.gz" -o /dev/null)))")
done
echo "zcat: ${zcat_time}s  scan .gz: ${scan_time}s  ratio $(python3 -c "print(round($scan_time/$zcat_time, 2))")"
[[ -z "$old" ]] || echo "old scan .gz: ${old_time}s  ratio to zcat $(python3 -c "print(round($old_time/$zcat_time, 2))")"
plain_time=$(best "$mirhit" scan --mirnas "$mirnas" -t 2 "$utrs" -o "$work/sites.tsv")
size=$(stat -c %s "$work/sites.tsv")
echo "sites plain: ${plain_time}s, $((size / 1000000)) MB"
for suffix in gz bz2 xz zst; do
  t=$(best "$mirhit" scan --mirnas "$mirnas" -t 2 "$utrs" -o "$work/sites.tsv.$suffix")
  echo "sites .$suffix: ${t}s ($(python3 -c "print(round($t/$plain_time, 2))")x plain), $(python3 -c "print(round($size/1e6/$t, 1))") MB/s of output"
done
