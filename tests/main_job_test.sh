#!/usr/bin/env bash
# The main job (scripts/main_job.sh, what ./run.sh runs after set-up and build) exits 0 and prints
# the verdicts of the curated claims on the example UTRs and the strongest pairs.
#   main_job_test.sh MIRHIT_BINARY SOURCE_DIR
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$2/scripts/main_job.sh" "$1" "$tmp/results" > "$tmp/out.txt" || { cat "$tmp/out.txt"; echo "main job failed"; exit 1; }
for expected in \
    $'C031\thsa-miR-103a-3p\tCDH5\tstrong: 1 7mer-A1, 1 offset-6mer, 1 6mer-A1, 1 7mer-A1-GU and 2 bulge-7mer sites, context++ -0.127, not ranked (5 genes in the input)' \
    $'C006\thsa-miR-221-3p\tSPINT1\tweak: only 1 7mer-A1-GU site, context++ NA, not ranked (5 genes in the input)' \
    'Strongest predicted gene x miRNA pairs (most negative total context++):' \
    $'SPINT1\thsa-miR-1293\t0\t0\t1\t2\t0\t-0.843\t7mer-A1:649:-0.325'; do
    grep -qxF "$expected" "$tmp/out.txt" || { cat "$tmp/out.txt"; echo "missing line: $expected"; exit 1; }
done
for f in example_validation.tsv example_validation.html example_sites.tsv example_genes.tsv; do
    [[ -s "$tmp/results/$f" ]] || { echo "no $f"; exit 1; }
done
echo "main job: ok ($(wc -l < "$tmp/out.txt") lines printed)"
