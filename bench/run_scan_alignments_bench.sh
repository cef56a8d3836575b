#!/usr/bin/env bash
# Times `mirhit scan --alignments` (BL and PCT in-process, the alignments as the input) against
# the file route it replaces, in the same run: targetscan, targetscan-bl-bins, targetscan-bl-pct,
# then scan --pct on the human UTRs; best wall time of REPEATS, rows checked equal first. Input:
# N stress sets of tests/targetscan7/generate_alignments.py joined (each without its repeated
# GENE00 block, which scan refuses).
#
# Usage: bench/run_scan_alignments_bench.sh PCT_PARAMETERS_DIR [N] [REPEATS] [SCAN OPTIONS ...]
# Environment: MIRHIT (default build/app/mirhit), THREADS (default all cores).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
params="$(cd "$1" && pwd)"; sets="${2:-10}"; repeats="${3:-3}"; shift $(( $# < 3 ? $# : 3 ))
mirhit="$(readlink -f "${MIRHIT:-$root/build/app/mirhit}")"
threads="${THREADS:-$(nproc)}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cd "$work"
ln -s "$params" PCT_parameters
for i in $(seq "$sets"); do
    python3 "$root/tests/targetscan7/generate_alignments.py" "gen$i" "$i"
    head -n -2 "gen$i/utrs.txt" | sed "s/^/S${i}_/" >> utrs.txt
done
cp gen1/families.txt families.txt
# The human rows without gaps, the last of a gene, genes without letters left out.
awk -F'\t' '$2 == "9606" { s = $3; gsub("-", "", s); if (!($1 in u)) o[++n] = $1; u[$1] = s }
            END { for (i = 1; i <= n; i++) if (u[o[i]] != "") printf ">%s\n%s\n", o[i], u[o[i]] }' utrs.txt > utrs.fa
awk -F'\t' '{ printf ">m%d\nU%sUAGUUGUAUAGUU\n", NR, $2 }' families.txt > mirnas.fa  # a miRNA per family
files_route="$mirhit targetscan families.txt utrs.txt t.txt -t $threads && $mirhit targetscan-bl-bins utrs.txt b.txt -t $threads &&
  $mirhit targetscan-bl-pct families.txt t.txt b.txt p.txt -t $threads &&
  $mirhit scan utrs.fa --pct p.txt --mirna-file mirnas.fa -q -t $threads -o a.tsv $*"
one_command="$mirhit scan --alignments utrs.txt --mirna-file mirnas.fa -q -t $threads -o b.tsv $*"
bash -c "$files_route" 2> /dev/null; bash -c "$one_command" 2> /dev/null
cmp <(grep -v '^##' a.tsv) <(grep -v '^##' b.tsv) || { echo "rows differ" >&2; exit 1; }

best() {  # best wall seconds of $repeats runs of the command
    local b=""
    for _ in $(seq "$repeats"); do
        local s e; s=$(date +%s.%N); bash -c "$1" > /dev/null 2>&1; e=$(date +%s.%N)
        b=$(echo "$s $e ${b:-1e9}" | awk '{t = $2 - $1; print (t < $3 ? t : $3)}')
    done
    echo "$b"
}
f=$(best "$files_route"); o=$(best "$one_command")
echo "$(grep -c . utrs.txt) UTR rows, $(grep -c '^>' utrs.fa) human UTRs, $(grep -vc '^#' b.tsv) site rows (incl. header)"
printf "%-40s %8.3f s\n%-40s %8.3f s\nratio %.2fx\n" "drop-ins + scan --pct" "$f" "scan --alignments" "$o" "$(echo "$f $o" | awk '{print $1 / $2}')"
