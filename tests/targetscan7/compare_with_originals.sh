#!/usr/bin/env bash
# Compares mirhit's TargetScan 7 conservation drop-ins with the Perl originals on generated
# alignments (generate_alignments.py), byte for byte, for several random seeds and thread counts.
# Not run by ctest: it needs the originals, BioPerl and Statistics::Lite
# (apt-get install libbio-perl-perl libstatistics-lite-perl).
#
# Usage: compare_with_originals.sh ORIGINALS_DIR MIRHIT [SEEDS...]
#   ORIGINALS_DIR holds targetscan_70.pl, targetscan_70_BL_bins.pl, targetscan_70_BL_PCT.pl,
#   targetscan_count_8mers.pl and their PCT_parameters directory (they read it beside themselves).
set -euo pipefail
orig="$(cd "$1" && pwd)"; mirhit="$(readlink -f "$2")"; shift 2
seeds=("$@"); [ ${#seeds[@]} -gt 0 ] || seeds=(1 2 3)
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
failures=0
same() {  # same NAME EXPECTED ACTUAL
    if cmp -s "$2" "$3"; then echo "  same: $1"; else echo "  DIFFERENT: $1"; diff "$2" "$3" | head -5; failures=$((failures + 1)); fi
}
for seed in "${seeds[@]}"; do
    echo "seed $seed"
    d="$work/$seed"; mkdir -p "$d/orig" "$d/mirhit"
    python3 "$here/generate_alignments.py" "$d/in" "$seed"
    (cd "$d/orig"
     "$orig/targetscan_70.pl" ../in/families.txt ../in/utrs.txt targets.txt > /dev/null
     "$orig/targetscan_70_BL_bins.pl" ../in/utrs.txt > bins.txt 2> /dev/null
     cp targets.txt targets_subset.txt
     # Rows out of group order, so that the sort matters (header kept first).
     { head -1 targets.txt; tail -n +2 targets.txt | shuf --random-source=<(yes "$seed"); } > shuffled.txt
     cp shuffled.txt shuffled_in.txt
     "$orig/targetscan_70_BL_PCT.pl" ../in/families.txt shuffled_in.txt bins.txt > bl_pct_shuffled.txt 2> /dev/null
     "$orig/targetscan_70_BL_PCT.pl" ../in/families.txt targets.txt bins.txt > bl_pct.txt 2> /dev/null
     "$orig/targetscan_70_BL_PCT.pl" ../in/families_subset.txt targets_subset.txt bins.txt > bl_pct_subset.txt 2> /dev/null
     cp ../in/orfs.txt orfs.txt
     "$orig/targetscan_count_8mers.pl" ../in/families.txt orfs.txt > counts.txt 2> /dev/null)
    for threads in 1 2; do
        (cd "$d/mirhit"
         ln -sfn "$orig/PCT_parameters" PCT_parameters
         # BL/PCT reads the original's targets: mirhit targetscan is compared on its own below.
         "$mirhit" targetscan ../in/families.txt ../in/utrs.txt mirhit_targets.txt
         cp ../orig/targets.txt targets.txt
         cp ../orig/shuffled.txt shuffled_in.txt
         "$mirhit" targetscan-bl-bins ../in/utrs.txt bins.txt -t "$threads" 2> /dev/null
         "$mirhit" targetscan-bl-pct ../in/families.txt targets.txt bins.txt bl_pct.txt -t "$threads" 2> /dev/null
         "$mirhit" targetscan-bl-pct ../in/families_subset.txt targets.txt bins.txt bl_pct_subset.txt -t "$threads" 2> /dev/null
         "$mirhit" targetscan-bl-pct ../in/families.txt shuffled_in.txt bins.txt bl_pct_shuffled.txt -t "$threads" 2> /dev/null
         cp ../in/orfs.txt orfs.txt
         "$mirhit" targetscan-count-8mers ../in/families.txt orfs.txt counts.txt -t "$threads")
        if cmp -s "$d/orig/targets.txt" "$d/mirhit/mirhit_targets.txt"; then echo "  same: targetscan (not counted)"
        else echo "  note: mirhit targetscan differs from this run of targetscan_70.pl (not counted: with the all-U"
             echo "        seed the original's output changes from run to run, following Perl's hash order)"; fi
        for f in bins.txt bl_pct.txt bl_pct_subset.txt bl_pct_shuffled.txt counts.txt orfs.lengths.txt; do
            same "$f (--threads $threads)" "$d/orig/$f" "$d/mirhit/$f"
        done
    done
done
echo "$failures differences"
[ "$failures" -eq 0 ]
