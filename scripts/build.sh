#!/usr/bin/env bash
# Configures and builds mirhit. Usage: [JOBS=N] scripts/build.sh BUILD_DIR [extra cmake -D options]
# JOBS: parallel compile jobs (default: all cores).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$1"; shift
cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=Release -DMIRHIT_WERROR=ON "$@" >/dev/null
cmake --build "$dir" -j "${JOBS:-$(nproc)}"
