#!/bin/sh
# Renders an SVG to PNG in headless Chromium and prints `width height nonwhite_share`.
# Usage: bench/overlap/render_svg.sh IN.svg OUT.png [WIDTHxHEIGHT]
set -eu
in=$1; out=$2; size=${3:-}
if [ -z "$size" ]; then
  # The SVG's own width and height attributes.
  w=$(sed -n 's/^<svg[^>]* width="\([0-9]*\)".*/\1/p' "$in" | head -n1)
  h=$(sed -n 's/^<svg[^>]* height="\([0-9]*\)".*/\1/p' "$in" | head -n1)
  size="${w:-1200},${h:-900}"
fi
abs=$(cd "$(dirname "$in")" && pwd)/$(basename "$in")
profile=$(mktemp -d)
# --no-sandbox: Chromium refuses to run as root otherwise (CI containers run as root).
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --screenshot="$out" --window-size="$size" --default-background-color=ffffffff "file://$abs" >/dev/null 2>&1 || true
rm -rf "$profile"
[ -s "$out" ] || { echo "chromium produced no PNG" >&2; exit 1; }
python3 "$(dirname "$0")/png_stats.py" "$out"
