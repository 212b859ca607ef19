#!/usr/bin/env bash
# Builds segmint and installs the binary as PREFIX/bin/segmint (default PREFIX: /usr/local).
#
#   scripts/install.sh                 # release build, Swift runtime linked in, into /usr/local
#   scripts/install.sh ~/.local        # the same into ~/.local/bin
#   scripts/install.sh --debug PREFIX  # a debug build (fast; needs the Swift toolchain at run time)
#
# The binary needs nothing from the checkout: the demo catalog is built in, and --version
# reports the git commit it was built from.
set -euo pipefail
cd "$(dirname "$0")/.."

config=release
prefix=/usr/local
for arg in "$@"; do
  case "$arg" in
    --debug) config=debug ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "install.sh: unknown option $arg (use --debug or a PREFIX)" >&2; exit 2 ;;
    *) prefix=$arg ;;
  esac
done

commit=$(git rev-parse --short=12 HEAD 2>/dev/null || true)
export SEGMINT_GIT_COMMIT="${commit:-unknown}"

flags=(-c "$config" --product segmint)
# A release binary carries the Swift runtime, so it runs on a machine without the toolchain.
[ "$config" = release ] && flags+=(--static-swift-stdlib)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! swift build "${flags[@]}" >"$log" 2>&1; then
  tail -n 60 "$log" >&2
  echo "install.sh: build failed" >&2
  exit 1
fi
bin="$(swift build "${flags[@]}" --show-bin-path)/segmint"

mkdir -p "$prefix/bin"
# Copy beside the target, then rename: a running segmint is never overwritten in place.
cp "$bin" "$prefix/bin/.segmint.new.$$"
chmod 755 "$prefix/bin/.segmint.new.$$"
mv -f "$prefix/bin/.segmint.new.$$" "$prefix/bin/segmint"
echo "installed $prefix/bin/segmint ($("$prefix/bin/segmint" --version))"
