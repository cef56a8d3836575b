#!/usr/bin/env bash
# Sets up, builds (warnings are errors) and runs the whole test suite.
#   ./test.sh             release build in build/
#   ./test.sh --sanitize  AddressSanitizer + UBSan build in build-asan/
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/setup.sh --tests
if [[ "${1:-}" == "--sanitize" ]]; then
  scripts/build.sh build-asan -DBUILD_TESTING=ON -DMIRHIT_SANITIZE=ON -DMIRHIT_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  ctest --test-dir build-asan --output-on-failure --no-tests=error -j "$(nproc)"
else
  # Explicit options: run.sh may have configured build/ without tests.
  scripts/build.sh build -DBUILD_TESTING=ON -DMIRHIT_BENCH=ON
  ctest --test-dir build --output-on-failure --no-tests=error -j "$(nproc)"
fi
