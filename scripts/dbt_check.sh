#!/usr/bin/env bash
# Runs the dbt models `segmint build --dbt` writes in real dbt (dbt-core + dbt-duckdb from PyPI):
# the loyalty segments of examples/project become models of a throwaway dbt project, seeded with
# the customers and email clicks of its data-test fixture, and `dbt run` must give the members
# the fixture expects. Not part of scripts/test.sh: installing dbt here takes about 5 minutes
# (README, "dbt"). dbt-core 1.11+ downloads a parser wheel outside PyPI while installing, so
# 1.10 is used.
#
#   scripts/dbt_check.sh          # DBT_VENV=DIR reuses a virtualenv that has dbt
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
VENV="${DBT_VENV:-$ROOT/.venv-dbt}"
if [ ! -x "$VENV/bin/dbt" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "dbt-core>=1.10,<1.11" "dbt-duckdb>=1.10,<1.11"
fi
swift build --product segmint >/dev/null
SEGMINT="$ROOT/.build/debug/segmint"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

cp -r examples/project "$TMP/segments-project"
sed -i "s|../../catalogs/retail.yaml|$ROOT/catalogs/retail.yaml|" "$TMP/segments-project/segmint.yaml"
mkdir -p "$TMP/dbt/models" "$TMP/dbt/seeds"
(cd "$TMP/segments-project" && "$SEGMINT" build --dialect duckdb --dbt "$TMP/dbt/models/segments")

cat > "$TMP/dbt/dbt_project.yml" <<'YAML'
name: segmint_check
version: "1.0"
profile: segmint_check
model-paths: [models]
seed-paths: [seeds]
YAML
cat > "$TMP/dbt/profiles.yml" <<YAML
segmint_check:
  target: dev
  outputs:
    dev: {type: duckdb, path: "$TMP/dbt/check.duckdb", threads: 1}
YAML
# The fixture's rows as seeds (the models read the catalog's tables by name).
cat > "$TMP/dbt/seeds/customers.csv" <<'CSV'
customer_id,loyalty_tier,predicted_clv,email_opt_out
1,gold,,false
2,platinum,,true
3,silver,1500,false
4,bronze,20,false
5,,,
6,gold,,false
CSV
cp examples/project/tests/data/email_clicks.csv "$TMP/dbt/seeds/email_events.csv"
cat > "$TMP/dbt/seeds/properties.yml" <<'YAML'
version: 2
seeds:
  - name: customers
    config: {column_types: {customer_id: bigint, loyalty_tier: varchar, predicted_clv: "decimal(12,2)", email_opt_out: boolean}}
  - name: email_events
    config: {column_types: {customer_id: bigint, clicked_at: timestamp, campaign: varchar, link_type: varchar}}
YAML
# Only the loyalty models: lapsed_outdoor needs the orders table, which these seeds lack.
rm "$TMP/dbt/models/segments/lapsed_outdoor.sql"

cd "$TMP/dbt"
"$VENV/bin/dbt" seed --profiles-dir . --quiet
"$VENV/bin/dbt" run --profiles-dir . --quiet
"$VENV/bin/python" - "$TMP/dbt/check.duckdb" <<'PY'
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
expected = {"gold_and_up": [1, 2, 6], "newsletter_readers": [1, 3, 5], "vip_engaged": [1, 3]}
for model, keys in expected.items():
    got = [r[0] for r in con.execute(f'SELECT customer_id FROM "{model}" ORDER BY 1').fetchall()]
    assert got == keys, f"{model}: expected {keys}, got {got}"
    print(f"dbt model {model}: {got} as expected")
PY
