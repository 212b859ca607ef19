#!/usr/bin/env bash
# Builds the libFuzzer target and runs it for SECONDS (default 600), seeded from every .seg
# under golden/, grammar/ and examples/. Findings (crash-*, timeout-*) land in fuzz/out/.
set -euo pipefail
SECONDS_TO_RUN="${1:-600}"
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
cd "$HERE"
# -Xswiftc instruments the library code too (coverage feedback for the parser and checker).
build() { swift build -c release --product SegmintFuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -g 2>&1 | grep -vE "warning: |^\[|^ *\||^ *[0-9]+ \|" ; return "${PIPESTATUS[0]}"; }
# A build directory left from an older source tree (deleted files) fails; start it afresh.
build || { echo "retrying with a clean fuzz/.build" >&2; rm -rf "$HERE/.build"; build; } || { echo "fuzz build failed" >&2; exit 2; }
BIN="$(swift build -c release --show-bin-path)/SegmintFuzz"
CORPUS="$(mktemp -d)"
trap 'rm -rf "$CORPUS"' EXIT
find "$ROOT/golden" "$ROOT/grammar" "$ROOT/examples" -name '*.seg' -exec cp {} "$CORPUS/" \; 2>/dev/null || true
mkdir -p "$ROOT/fuzz/out"
export SWIFT_BACKTRACE=enable=no
exec "$BIN" -max_total_time="$SECONDS_TO_RUN" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix="$ROOT/fuzz/out/" -print_final_stats=1 "$CORPUS"
