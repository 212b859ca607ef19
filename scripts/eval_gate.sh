#!/usr/bin/env bash
# CI gate for the natural-language front end: runs `segmint eval` over golden/nl —
# the LLM pipeline on the committed cassettes and the offline translator — and fails when
# execution accuracy, grounding, safety or the number of cases run falls below the committed
# baseline (golden/nl/baseline.json). Everything runs offline: no provider, no network.
#
#   scripts/eval_gate.sh            # gate against the baseline
#   scripts/eval_gate.sh --accept   # rewrite the baseline from this run (review the diff!)
#
# SEGMINT_BIN overrides the binary (default: .build/debug/segmint, built when missing);
# EVAL_BASELINE overrides the baseline; EVAL_REPORT names where the run's JSON report goes (default: a temporary file).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${SEGMINT_BIN:-.build/debug/segmint}
if [ ! -x "$BIN" ]; then
  swift build --product segmint > /tmp/segmint-eval-build.log 2>&1 || { tail -n 40 /tmp/segmint-eval-build.log; exit 2; }
fi
REPORT=${EVAL_REPORT:-$(mktemp /tmp/segmint-eval-XXXXXX.json)}
BASELINE=${EVAL_BASELINE:-golden/nl/baseline.json}

if [ "${1:-}" = "--accept" ]; then
  "$BIN" eval golden/nl --offline-translator --summary --out "$BASELINE" 2> /tmp/segmint-eval-progress.log
  echo "eval gate: wrote $BASELINE; review it with git diff before committing"
  exit 0
fi

set +e
"$BIN" eval golden/nl --offline-translator --summary --baseline "$BASELINE" --out "$REPORT" 2> /tmp/segmint-eval-progress.log
status=$?
set -e
case $status in
  0) echo "eval gate: passed (report: $REPORT; per-case table: segmint eval golden/nl --offline-translator)" ;;
  1) echo "eval gate: FAILED — a gated metric fell below $BASELINE (report: $REPORT)" ;;
  *) tail -n 20 /tmp/segmint-eval-progress.log; echo "eval gate: could not run (exit $status)" ;;
esac
exit $status
