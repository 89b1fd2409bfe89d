#!/usr/bin/env bash
# Quick start 1: install what is needed, build, generate the demo home
# capture with our own traffic generator, and analyse it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
ym_install_packages "${YM_BUILD_PACKAGES[@]}"

if [[ ! -d build ]]; then
  meson setup build --buildtype=release
fi
ninja -C build

mkdir -p demo-out
./build/tools/yamori-gen demo demo-out/demo-home.pcapng
# a fresh store each time; with the public advisory samples beside the
# project (../shared/data/advisories), the devices are matched against them
# as an appliance kept offline would be after "yamorictl advisories import"
rm -rf demo-out/state
mkdir -p demo-out/state
advisories=${YM_SHARED_DATA:-$(cd .. && pwd)/shared/data}/advisories
if [[ -d $advisories ]]; then
  ./build/daemon/yamorictl advisories import --state-dir demo-out/state "$advisories"
else
  echo "(no advisory samples at $advisories: firmware advisories are not checked)" >&2
fi
./build/daemon/yamorid --read demo-out/demo-home.pcapng --signatures-dir signatures \
  --state-dir demo-out/state --report "${YM_REPORT:-text}"
