#!/usr/bin/env bash
# Installs the Debian 12 packages a task needs, only when some are missing.
# Usage: source scripts/deps.sh; ym_install_packages pkg...
set -euo pipefail

ym_install_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    sudo=(sudo)
  fi
  echo "Installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# what building and running yamorid needs
YM_BUILD_PACKAGES=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libpcap-dev libsqlite3-dev libjson-glib-dev
  libxml2-dev libcurl4-openssl-dev libsodium-dev ca-certificates gpgv
  ieee-data
)
# what the test suite adds: network namespaces for the live-capture test
YM_TEST_PACKAGES=(
  iproute2 iputils-ping
  libsoup-3.0-dev glib-networking openssl minisign
)
