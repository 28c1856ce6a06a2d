#!/usr/bin/env bash
# Runs every check, stopping at the first failure: purity of src/core, fmt, clippy (native and
# wasm32), native tests, browser tests (wasm-bindgen-test in headless Chromium) and end-to-end
# tests (Playwright) against the release build. Ends with one line: N passed, N failed.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

PASSED=0
FAILED=0
LOG_DIR=$(mktemp -d)
trap 'rm -rf "$LOG_DIR"' EXIT

summary() { printf '\n%d passed, %d failed\n' "$PASSED" "$FAILED"; }
fail() {
  printf '\n\033[31mFAILED: %s\033[0m\n' "$1" >&2
  FAILED=$((FAILED + ${2:-1}))
  summary
  exit 1
}
# A check that is one pass or one failure.
check() {
  local name=$1; shift
  step "$name"
  if "$@"; then PASSED=$((PASSED + 1)); else fail "$name"; fi
}
# Runs a cargo test command and adds its "N passed; M failed" lines to the totals.
cargo_suite() {
  local name=$1; shift
  step "$name"
  local log="$LOG_DIR/suite.log" status p f
  set +e
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  set -e
  p=$(grep -E '^test result:' "$log" | grep -Eo '[0-9]+ passed' | awk '{s += $1} END {print s + 0}')
  f=$(grep -E '^test result:' "$log" | grep -Eo '[0-9]+ failed' | awk '{s += $1} END {print s + 0}')
  PASSED=$((PASSED + p))
  if [ "$status" -ne 0 ] || [ "$f" -ne 0 ]; then fail "$name" "$((f > 0 ? f : 1))"; fi
  [ "$p" -gt 0 ] || fail "$name ran no test"
}

core_is_pure() {
  local hits
  hits=$(grep -rnE '\b(leptos|web_sys|js_sys|gloo|wasm_bindgen)\b|web-sys|js-sys' src/core || true)
  if [ -n "$hits" ]; then
    echo "src/core must not use leptos, web-sys, js-sys, gloo or wasm-bindgen:"
    echo "$hits"
    return 1
  fi
  echo "src/core imports none of leptos, web-sys, js-sys, gloo, wasm-bindgen"
}

# The rooms of src/ui: a tab may use the ground floor (crate::ui::*) but not another tab, and
# nothing outside src/ui/tabs names a tab except the App in src/ui/mod.rs.
rooms_are_separate() {
  local bad=0 path tab other
  for path in src/ui/tabs/*; do
    tab=$(basename "$path" .rs)
    [ "$tab" = mod ] && continue
    for other in src/ui/tabs/*; do
      other=$(basename "$other" .rs)
      { [ "$other" = mod ] || [ "$other" = "$tab" ]; } && continue
      if grep -rnE "(tabs|super)::$other\b" "$path"; then
        echo "tab $tab imports tab $other"; bad=1
      fi
    done
  done
  # The App names the tabs: src/ui/mod.rs draws the matrix, src/ui/rooms.rs (loaded apart) the rest.
  if grep -rnE 'tabs::' src/ui --include=*.rs | grep -vE '^src/ui/(tabs/|mod\.rs|rooms\.rs)'; then
    echo "the ground floor of src/ui imports a tab"; bad=1
  fi
  [ "$bad" -eq 0 ] && echo "every tab stands alone; the ground floor imports no tab"
}

schema_and_examples_current() {
  # The schema of the version this build writes; older schemas stay as they were released.
  local version schema
  version=$(grep -Eo 'pub const VERSION: u32 = [0-9]+' src/core/format.rs | grep -Eo '[0-9]+$')
  schema="public/schema/workbook.v$version.json"
  cargo run --quiet --bin cogovern -- schema | diff -u "$schema" - \
    || { echo "$schema is stale: cargo run --bin cogovern -- schema > $schema"; return 1; }
  for n in paper traditional synergetic blank; do
    cargo run --quiet --bin cogovern -- example "$n" | diff -q "public/examples/$n.cogovern.json" - >/dev/null \
      || { echo "public/examples/$n.cogovern.json is stale: cargo run --bin cogovern -- example $n > public/examples/$n.cogovern.json"; return 1; }
  done
  cargo run --quiet --bin cogovern -- validate public/examples/*.cogovern.json
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

setup_rust
setup_npm
setup_wasm_bindgen
setup_trunk
setup_chromium

check "src/core is pure" core_is_pure
check "no function in src/ui over 150 lines" node scripts/fnlen.mjs src/ui 150
check "no tab imports another tab; the ground floor imports no tab" rooms_are_separate
check "cargo fmt --check" cargo fmt --all -- --check
check "clippy (native, warnings are errors)" cargo clippy --all-targets --locked -- -D warnings
check "clippy (wasm32, warnings are errors)" \
  cargo clippy --target wasm32-unknown-unknown --lib --bins --tests --locked -- -D warnings
check "clippy (wasm32 release parts, the split feature, warnings are errors)" \
  cargo clippy --target wasm32-unknown-unknown --lib --bins --features split --locked -- -D warnings
cargo_suite "native tests (cargo test)" cargo test --locked
check "schema and example files match the types" schema_and_examples_current

export CHROMEDRIVER=/usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT=120
cargo_suite "browser tests (wasm-bindgen-test, headless Chromium)" \
  cargo test --locked --target wasm32-unknown-unknown --test web

check "release build" build_release

step "end-to-end tests (Playwright, headless Chromium, release build)"
PORT=$(free_port)
export COGOVERN_PORT=$PORT
export PLAYWRIGHT_JSON_OUTPUT_NAME="$LOG_DIR/e2e.json"
e2e_status=0
npx playwright test --reporter=list,json || e2e_status=$?
if [ -f "$LOG_DIR/e2e.json" ]; then
  read -r p f < <(node -e 'const r=require(process.argv[1]).stats;console.log(r.expected+" "+(r.unexpected+r.flaky))' "$LOG_DIR/e2e.json")
  PASSED=$((PASSED + p))
  if [ "$e2e_status" -ne 0 ] || [ "$f" -ne 0 ]; then fail "end-to-end tests" "$((f > 0 ? f : 1))"; fi
  [ "$p" -gt 0 ] || fail "end-to-end tests ran no test"
else
  fail "end-to-end tests (no report)"
fi

summary
