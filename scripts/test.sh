#!/usr/bin/env bash
# The test command (README, .ci/run): installs what is missing, starts a throwaway PostgreSQL
# on 127.0.0.1, runs every test suite, stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --test

export SEGMINT_PYTHON="$PWD/.venv/bin/python"
if [ -x scripts/pg_test_server.sh ]; then
  eval "$(scripts/pg_test_server.sh start)"
  trap 'scripts/pg_test_server.sh stop >/dev/null 2>&1 || true' EXIT
fi

# --version names the commit the binary is built from (see Package.swift).
SEGMINT_GIT_COMMIT=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
export SEGMINT_GIT_COMMIT
# Package.swift declares exactly the modules each target imports.
scripts/check_edges.py

set +e
# Build output is long; show it only when the build fails.
swift build --build-tests > /tmp/segmint-build.log 2>&1
build=$?
if [ $build -ne 0 ]; then tail -n 80 /tmp/segmint-build.log; exit $build; fi
# The NL eval gate runs first so the test runner's summary is the last line.
SEGMINT_BIN=.build/debug/segmint scripts/eval_gate.sh
gate=$?
# Real editor clients (pytest-lsp, Neovim) against `segmint lsp`, before the summary-printing run.
tests/lsp/run.sh
editors=$?
# The installed binary, run from another directory, needs nothing from the checkout.
scripts/test_install.sh > /tmp/segmint-install-test.log 2>&1
installed=$?
if [ $installed -ne 0 ]; then cat /tmp/segmint-install-test.log; else echo "install test: ok (scripts/test_install.sh)"; fi
swift test --skip-build --disable-swift-testing 2>&1 | grep -vE "^Test Case '.*' (passed|started)"
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] && status=$gate
[ "$status" -eq 0 ] && status=$editors
[ "$status" -eq 0 ] && status=$installed
exit "$status"
