#!/usr/bin/env bash
# Whole-process benchmark of a mirhit index: building it, and validate queries with --index
# against the same queries from FASTA (outputs compared byte for byte but for the '##' lines
# naming the input).
#
# Usage: bench/run_index_bench.sh UTR.fa[.gz] [THREADS] [MIRNA GENE]
#   UTR.fa    a 3'UTR set, e.g. ../shared/data/utr/human_3utr_5492_genes.fa.gz (10.6 Mb)
#   THREADS   --threads (default 2)
#   MIRNA GENE  the single validate query (default miR-21 PTEN)
# Environment: MIRHIT, the binary (default build/app/mirhit). Outputs go to bench/work/index/.
# Times: wall and CPU (user + system) seconds from GNU time; the machine is shared, so compare
# ratios from one run. Set SKIP_FASTA=1 to leave out the (slow) FASTA runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
utrs="${1:?usage: bench/run_index_bench.sh UTR.fa [THREADS] [MIRNA GENE]}"
threads="${2:-2}"
mirna="${3:-miR-21}"
gene="${4:-PTEN}"
mirhit="${MIRHIT:-build/app/mirhit}"
work=bench/work/index
mkdir -p "$work"
index="$work/utrs.mhx"

timed() {  # label, then the command; prints "label wall cpu peak-RSS"
    local label="$1"; shift
    /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$@" 2>"$work/$label.stderr" ||
        { echo "$label failed:"; tail -5 "$work/$label.stderr"; exit 1; }
    read -r wall user sys rss < "$work/time.txt"
    awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
        'BEGIN { printf "%-22s wall %7.2f s  cpu %7.2f s  peak RSS %7.1f MB\n", l, w, u + s, r / 1024 }'
}
same_rows() {  # two outputs equal but for the command and input lines
    if diff <(grep -v '^## \(command\|utrs\):' "$1") <(grep -v '^## \(command\|utrs\):' "$2") > /dev/null; then
        echo "  outputs identical (but for ## command/utrs)"
    else
        echo "  OUTPUTS DIFFER: $1 $2"; exit 1
    fi
}

timed index "$mirhit" index -t "$threads" --quiet "$utrs" -o "$index"
ls -l "$index" | awk '{ printf "index size %.1f MB\n", $5 / 1e6 }'
timed validate_index "$mirhit" validate -t "$threads" "$mirna" "$gene" --index "$index" -o "$work/v_index.txt"
timed curated_all_index "$mirhit" validate -t "$threads" --curated-all --index "$index" -o "$work/c_index.tsv"
if [[ -z "${SKIP_FASTA:-}" ]]; then
    timed validate_fasta "$mirhit" validate -t "$threads" "$mirna" "$gene" --utr "$utrs" -o "$work/v_fasta.txt"
    same_rows "$work/v_index.txt" "$work/v_fasta.txt"
    timed curated_all_fasta "$mirhit" validate -t "$threads" --curated-all --utr "$utrs" -o "$work/c_fasta.tsv"
    same_rows "$work/c_index.tsv" "$work/c_fasta.tsv"
fi
