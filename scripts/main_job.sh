#!/usr/bin/env bash
# mirhit's main job on the example 3'UTRs (examples/), run by run.sh after set-up and build, and
# by the test suite (tests/main_job_test.sh): every curated metastasis claim whose target gene is
# there (CDH5/VE-cadherin, SPINT1/HAI-1) checked against the sequence (`mirhit validate
# --curated-all`, text and HTML report), then every canonical site of the 2,656 built-in human
# miRNAs, scored with context++ (SA included), duplex free energy and accessibility (dG_open,
# ddG), with a per-gene summary.
#   scripts/main_job.sh MIRHIT_BINARY RESULTS_DIR
set -euo pipefail
mirhit=$(realpath "$1")
mkdir -p "$2"
results=$(realpath "$2")
cd "$(dirname "${BASH_SOURCE[0]}")/.."
"$mirhit" validate --curated-all --utr examples/utrs.fa.gz --orf examples/orfs.fa \
  -o "$results/example_validation.tsv" --html "$results/example_validation.html"
"$mirhit" scan examples/utrs.fa.gz --score context++,duplex,access --orf examples/orfs.fa \
  -o "$results/example_sites.tsv" --gene-summary "$results/example_genes.tsv"
echo "Curated claims checked against the example 3'UTRs ($2/example_validation.tsv, .html):"
awk -F '\t' -v OFS='\t' '/^##/ { next } !v { for (i = 1; i <= NF; ++i) if ($i == "verdict") v = i } { print $1, $2, $3, $v }' \
  "$results/example_validation.tsv"
echo
echo "mirhit: wrote $2/example_sites.tsv ($(grep -vc '^#' "$results/example_sites.tsv") lines with the header)" \
     "and $2/example_genes.tsv"
echo "Sites per type:"
grep -v '^#' "$results/example_sites.tsv" | tail -n +2 | cut -f5 | sort | uniq -c | sort -rn
echo "Strongest predicted gene x miRNA pairs (most negative total context++):"
# awk, not head: head would stop reading early and, under pipefail, sort's SIGPIPE would fail the job.
grep -v '^#' "$results/example_genes.tsv" | tail -n +2 | sort -t$'\t' -k11,11g | awk 'NR <= 10' | cut -f1,2,4-8,11,14
