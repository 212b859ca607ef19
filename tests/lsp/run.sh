#!/usr/bin/env bash
# Real editor clients against `segmint lsp`: pytest-lsp (the protocol, every feature) and
# Neovim headless (a buffer's diagnostics and completions). Needs the debug build, the venv
# (scripts/deps.sh --test) and nvim. Exit non-zero when either fails or runs no test.
set -uo pipefail
cd "$(dirname "$0")/../.."
export PYTHONDONTWRITEBYTECODE=1
export SEGMINT_BIN="${SEGMINT_BIN:-$PWD/.build/debug/segmint}"
status=0

timeout 120 .venv/bin/python -m pytest -q -p no:cacheprovider tests/lsp/test_segmint_lsp.py
rc=$?
# pytest's 5 means "no tests collected": a suite that ran nothing has not passed.
[ $rc -eq 5 ] && echo "lsp: pytest collected no tests" >&2
[ $rc -ne 0 ] && status=1

ws=$(mktemp -d)
cp tests/lsp/workspace/* "$ws"/
SEGMINT_WS="$ws" timeout 60 nvim --headless --clean -n -c "luafile tests/lsp/nvim_test.lua" </dev/null
rc=$?
rm -rf "$ws"
if [ $rc -ne 0 ]; then echo "lsp: the Neovim client failed (exit $rc)" >&2; status=1; fi
exit $status
