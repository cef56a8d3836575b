#!/usr/bin/env bash
# Sets up, builds, and runs mirhit's main job (scripts/main_job.sh) on the example 3'UTRs
# (examples/): every curated metastasis claim whose target gene is there checked against the
# sequence, then every canonical site of the 2,656 built-in human miRNAs, scored; into results/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
scripts/setup.sh
scripts/build.sh build -DBUILD_TESTING=OFF -DMIRHIT_BENCH=OFF
scripts/main_job.sh build/app/mirhit results
