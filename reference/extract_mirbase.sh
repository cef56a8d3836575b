#!/usr/bin/env bash
# Regenerate reference/data/hsa_mature_mirbase22.fa from Debian's optimir package.
#
# optimir ships the 2,656 human mature miRNAs of miRBase 22 (DNA letters) as
#   /usr/lib/python3/dist-packages/optimir/resources/fasta/hsa_matures_miRBase_v22.fa
# We only download the .deb (no install: optimir pulls in heavy dependencies),
# unpack it into a temporary directory and copy that one file byte for byte.
#
# Usage: reference/extract_mirbase.sh [OUTPUT]   (default: reference/data/hsa_mature_mirbase22.fa)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/data/hsa_mature_mirbase22.fa}"
want_name="hsa_matures_miRBase_v22.fa"
want_records=2656

source "$here/deb_file.sh"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
deb_file optimir "$want_name" "$tmp"
version="$deb_version"
src="$deb_path"

records="$(grep -c '^>' "$src")"
if [[ "$records" -ne "$want_records" ]]; then
  echo "extract_mirbase.sh: $src has $records records, expected $want_records" >&2
  exit 1
fi

mkdir -p "$(dirname "$out")"
cp "$src" "$out.tmp"
mv "$out.tmp" "$out"

echo "package:  optimir $version"
echo "path:     ${src#"$tmp/root"}"
echo "records:  $records"
echo "sha256:   $(sha256sum "$out" | cut -d' ' -f1)"
echo "written:  $out"
