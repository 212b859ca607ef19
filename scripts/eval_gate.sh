#!/usr/bin/env bash
# CI gate for the natural-language front end: runs `segmint eval` over every golden set —
# golden/nl (retail) and the held-out catalogs golden/nl-* — with the LLM pipeline on the
# committed cassettes (sets without cassettes skip it) and the offline translator, and fails
# when, in any set, execution accuracy, grounding, safety or the number of cases run falls
# below that set's committed baseline (<set>/baseline.json). Prints one line per catalog.
# Everything runs offline: no provider, no network.
#
#   scripts/eval_gate.sh            # gate every set against its baseline
#   scripts/eval_gate.sh --accept   # rewrite every set's baseline from this run (review the diff!)
#
# SEGMINT_BIN overrides the binary (default: .build/debug/segmint, built when missing);
# EVAL_SUITES overrides the sets (space-separated directories);
# EVAL_REPORT names where the run's JSON report (segmint-eval-suites/1) goes (default: a temporary file).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${SEGMINT_BIN:-.build/debug/segmint}
if [ ! -x "$BIN" ]; then
  swift build --product segmint > /tmp/segmint-eval-build.log 2>&1 || { tail -n 40 /tmp/segmint-eval-build.log; exit 2; }
fi
REPORT=${EVAL_REPORT:-$(mktemp /tmp/segmint-eval-XXXXXX.json)}
read -r -a SUITES <<< "${EVAL_SUITES:-golden/nl $(ls -d golden/nl-*/ | sed 's#/$##' | tr '\n' ' ')}"

if [ "${1:-}" = "--accept" ]; then
  for s in "${SUITES[@]}"; do
    "$BIN" eval "$s" --offline-translator --summary --out "$s/baseline.json" 2>> /tmp/segmint-eval-progress.log > /dev/null
    echo "eval gate: wrote $s/baseline.json"
  done
  echo "eval gate: review the baselines with git diff before committing"
  exit 0
fi

set +e
"$BIN" eval "${SUITES[@]}" --offline-translator --summary --baselines --out "$REPORT" 2> /tmp/segmint-eval-progress.log
status=$?
set -e
case $status in
  0) echo "eval gate: passed (report: $REPORT; per-case table: segmint eval <set> --offline-translator)" ;;
  1) echo "eval gate: FAILED — a gated metric fell below a set's baseline.json (report: $REPORT)" ;;
  *) tail -n 20 /tmp/segmint-eval-progress.log; echo "eval gate: could not run (exit $status)" ;;
esac
exit $status
