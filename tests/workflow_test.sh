#!/usr/bin/env bash
# The Snakemake workflow (workflow/Snakefile) run locally on the example UTRs in a temporary
# directory: its merged output must equal one unsharded mirhit scan, byte for byte.
#   workflow_test.sh MIRHIT_BINARY SOURCE_DIR
# Exits 77 (skipped) when snakemake is not installed (scripts/setup.sh installs it).
set -euo pipefail
mirhit=$1
source=$2
command -v snakemake >/dev/null || { echo "snakemake is not installed (scripts/setup.sh installs it): skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run NAME SHARDS FORMAT SCAN_OPTIONS SIDE_OUTPUTS: the workflow in $tmp/NAME/workflow, the single
# run in $tmp/NAME/single, both writing results/sites.FORMAT (sites.counts.tsv for counts; so
# their '## command' lines are equal), with SIDE_OUTPUTS=true also results/genes.tsv and
# results/claims.tsv.
run() {
    local name=$1 shards=$2 format=$3 options=$4 side=$5 dir=$tmp/$1
    local extension=$format
    [[ $format == counts ]] && extension=counts.tsv
    local outputs=(-o "results/sites.$extension") files=("sites.$extension")
    if [[ $side == true ]]; then
        outputs+=(--gene-summary results/genes.tsv --claims results/claims.tsv)
        files+=(genes.tsv claims.tsv)
    fi
    mkdir -p "$dir/single/results"
    cat > "$dir/config.yaml" <<END
mirhit: "$mirhit"
utrs: ["$source/examples/utrs.fa.gz", "$dir/more.fa"]
shards: $shards
threads: 1
mirnas: "hsa-miR-21-5p,hsa-miR-103a-3p,hsa-miR-29a-3p,hsa-let-7a-5p,hsa-miR-335-5p"
format: $format
scan_options: "$options"
gene_summary: $side
claims: $side
END
    printf '>EXTRA1 gene=CDH5\nUGCUGCAAAAUAAGCUAUGGUGCUAA\n>EXTRA2 gene=PTEN\nAUAAGCUACUACCUCA\n' > "$dir/more.fa"
    snakemake --snakefile "$source/workflow/Snakefile" --directory "$dir/workflow" --configfile "$dir/config.yaml" \
        --cores 2 --quiet > "$dir/snakemake.log" 2>&1 || { cat "$dir/snakemake.log"; exit 1; }
    (cd "$dir/single" && "$mirhit" scan "$source/examples/utrs.fa.gz" "$dir/more.fa" \
        --mirnas hsa-miR-21-5p,hsa-miR-103a-3p,hsa-miR-29a-3p,hsa-let-7a-5p,hsa-miR-335-5p --format "$format" $options \
        "${outputs[@]}")
    local shard_files
    shard_files=$(ls "$dir/workflow/results/shards" | wc -l)
    [[ $shard_files -eq $((shards * ${#files[@]})) ]] || { echo "$name: $shard_files shard files, expected $((shards * ${#files[@]}))"; exit 1; }
    for f in "${files[@]}"; do
        cmp "$dir/single/results/$f" "$dir/workflow/results/$f" || { echo "$name: merged $f differs from the single run's"; exit 1; }
    done
    echo "$name: $shards shards merged equal the single run (${files[*]}; $(wc -l < "$dir/single/results/sites.$extension") lines)"
}

run scored 3 tsv "--score context++ --orf $source/examples/orfs.fa" true
# More shards than records: some shards are empty.
run empty_shards 9 bed "--both-strands" false
run counts 4 counts "--both-strands --sites 8mer,7mer-m8,7mer-A1" true
