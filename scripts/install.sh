#!/bin/sh
# Installs harmoni and its datasets under a prefix:
#   PREFIX/bin/harmoni
#   PREFIX/share/harmoni/datasets/*.harmoni   (found relative to the executable)
#
# Usage:  scripts/install.sh [--prefix DIR] [--binary PATH]
#   --prefix DIR   where to install (default: $PREFIX, else ~/.local)
#   --binary PATH  an already built harmoni to install (default: build it with
#                  «swift build -c release» and take the release binary)
# Example: scripts/install.sh --prefix ~/.local && ~/.local/bin/harmoni --version
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
prefix=${PREFIX:-${HOME:-}/.local}
binary=
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --binary) binary=$2; shift 2 ;;
    --binary=*) binary=${1#--binary=}; shift ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: ukjent valg «$1»; valgene er --prefix, --binary, --help" >&2; exit 2 ;;
  esac
done
if [ -z "$binary" ]; then
  (cd "$here" && swift build -c release --product harmoni)
  binary="$(cd "$here" && swift build -c release --show-bin-path)/harmoni"
fi
[ -x "$binary" ] || { echo "install.sh: fant ikke et kjørbart «$binary»" >&2; exit 1; }
mkdir -p "$prefix/bin" "$prefix/share/harmoni/datasets"
# Copy to a temporary name, then rename: a running harmoni is never half-replaced.
cp "$binary" "$prefix/bin/.harmoni.tmp.$$"
mv -f "$prefix/bin/.harmoni.tmp.$$" "$prefix/bin/harmoni"
rm -f "$prefix/share/harmoni/datasets/"*.harmoni
cp "$here/datasets/"*.harmoni "$prefix/share/harmoni/datasets/"
[ -f "$here/datasets/README.md" ] && cp "$here/datasets/README.md" "$prefix/share/harmoni/datasets/"
echo "Installerte harmoni i $prefix/bin/harmoni og datasettene i $prefix/share/harmoni/datasets"
