#!/usr/bin/env bash
# Side-by-side CPU time of miRanda 3.3a's default run and mirhit's scored scan on the same real
# 3'UTRs and miRNAs, run one after the other in this session (the machine is shared: compare the
# ratio of one run, not the times of two).
#
# Usage: bench/run_miranda_compare.sh [UTR.fa[.gz]] [SIZE_MB] [THREADS]
#   UTR.fa    3'UTRs (plain or gzip); default ../shared/data/utr/human_3utr_5492_genes.fa.gz
#   SIZE_MB   whole records are taken from its start until they hold this many Mb; default 1
#   THREADS   mirhit --threads (miRanda has one); default 1
# Environment:
#   MIRANDA   the miranda binary (default: miranda on PATH); build it outside the repository as
#             ../shared/docs/peers.md says (fedevelli/miRanda-patched, ./configure && make)
#   MIRHIT    the binary (default build/app/mirhit)
#   MIRNAS    the first N miRNAs of the built-in human set (default 10)
#   SCORE     mirhit's --score (default context++,duplex,access)
# miRanda runs as `miranda MIRNAS.fa UTRS.fa -out OUT` (score >= 140, dG <= -1 kcal/mol), mirhit
# as `scan --score SCORE` (canonical seed sites). CPU-s = user + system from GNU time.
# Inputs and outputs go to bench/work/miranda/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
utrs="${1:-../shared/data/utr/human_3utr_5492_genes.fa.gz}"
size_mb="${2:-1}"
threads="${3:-1}"
mirnas="${MIRNAS:-10}"
score="${SCORE:-context++,duplex,access}"
mirhit="${MIRHIT:-build/app/mirhit}"
miranda="${MIRANDA:-miranda}"
for tool in "$mirhit" "$miranda"; do
  if ! command -v "$tool" >/dev/null; then
    echo "run_miranda_compare.sh: '$tool' not found (set MIRHIT or MIRANDA)" >&2
    exit 1
  fi
done
if [[ ! -f "$utrs" ]]; then
  echo "run_miranda_compare.sh: no UTR file '$utrs'" >&2
  exit 1
fi
work=bench/work/miranda
mkdir -p "$work"
[[ -f bench/work/.gitignore ]] || printf '*\n' > bench/work/.gitignore

# Whole records from the start of the file until they hold SIZE_MB Mb (awk stops reading early:
# zcat's broken pipe is not an error).
input="$work/utrs_${size_mb}mb.fa"
{ zcat -f "$utrs" || true; } | awk -v limit="$(awk -v m="$size_mb" 'BEGIN { printf "%d", m * 1e6 }')" '
  /^>/ { if (nt >= limit) exit } !/^>/ { nt += length($0) } { print }' > "$input"
[[ -s "$input" ]] || { echo "run_miranda_compare.sh: no records read from '$utrs'" >&2; exit 1; }
query="$work/mirnas_${mirnas}.fa"
awk -v n="$mirnas" '/^>/ { if (++k > n) exit } { print }' reference/data/hsa_mature_mirbase22.fa > "$query"

timed() {  # label, then the command; prints "label wall cpu peak-RSS"
  local label="$1"; shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$@" > /dev/null 2> "$work/$label.stderr" ||
    { echo "$label failed:"; tail -5 "$work/$label.stderr"; exit 1; }
  read -r wall user sys rss < "$work/time.txt"
  echo "$label $wall $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') $rss"
}

miranda_line="$(timed miranda "$miranda" "$query" "$input" -out "$work/miranda.out")"
mirhit_line="$(timed mirhit "$mirhit" scan --threads "$threads" --quiet --mirna-file "$query" --no-builtin-claims \
  --score "$score" -o "$work/mirhit.tsv" "$input")"

records="$(grep -c '^>' "$input")"
nt="$(grep -v '^>' "$input" | tr -d '\n' | wc -c)"
hits="$(grep -c '^>>' "$work/miranda.out" || true)"
sites="$(grep -vc '^#' "$work/mirhit.tsv" || true)"
printf '%s\n%s\n' "$miranda_line" "$mirhit_line" | awk -v nt="$nt" -v rec="$records" -v m="$(grep -c '^>' "$query")" \
    -v thr="$threads" -v score="$score" -v hits="$hits" -v sites="$(( sites > 0 ? sites - 1 : 0 ))" '
  { wall[$1] = $2; cpu[$1] = $3; rss[$1] = $4 }
  END {
    printf "input     %.3f Mb (%d records) x %d miRNAs; mirhit --threads %d --score %s\n", nt / 1e6, rec, m, thr, score
    printf "miRanda   wall %7.2f s  cpu %7.2f s  peak RSS %6.1f MB  (%d UTR-miRNA pairs with hits)\n", wall["miranda"], cpu["miranda"], rss["miranda"] / 1024, hits
    printf "mirhit    wall %7.2f s  cpu %7.2f s  peak RSS %6.1f MB  (%d sites)\n", wall["mirhit"], cpu["mirhit"], rss["mirhit"] / 1024, sites
    r = cpu["mirhit"] > 0 ? cpu["miranda"] / cpu["mirhit"] : 0
    if (r >= 1) printf "ratio     mirhit uses %.2fx less CPU than miRanda\n", r
    else printf "ratio     mirhit uses %.2fx more CPU than miRanda\n", 1 / r
  }'
