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
./build/daemon/yamorid --read demo-out/demo-home.pcapng --signatures-dir signatures \
  --report "${YM_REPORT:-text}"
