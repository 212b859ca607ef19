#!/usr/bin/env bash
# `segmint build` throughput: full build, no-op rebuild and one-segment rebuild of a generated
# project of N segments (default 10,000), release build, single-threaded.
#
#   bench/project/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product segmint-bench-project >&2
BIN="$(swift build -c release --show-bin-path)/segmint-bench-project"
"$BIN" catalogs/retail.yaml "${1:-10000}"
