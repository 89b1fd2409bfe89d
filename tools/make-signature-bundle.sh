#!/bin/sh
# Builds a signed signature bundle from signatures/ (see signatures/README.md,
# "Signed updates").
# Usage: tools/make-signature-bundle.sh VERSION SECRET_KEY OUT
#   VERSION     a positive number above the installed one, e.g. 2026120101
#   SECRET_KEY  the minisign secret key (never kept in the repository)
#   OUT         the bundle to write; the signature goes to OUT.minisig
# The files come from signatures/ beside this script, or from the folder in
# $YM_BUNDLE_SOURCE (tests). Needs tar (GNU) and minisign.
set -eu

if [ $# -ne 3 ]; then
  echo "usage: $0 VERSION SECRET_KEY OUT" >&2
  exit 2
fi
version=$1
key=$2
out=$3
case $version in
  '' | 0* | *[!0-9]*)
    echo "$0: VERSION must be a positive number without leading zeros" >&2
    exit 2
    ;;
esac
if [ ${#version} -gt 18 ]; then
  echo "$0: VERSION has more than 18 digits" >&2
  exit 2
fi
src=$(cd "${YM_BUNDLE_SOURCE:-$(dirname "$0")/../signatures}" && pwd)
packaged=$(cat "$src/VERSION" 2>/dev/null || echo 0)
if [ "$version" -le "$packaged" ]; then
  echo "$0: warning: $version is not newer than signatures/VERSION ($packaged);" \
    "installs of this package will refuse it" >&2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tree=$tmp/bundle
mkdir "$tree"
# only the data the daemon reads: no keys, build files or scripts
cp "$src/README.md" "$tree/"
for folder in fingerprints credentials blocklists advisories; do
  [ -d "$src/$folder" ] || continue
  mkdir "$tree/$folder"
  for file in "$src/$folder"/*; do
    case $file in
      *.rules | *.list | *.md | *.json | *.csv) cp "$file" "$tree/$folder/" ;;
      *) ;;
    esac
  done
done
printf '%s\n' "$version" >"$tree/VERSION"
# sorted names, fixed owner and time: the same tree gives the same bytes
(cd "$tree" && find . -mindepth 1 -print | LC_ALL=C sort | sed 's|^\./||' >"$tmp/files")
tar --format=ustar --owner=0 --group=0 --numeric-owner --mtime=@0 --mode=u=rwX,go=rX \
  --no-recursion -C "$tree" -cf "$out" -T "$tmp/files"
minisign -S -s "$key" -m "$out" -x "$out.minisig" -t "yamori-signatures version=$version"
echo "$out: version $version, signature in $out.minisig"
