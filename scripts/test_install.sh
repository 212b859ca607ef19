#!/usr/bin/env bash
# Installs segmint into a temporary prefix (debug build, to stay fast) and runs it from a
# directory outside the checkout: --version, demo (built-in catalog), check, compile, run and
# ask --offline must all work with nothing but the installed binary and the user's own files.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
scripts/install.sh --debug "$tmp/prefix" >/dev/null
bin="$tmp/prefix/bin/segmint"
mkdir "$tmp/elsewhere"
cp catalogs/retail.yaml "$tmp/elsewhere/my-catalog.yaml"
cp examples/loyalty.seg "$tmp/elsewhere/"
cd "$tmp/elsewhere"
export HOME="$tmp/home" SEGMINT_LLM_CONFIG=/nonexistent

fail() { echo "test_install: $*" >&2; exit 1; }
step() { echo "test_install: $*"; }

step "--version"
commit=$(git -C "$repo" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
"$bin" --version | grep -q "^segmint .*(commit $commit; segment language spec " || fail "--version: $("$bin" --version)"
step "demo with the built-in catalog"
"$bin" demo --db demo.db --customers 300 --seed 1 --as-of 2026-03-01 | grep -q 'customers: 300 rows' || fail "demo"
step "check"
"$bin" check loyalty.seg --catalog my-catalog.yaml || fail "check"
step "compile"
"$bin" compile loyalty.seg --catalog my-catalog.yaml --segment gold_and_up --dialect sqlite | grep -q '^SELECT' || fail "compile"
step "run"
keys=$("$bin" run loyalty.seg --catalog my-catalog.yaml --segment gold_and_up --db demo.db --format csv --limit 5)
[ "$(printf '%s\n' "$keys" | wc -l)" -ge 2 ] || fail "run printed no keys: $keys"
step "ask --offline"
"$bin" ask "gold tier members" --catalog my-catalog.yaml --offline --memory none | grep -q '^segment ' || fail "ask --offline"
echo "test_install: ok"
