#!/usr/bin/env bash
# Installs what mirhit needs from Debian 12 packages. Safe to re-run: it calls apt-get only when
# something is missing.
#   scripts/setup.sh           what building mirhit and running its main job need (run.sh)
#   scripts/setup.sh --tests   that, and what the test suite and benchmarks need (test.sh)
set -euo pipefail

packages=(
  g++ cmake make pkg-config
  libtbb-dev zlib1g-dev libcli11-dev
  help2man      # the man pages, generated from each command's --help at build time
  libboost-iostreams-dev   # every input and output stream: gzip, bzip2, xz, zstd
  libbz2-dev liblzma-dev libzstd-dev   # bzip2, xz, zstd input read member by member
  libisal-dev              # ISA-L igzip: gzip input inflated about 3x faster than zlib
  libseqan3-dev            # SeqAn3 3.2 (bundles its sdsl-lite; needs zlib found first)
)
if [[ "${1:-}" == "--tests" ]]; then
  packages+=(
    libgtest-dev libbenchmark-dev
    python3 time gzip bzip2 xz-utils zstd   # the compressed round-trip tests
    snakemake     # the scale-out workflow in workflow/ and its test
    chromium      # headless: the test that renders the validate HTML report
    emboss-test   # real GenBank records (human mRNAs, BA000025) for the utrs tests
    rnahybrid     # bench/run_rnahybrid_compare.sh
  )
elif [[ $# -gt 0 ]]; then
  echo "usage: scripts/setup.sh [--tests]" >&2
  exit 2
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
