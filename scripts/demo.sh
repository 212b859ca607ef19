#!/usr/bin/env bash
# The main job on the embedded default (no server, no API key): build, write a demo SQLite
# database for catalogs/retail.yaml, check and compile an example, run it, and turn a
# natural-language request into a checked segment with the offline translator.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
swift build -c release 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' || true
S=.build/release/segmint
C=catalogs/retail.yaml
set -x
$S demo --db demo.db --customers 100000 --seed 7
$S check examples/*.seg --catalog $C
$S compile examples/lapsed_outdoor.seg --catalog $C --dialect snowflake
$S run examples/lapsed_outdoor.seg --catalog $C --segment lapsed_outdoor --db demo.db --limit 10
$S ask "California customers who bought outdoor gear in the last 90 days but not email opt-outs" --catalog $C --offline
$S overlap examples/*.seg --catalog $C --db demo.db --svg overlap.svg
$S recommend examples/churn_risk.seg --catalog $C --db demo.db
