#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build and test Segmint. Idempotent.
#   scripts/deps.sh          build deps (C libraries for SQLite, libpq, libcurl)
#   scripts/deps.sh --test   plus PostgreSQL server, Chromium, Neovim, and the Python oracles, pytest-lsp and the duckdb CLI (venv)
set -euo pipefail
cd "$(dirname "$0")/.."

apt_pkgs=(libsqlite3-dev libpq-dev libcurl4-openssl-dev pkg-config)
if [ "${1:-}" = "--test" ]; then apt_pkgs+=(postgresql chromium python3-venv neovim); fi

missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "${1:-}" = "--test" ]; then
  if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sqlglot, duckdb, pytest_lsp' 2>/dev/null; then
    echo "deps: creating .venv with the test oracles (sqlglot, duckdb) and the editor-protocol client (pytest-lsp)" >&2
    python3 -m venv .venv
    .venv/bin/pip install -q --disable-pip-version-check sqlglot duckdb pytest-lsp
  fi
  # The duckdb command-line tool, which `run --db duckdb:…` drives (found as .venv/bin/duckdb).
  if [ ! -x .venv/bin/duckdb ]; then
    echo "deps: installing the duckdb command-line tool (duckdb-cli) into .venv" >&2
    .venv/bin/pip install -q --disable-pip-version-check 'duckdb-cli>=1.4,<2'
  fi
fi
