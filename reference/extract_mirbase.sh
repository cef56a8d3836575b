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

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# apt-get download runs as _apt when it can; let it write into the temp dir.
chmod 0777 "$tmp"

(cd "$tmp" && apt-get download optimir >/dev/null)
deb="$(find "$tmp" -maxdepth 1 -name 'optimir_*.deb' -print -quit)"
if [[ -z "$deb" ]]; then
  echo "extract_mirbase.sh: apt-get download optimir produced no .deb (run apt-get update?)" >&2
  exit 1
fi
version="$(dpkg-deb -f "$deb" Version)"

dpkg-deb -x "$deb" "$tmp/root"
mapfile -t found < <(find "$tmp/root" -type f -name "$want_name")
if [[ ${#found[@]} -ne 1 ]]; then
  echo "extract_mirbase.sh: expected exactly one $want_name in $deb, found ${#found[@]}" >&2
  exit 1
fi
src="${found[0]}"

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
