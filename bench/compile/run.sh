#!/usr/bin/env bash
# Compile throughput of Segmint vs sqlglot, in one run.
#
#   bench/compile/run.sh            # release build, then both measurements
#
# Segmint: every golden/sql/*.seg case (one compilation each: read text, parse, check, SQL)
# in process, repeated for >= 2 s. sqlglot: transpiling the PostgreSQL text Segmint produced
# for the same cases to Snowflake (sqlglot.transpile(sql, read="postgres", write="snowflake")),
# repeated for >= 2 s. Prints both rates and the per-segment ratio (target >= 50x).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY="${SEGMINT_PYTHON:-$PWD/.venv/bin/python}"
[ -x "$PY" ] || PY=python3

swift build -c release --product segmint-bench-compile >&2
BIN="$(swift build -c release --show-bin-path)/segmint-bench-compile"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

CASES=$(ls golden/sql/*.seg | grep -v nul_string)
# The machine is shared: rates are per CPU second of the working thread (wall-clock rates are
# printed too), the two sides alternate for three rounds, and the median ratio is reported.
RATIOS=()
for round in 1 2 3; do
SEG=$("$BIN" catalogs/retail.yaml "$TMP/postgres.sql" $CASES)
echo "segmint: $SEG"

SQLG=$("$PY" - "$TMP/postgres.sql" <<'PYEOF'
import sys, time, json, sqlglot
stmts = [s for s in open(sys.argv[1], encoding="utf-8").read().split("-- end\n") if s.strip()]
for s in stmts:  # warm up sqlglot's caches, as a long-running tool would be
    sqlglot.transpile(s, read="postgres", write="snowflake")
n = 0; t0 = time.perf_counter(); c0 = time.thread_time()
while True:
    for s in stmts:
        sqlglot.transpile(s, read="postgres", write="snowflake")
        n += 1
    if time.perf_counter() - t0 >= 2.0:
        break
dt = time.perf_counter() - t0; cpu = time.thread_time() - c0
print(json.dumps({"statements": n, "seconds": round(dt, 3), "cpu_seconds": round(cpu, 3), "statements_per_s": round(n / dt), "statements_per_cpu_s": round(n / cpu), "sqlglot": sqlglot.__version__}))
PYEOF
)
echo "sqlglot: $SQLG"
RATIOS+=("$("$PY" -c '
import json, sys
a = json.loads(sys.argv[1]); b = json.loads(sys.argv[2])
print("%.1f" % (a["segments_per_cpu_s"] / b["statements_per_cpu_s"]))
' "$SEG" "$SQLG")")
echo "round $round ratio: ${RATIOS[-1]}x"
done
echo "median ratio: $(printf '%s\n' "${RATIOS[@]}" | sort -n | sed -n 2p)x per segment (target >= 50x)"
