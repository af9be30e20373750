#!/usr/bin/env bash
# A longer run of the API fuzz test (apps/api/api-fuzz.e2e.spec.ts) than CI's bounded one.
#   scripts/fuzz-api.sh [runs=5000] [seed=random]
# A failure prints the seed and the shrunk counterexample; rerun with that seed to reproduce.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_RUNS="${1:-5000}" FUZZ_SEED="${2:-random}" npx jest apps/api/api-fuzz.e2e.spec.ts
