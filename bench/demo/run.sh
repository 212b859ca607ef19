#!/usr/bin/env bash
# Benchmark `segmint demo` (release build): 100k customers (~1M orders) into SQLite, and
# optionally into PostgreSQL when SEGMINT_TEST_PG is set (eval "$(scripts/pg_test_server.sh start)").
#
#   bench/demo/run.sh [CUSTOMERS] [RUNS]       # defaults: 100000 customers, 3 runs
#
# Prints the wall-clock seconds of each run and the best; the target is < 30 s for SQLite.
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-100000}"
RUNS="${2:-3}"
swift build -c release --product segmint 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' | tail -n 3
S=.build/release/segmint
OUT="$(mktemp -d /tmp/segmint-bench-demo.XXXXXX)"
trap 'rm -rf "$OUT"' EXIT

time_once() {  # prints seconds for one run of: segmint demo --db "$1"
    local start end
    start=$(date +%s.%N)
    "$S" demo --db "$1" --customers "$N" --seed 7 --as-of 2026-03-01 > "$OUT/last.txt"
    end=$(date +%s.%N)
    echo "$start $end" | awk '{printf "%.2f", $2 - $1}'
}

bench() {  # name target
    local best="" t
    for i in $(seq 1 "$RUNS"); do
        t=$(time_once "$2")
        echo "$1 run $i: $t s"
        if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN{exit !(a < b)}'; then best=$t; fi
    done
    sed 's/^/  /' "$OUT/last.txt"
    echo "$1 best of $RUNS: $best s ($N customers)"
}

echo "machine: $(nproc) cores; $(uname -sr)"
bench sqlite "$OUT/demo.db"
ls -l "$OUT/demo.db" | awk '{printf "  file size: %.1f MB\n", $5 / 1e6}'
if [ -n "${SEGMINT_TEST_PG:-}" ]; then
    bench postgres "$SEGMINT_TEST_PG"
fi
