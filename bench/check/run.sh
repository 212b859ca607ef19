#!/usr/bin/env bash
# Benchmarks the front end on a generated ~10 MB file of realistic, valid segments:
#   1. `segmint check` (release build): wall time, MB/s, peak RSS (/usr/bin/time -v);
#   2. the parse-only harness (bench/check/harness): parse and fmt MB/s, best of 5.
# Usage: bench/check/run.sh [MEGABYTES]   (default 10). Output files go to bench/out/.
# Targets: check >= 20 MB/s on one core, peak memory < 10x the input size.
set -euo pipefail
MB="${1:-10}"
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
INPUT="$OUT/segments-${MB}mb.seg"
[ -f "$INPUT" ] || python3 "$HERE/gen.py" "$MB" "$INPUT"
BYTES=$(stat -c %s "$INPUT")

echo "== building release"
(cd "$ROOT" && swift build -c release --product segmint 2>&1 | grep -E "error|Compiling segmint|Build" || true)
SEGMINT="$(cd "$ROOT" && swift build -c release --show-bin-path)/segmint"

echo "== segmint check on $INPUT ($BYTES bytes)"
set +e
/usr/bin/time -v "$SEGMINT" check "$INPUT" --catalog "$ROOT/catalogs/retail.yaml" >"$OUT/check.stdout" 2>"$OUT/check.time"
STATUS=$?
set -e
ELAPSED=$(grep "Elapsed (wall clock)" "$OUT/check.time" | awk '{print $NF}')
RSS_KB=$(grep "Maximum resident set size" "$OUT/check.time" | awk '{print $NF}')
python3 - "$BYTES" "$ELAPSED" "$RSS_KB" "$STATUS" <<'PY'
import sys
size, elapsed, rss_kb, status = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
parts = [float(p) for p in elapsed.split(":")]
secs = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
mb = size / 1048576
print(f"exit {status}; {secs:.2f} s; {mb / secs:.1f} MB/s; peak RSS {rss_kb / 1024:.0f} MB = {rss_kb * 1024 / size:.1f}x input")
PY
[ "$STATUS" = 0 ] || { echo "(check exited $STATUS; first lines of its output:)"; head -5 "$OUT/check.stdout" "$OUT/check.time"; }

echo "== parse-only harness"
(cd "$HERE/harness" && { swift build -c release >/dev/null 2>&1 || { rm -rf .build && swift build -c release 2>&1 | grep -E "error|Build"; }; })
HARNESS="$(cd "$HERE/harness" && swift build -c release --show-bin-path)/ParseBench"
"$HARNESS" "$INPUT" 5 lex-only
"$HARNESS" "$INPUT" 5
"$HARNESS" "$INPUT" 3 check "$ROOT/catalogs/retail.yaml"
/usr/bin/time -f "parse-only peak RSS %M KB" "$HARNESS" "$INPUT" 1 parse-only >/dev/null
