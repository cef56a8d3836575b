#!/usr/bin/env bash
# Regenerate reference/data/ta_hsa_BA000025.tsv, mirhit's built-in target-site abundance (TA).
#
# No Debian package ships a human 3'UTRome, so the built-in TA is counted by `mirhit abundance
# --both-strands` on the largest human sequence Debian does ship: GenBank BA000025 (2.23 Mb of
# the human MHC class I region, chromosome 6p21.3) in emboss-test's gbpri1.seq. Its TA agrees
# with TargetScan 7's with Pearson r = 0.957; a real 3'UTR set does better (mirhit abundance
# on your 3'UTRome, then --ta).
#
# Usage: reference/make_ta_table.sh [MIRHIT] [OUTPUT]
#   MIRHIT  the binary (default build/app/mirhit)   OUTPUT  default reference/data/ta_hsa_BA000025.tsv
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mirhit="$(realpath "${1:-$here/../build/app/mirhit}")"
out="${2:-$here/data/ta_hsa_BA000025.tsv}"
accession=BA000025

source "$here/deb_file.sh"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
deb_file emboss-test gbpri1.seq "$tmp"
version="$deb_version"
gb="$deb_path"

# The ORIGIN lines of one LOCUS: drop the position numbers and spaces.
awk -v acc="$accession" '
  /^LOCUS/ { keep = ($2 == acc); if (keep) print ">" acc; next }
  keep && /^ORIGIN/ { seq = 1; next }
  keep && /^\/\// { keep = 0; seq = 0; next }
  keep && seq { gsub(/[^A-Za-z]/, ""); print toupper($0) }
' "$gb" > "$tmp/$accession.fa"
length="$(grep -v '^>' "$tmp/$accession.fa" | tr -d '\n' | wc -c)"
[[ "$length" -eq 2229817 ]] || { echo "make_ta_table.sh: $accession is $length nt, expected 2229817" >&2; exit 1; }

cd "$tmp"
"$mirhit" abundance --both-strands "$accession.fa" -o out.tsv
mkdir -p "$(dirname "$out")"
mv "$tmp/out.tsv" "$out"
echo "package:  emboss-test $version (usr/share/EMBOSS/test/genbank/gbpri1.seq, LOCUS $accession, $length nt)"
echo "sha256:   $(sha256sum "$out" | cut -d' ' -f1)"
echo "written:  $out"
