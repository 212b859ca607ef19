#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for tests, on 127.0.0.1 only, in a temporary data directory.
#
#   eval "$(scripts/pg_test_server.sh start)"   # sets SEGMINT_TEST_PG and SEGMINT_TEST_PG_DIR
#   scripts/pg_test_server.sh stop              # stops it and removes the data directory
#
# `start` prints only the export lines on stdout (progress goes to stderr). As root the server
# runs as user postgres (initdb refuses root); otherwise as the current user.
set -euo pipefail

BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

as_owner() {
    if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
    [ -x "$BIN/initdb" ] || { echo "pg_test_server: $BIN/initdb not found (apt-get install postgresql)" >&2; exit 2; }
    local dir
    dir="$(mktemp -d /tmp/segmint-pg.XXXXXX)"
    chmod 700 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "'$BIN/initdb' -D '$dir/data' -A trust -U postgres --no-sync -E UTF8 >'$dir/initdb.log' 2>&1" \
        || { cat "$dir/initdb.log" >&2; exit 2; }
    local attempt port
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
        port_in_use "$port" && continue
        if as_owner "'$BIN/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 30 \
                -o \"-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$dir' -c fsync=off -c full_page_writes=off\" start" >/dev/null 2>&1; then
            echo "pg_test_server: PostgreSQL running on 127.0.0.1:$port (data in $dir)" >&2
            echo "export SEGMINT_TEST_PG=postgres://postgres@127.0.0.1:$port/postgres"
            echo "export SEGMINT_TEST_PG_DIR=$dir"
            return 0
        fi
    done
    echo "pg_test_server: could not start PostgreSQL; log:" >&2
    cat "$dir/server.log" >&2 || true
    rm -rf "$dir"
    exit 2
}

stop() {
    local dir="${1:-${SEGMINT_TEST_PG_DIR:-}}"
    [ -n "$dir" ] || { echo "pg_test_server: stop needs SEGMINT_TEST_PG_DIR or a directory argument" >&2; exit 2; }
    case "$dir" in /tmp/segmint-pg.*) ;; *) echo "pg_test_server: refusing to remove $dir" >&2; exit 2 ;; esac
    if [ -d "$dir/data" ]; then
        as_owner "'$BIN/pg_ctl' -D '$dir/data' -m fast -w stop" >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    echo "pg_test_server: stopped and removed $dir" >&2
}

case "${1:-}" in
    start) start ;;
    stop) shift; stop "${1:-}" ;;
    *) echo "usage: $0 start|stop [DATA_DIR]" >&2; exit 2 ;;
esac
