#!/usr/bin/env bash
# Runs the fuzz tests of every reader of outside input (tests/core_fuzz.rs) for longer than
# scripts/test.sh does: CASES damaged files per property (default 20000).
#   scripts/fuzz.sh [CASES]
set -euo pipefail
cd "$(dirname "$0")/.."
cases="${1:-20000}"
echo "fuzzing the readers with $cases cases per property"
PROPTEST_CASES="$cases" cargo test --release --test core_fuzz -- --nocapture
