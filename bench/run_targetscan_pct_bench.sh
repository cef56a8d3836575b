#!/usr/bin/env bash
# Times mirhit's drop-ins for TargetScan 7's conservation scripts against the Perl originals in
# the same run, on TargetScan's sample input (and on a larger generated input with --generated N:
# N stress sets of tests/targetscan7/generate_alignments.py joined), best wall time of REPEATS.
#
# Usage: bench/run_targetscan_pct_bench.sh ORIGINALS_DIR TARGETSCAN7_DATA [--generated N] [REPEATS]
#   ORIGINALS_DIR     targetscan_70_BL_bins.pl, targetscan_70_BL_PCT.pl, targetscan_count_8mers.pl
#                     with PCT_parameters beside them (they read it there)
#   TARGETSCAN7_DATA  TargetScan 7's data folder: sample-input/, sample-output/, PCT_parameters/
# Environment: MIRHIT (default build/app/mirhit), THREADS (default all cores).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
orig="$(cd "$1" && pwd)"; data="$(cd "$2" && pwd)"; shift 2
generated=0
if [ "${1:-}" = "--generated" ]; then generated="$2"; shift 2; fi
repeats="${1:-3}"
mirhit="$(readlink -f "${MIRHIT:-$root/build/app/mirhit}")"
threads="${THREADS:-$(nproc)}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cd "$work"
ln -s "$data/PCT_parameters" PCT_parameters

if [ "$generated" -gt 0 ]; then
    for i in $(seq "$generated"); do
        python3 "$root/tests/targetscan7/generate_alignments.py" "gen$i" "$i"
        sed "s/^/S${i}_/" "gen$i/utrs.txt" >> utrs.txt
        sed "s/^/S${i}_/" "gen$i/orfs.txt" >> orfs.txt
    done
    cp gen1/families.txt families.txt
    "$mirhit" targetscan families.txt utrs.txt targets.txt
else
    cp "$data/sample-input/UTR_Sequences_sample.txt" utrs.txt
    cp "$data/sample-input/ORF_Sequences_sample.txt" orfs.txt
    cp "$data/sample-input/miR_Family_info_sample.txt" families.txt
    cp "$data/sample-output/targetscan_70_output.txt" targets.txt
fi
"$mirhit" targetscan-bl-bins utrs.txt bins.txt 2> /dev/null

best() {  # best wall seconds of $repeats runs of the command
    local b=""
    for _ in $(seq "$repeats"); do
        rm -f targets.sort.txt orfs.lengths.txt
        local s e; s=$(date +%s.%N); "$@" > /dev/null 2>&1; e=$(date +%s.%N)
        b=$(echo "$s $e ${b:-1e9}" | awk '{t = $2 - $1; print (t < $3 ? t : $3)}')
    done
    echo "$b"
}
printf "%-24s %10s %10s %8s\n" step perl_s mirhit_s ratio
row() {  # row NAME "PERL COMMAND" "MIRHIT COMMAND"
    local p m; p=$(best bash -c "$2"); m=$(best bash -c "$3")
    printf "%-24s %10.3f %10.3f %7.1fx\n" "$1" "$p" "$m" "$(echo "$p $m" | awk '{print $1 / $2}')"
}
row BL_bins "$orig/targetscan_70_BL_bins.pl utrs.txt > o.txt" "$mirhit targetscan-bl-bins utrs.txt o.txt -t $threads"
row BL_PCT "$orig/targetscan_70_BL_PCT.pl families.txt targets.txt bins.txt > o.txt" \
    "$mirhit targetscan-bl-pct families.txt targets.txt bins.txt o.txt -t $threads"
row count_8mers "$orig/targetscan_count_8mers.pl families.txt orfs.txt > o.txt" \
    "$mirhit targetscan-count-8mers families.txt orfs.txt o.txt -t $threads"
