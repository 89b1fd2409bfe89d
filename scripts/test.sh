#!/usr/bin/env bash
# Quick start 2: install what is needed, build with warnings as errors, run
# the whole test suite, then build again with AddressSanitizer and
# UndefinedBehaviorSanitizer and run every test and fuzz seed under them.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
ym_install_packages "${YM_BUILD_PACKAGES[@]}" "${YM_TEST_PACKAGES[@]}"

shared=${YM_SHARED_DATA:-$(cd .. && pwd)/shared/data}

echo "== build (warnings are errors) and test"
if [[ ! -d build-test ]]; then
  meson setup build-test -Dwerror=true -Dshared_data="$shared"
fi
ninja -C build-test
log=$(mktemp)
trap 'rm -f "$log"' EXIT
meson test -C build-test --print-errorlogs --num-processes 2 | tee "$log"

echo "== AddressSanitizer + UndefinedBehaviorSanitizer: every test again"
if [[ ! -d build-asan ]]; then
  meson setup build-asan -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false \
    -Dshared_data="$shared"
fi
ninja -C build-asan
meson test -C build-asan --print-errorlogs --num-processes 2 --timeout-multiplier 3 | tee -a "$log"

# one closing line for both runs
passed=$(awk '/^Ok:/ { n += $2 } END { print n + 0 }' "$log")
failed=$(awk '/^(Fail|Timeout|Unexpected Pass):/ { n += $NF } END { print n + 0 }' "$log")
echo "summary: $passed passed, $failed failed"
