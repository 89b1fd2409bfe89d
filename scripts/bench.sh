#!/usr/bin/env bash
# Benchmark: yamorid's full offline analysis against tcpdump's raw read and
# nDPI's ndpiReader on the same generated home capture, in the same run.
# Prints packets per second, peak RSS and the ratios, and what detection
# costs over an inventory-only run; then doubles the
# capture to show that yamorid's memory stays flat.
#   scripts/bench.sh [PACKETS]   (default 2000000)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
ym_install_packages "${YM_BUILD_PACKAGES[@]}" tcpdump libndpi-bin time

packets=${1:-2000000}
runs=${YM_BENCH_RUNS:-3}
out=bench-out
mkdir -p "$out"

if [[ ! -d build-bench ]]; then
  meson setup build-bench --buildtype=release -Dtests=false
fi
advisories=${YM_SHARED_DATA:-$(cd .. && pwd)/shared/data}/advisories
ninja -C build-bench

small="$out/home-${packets}.pcapng"
large="$out/home-$((packets * 2)).pcapng"
[[ -f $small ]] || ./build-bench/tools/yamori-gen bench --packets "$packets" "$small"
[[ -f $large ]] || ./build-bench/tools/yamori-gen bench --packets "$((packets * 2))" "$large"

# best wall time of $runs runs, and the peak RSS of that run: "seconds kib"
measure() {
  local best="" line
  for ((i = 0; i < runs; i++)); do
    line=$(/usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -n 1)
    if [[ -z $best ]] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
      best=$line
    fi
  done
  echo "$best"
}

report() {
  local file=$1 n
  n=$(tcpdump -r "$file" 2>/dev/null | wc -l)
  echo "capture: $file ($n packets, $(du -h "$file" | cut -f1))"
  local y i t d
  y=$(measure ./build-bench/daemon/yamorid --read "$file")
  i=$(measure ./build-bench/daemon/yamorid --no-detect --read "$file")
  t=$(measure tcpdump -r "$file" -w /dev/null)
  d=$(measure ndpiReader -q -i "$file")
  printf '%-34s %10s %14s %12s %10s\n' tool seconds packets/s "peak RSS" "time ratio"
  for row in "yamorid --read (full analysis)|$y" "yamorid --read --no-detect|$i" \
    "tcpdump -r -w /dev/null|$t" "ndpiReader -i|$d"; do
    local name=${row%%|*} vals=${row#*|}
    local s=${vals%% *} kib=${vals##* }
    awk -v name="$name" -v s="$s" -v kib="$kib" -v n="$n" -v ts="${t%% *}" 'BEGIN {
      pps = (s > 0) ? n / s : 0
      printf "%-34s %10.2f %14.0f %9.1f MiB %9.2fx\n", name, s, pps, kib / 1024, (ts > 0 ? s / ts : 0)
    }'
  done
  awk -v a="${y%% *}" -v b="${i%% *}" 'BEGIN {
    if (b > 0) printf "detection costs %+.0f%% over the inventory-only run\n", (a / b - 1) * 100
  }'
  echo "${y##* }" >"$out/.rss-$(basename "$file")"
}

echo "== $packets packets"
report "$small"
echo
echo "== $((packets * 2)) packets (memory must stay flat)"
report "$large"
echo
rss_small=$(cat "$out/.rss-$(basename "$small")")
rss_large=$(cat "$out/.rss-$(basename "$large")")
awk -v a="$rss_small" -v b="$rss_large" 'BEGIN {
  printf "yamorid peak RSS: %.1f MiB -> %.1f MiB when the capture doubles (x%.2f)\n", a / 1024, b / 1024, b / a
}'

echo
echo "== advisories: import everything in $advisories, then match 1,000 devices"
if [[ -d $advisories ]]; then
  store=$(mktemp -d)
  trap 'rm -rf "$store"' EXIT
  line=$(/usr/bin/time -f '%e %M' ./build-bench/daemon/yamorictl advisories import \
    --state-dir "$store" "$advisories" 2>&1 >/dev/null | tail -n 1)
  size=$(du -b "$store/yamori.db" | cut -f1)
  awk -v s="${line%% *}" -v kib="${line##* }" -v size="$size" 'BEGIN {
    printf "import: %.2f s (target < 5 s), peak RSS %.1f MiB, store %.1f MB (target < 50 MB)\n",
      s, kib / 1024, size / 1e6
  }'
  ./build-bench/daemon/yamorictl advisories status --state-dir "$store" | awk "NR == 1"
  ./build-bench/tools/yamori-advisory-bench "$store" signatures 1000
else
  echo "skipped: $advisories is not here"
fi
