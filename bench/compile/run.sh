#!/usr/bin/env bash
# Compile throughput of Segmint vs sqlglot, in one run (issue 3, Performance).
#
#   bench/compile/run.sh            # release build, then both measurements
#
# Segmint: every golden/sql/*.seg case (one compilation each: read text, parse, check, SQL)
# in process, repeated for >= 2 s. sqlglot: transpiling the PostgreSQL text Segmint produced
# for the same cases to Snowflake (sqlglot.transpile(sql, read="postgres", write="snowflake")),
# repeated for >= 2 s. Prints both rates and the per-segment ratio (target >= 50x).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY="${SEGMINT_PYTHON:-/work/main/.venv/bin/python}"
[ -x "$PY" ] || PY=python3

swift build -c release --product segmint-bench-compile >&2
BIN="$(swift build -c release --show-bin-path)/segmint-bench-compile"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

CASES=$(ls golden/sql/*.seg | grep -v nul_string)
SEG=$("$BIN" catalogs/retail.yaml "$TMP/postgres.sql" $CASES)
echo "segmint: $SEG"

SQLG=$("$PY" - "$TMP/postgres.sql" <<'PYEOF'
import sys, time, json, sqlglot
stmts = [s for s in open(sys.argv[1], encoding="utf-8").read().split("-- end\n") if s.strip()]
n = 0; t0 = time.perf_counter()
while True:
    for s in stmts:
        sqlglot.transpile(s, read="postgres", write="snowflake")
        n += 1
    if time.perf_counter() - t0 >= 2.0:
        break
dt = time.perf_counter() - t0
print(json.dumps({"statements": n, "seconds": round(dt, 3), "statements_per_s": round(n / dt), "sqlglot": sqlglot.__version__}))
PYEOF
)
echo "sqlglot: $SQLG"
"$PY" -c '
import json, sys
a = json.loads(sys.argv[1]); b = json.loads(sys.argv[2])
print("ratio: %.0fx (segmint %d segments/s vs sqlglot %d statements/s)" % (a["segments_per_s"] / b["statements_per_s"], a["segments_per_s"], b["statements_per_s"]))
' "$SEG" "$SQLG"
