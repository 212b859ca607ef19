#!/usr/bin/env bash
# Overlap benchmark: 20 segments over 1M demo customers on a throwaway PostgreSQL, the
# one-scan overlap query against the naive 190 pairwise intersection count queries, side by
# side in one run on one connection (`segmint overlap --compare-naive`). Release build.
#
#   bench/overlap/run.sh [CUSTOMERS]        # default 1000000
set -euo pipefail
cd "$(dirname "$0")/../.."
CUSTOMERS=${1:-1000000}
swift build -c release --product segmint 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' || true
S=.build/release/segmint
C=catalogs/retail.yaml
ASOF=2026-03-01

eval "$(scripts/pg_test_server.sh start)"
trap 'scripts/pg_test_server.sh stop >/dev/null 2>&1 || true' EXIT

echo "== demo data: $CUSTOMERS customers" >&2
/usr/bin/time -f "demo data: %e s" $S demo --db "$SEGMINT_TEST_PG" --customers "$CUSTOMERS" --seed 1 --as-of "$ASOF"
psql "$SEGMINT_TEST_PG" -qAtc "ANALYZE" >/dev/null
psql "$SEGMINT_TEST_PG" -Atc "SELECT 'rows: customers ' || (SELECT count(*) FROM customers) || ', orders ' || (SELECT count(*) FROM orders) || ', email_events ' || (SELECT count(*) FROM email_events) || ', support_tickets ' || (SELECT count(*) FROM support_tickets)"

echo "== one scan vs naive pairwise (PostgreSQL $(psql "$SEGMINT_TEST_PG" -Atc 'SHOW server_version'))"
$S overlap bench/overlap/segments.seg --catalog $C --db "$SEGMINT_TEST_PG" --as-of $ASOF --compare-naive

echo "== the overlap command itself (table to /dev/null, picture to bench/overlap/out.svg)"
/usr/bin/time -f "segmint overlap: %e s wall, %M KB max RSS" \
  $S overlap bench/overlap/segments.seg --catalog $C --db "$SEGMINT_TEST_PG" --as-of $ASOF --svg bench/overlap/out.svg >/dev/null
