#!/usr/bin/env bash
# Editor-server benchmark (release build): diagnostics latency after a change to a 1,000-line
# file, and memory with 200 open files. Numbers are recorded in README (Performance).
# segmint-bench-lsp is the same server as `segmint lsp` without the other commands.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product segmint-bench-lsp >&2
python3 bench/lsp/bench.py "$(swift build -c release --show-bin-path)/segmint-bench-lsp"
