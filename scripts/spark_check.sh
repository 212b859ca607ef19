#!/usr/bin/env bash
# Executes Segmint's Spark SQL on Spark local mode (pyspark) against the edge dataset of the
# SQL execution tests, and compares every segment's keys with the reference evaluator.
#
#   scripts/spark_check.sh
#
# Needs Java 17 and network access to PyPI the first time: installs pyspark into the venv
# ($SEGMINT_PYTHON, default the repository's .venv/bin/python). Cost measured on the 2-core dev
# machine (pyspark 4.3.0): install 2 min 50 s (once), run 8 min (416 segments: ~215 cases with
# a pinned as-of and relative to today, ~1 s each on local[2]) — over the ~5 min CI budget, so
# CI does not run it; run it by hand before a release.
# Exit 0 when every result matches, 1 on any mismatch or Spark error.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${SEGMINT_PYTHON:-$PWD/.venv/bin/python}"
[ -x "$PY" ] || PY=python3
"$PY" -c 'import pyspark' 2>/dev/null || "$PY" -m pip install -q pyspark

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
SEGMINT_SPARK_EXPORT="$TMP/cases.json" swift test --filter 'SegmintSQLTests.SparkExport' >"$TMP/export.log" 2>&1 \
    || { cat "$TMP/export.log" >&2; exit 1; }
[ -s "$TMP/cases.json" ] || { echo "spark_check: export produced nothing" >&2; exit 1; }

TZ=UTC PYSPARK_PYTHON="$PY" "$PY" - "$TMP/cases.json" <<'PYEOF'
import sys, json, datetime, decimal, time
from pyspark.sql import SparkSession
from pyspark.sql.types import StructType, StructField, LongType, BooleanType, DecimalType, DateType, TimestampType, StringType

spark = (SparkSession.builder.master("local[2]").appName("segmint-spark-check")
         .config("spark.sql.session.timeZone", "UTC").config("spark.ui.enabled", "false")
         .config("spark.sql.shuffle.partitions", "2").config("spark.ui.showConsoleProgress", "false").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
T = {"int": LongType(), "bool": BooleanType(), "decimal": DecimalType(18, 4), "date": DateType(),
     "timestamp": TimestampType(), "string": StringType()}
def conv(v, ty):
    if v is None: return None
    if ty == "int": return int(v)
    if ty == "bool": return v == "1"
    if ty == "decimal": return decimal.Decimal(v)
    if ty == "date": return datetime.date.fromisoformat(v)
    if ty == "timestamp": return datetime.datetime.fromisoformat(v)
    return v

failures = 0; total = 0; t0 = time.time()
for mode in json.load(open(sys.argv[1], encoding="utf-8")):
    for t in mode["tables"]:
        schema = StructType([StructField(c, T[ty], True) for c, ty in t["columns"]])
        rows = [tuple(conv(v, ty) for v, (c, ty) in zip(r, t["columns"])) for r in t["rows"]]
        spark.createDataFrame(rows, schema).createOrReplaceTempView(t["name"])
    for c in mode["cases"]:
        total += 1
        try:
            got = sorted(str(r[0]) for r in spark.sql(c["sql"]).collect())
        except Exception as e:
            failures += 1
            print("ERROR %s (as of %s): %s" % (c["name"], mode["as_of"], str(e).splitlines()[0]))
            continue
        if sorted(got) != sorted(c["expected"]):
            failures += 1
            print("MISMATCH %s (as of %s): extra %s missing %s" % (c["name"], mode["as_of"],
                  sorted(set(got) - set(c["expected"]))[:10], sorted(set(c["expected"]) - set(got))[:10]))
print("spark: %d segments, %d failures, %.0f s" % (total, failures, time.time() - t0))
sys.exit(1 if failures else 0)
PYEOF
