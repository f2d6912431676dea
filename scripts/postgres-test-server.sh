#!/usr/bin/env bash
# A throwaway PostgreSQL server for the database tests: a new cluster in a temporary folder, listening on
# 127.0.0.1 on a free port, trust authentication, removed by `stop`.
#
#   eval "$(scripts/postgres-test-server.sh start)"   # exports RATER_TEST_POSTGRES_URL and RATER_TEST_POSTGRES_DIR
#   swift test
#   scripts/postgres-test-server.sh stop "$RATER_TEST_POSTGRES_DIR"
#
# Needs Debian's postgresql package. PostgreSQL refuses to run as root, so as root the cluster belongs to the
# `postgres` user the package creates.
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "postgres-test-server: no PostgreSQL server installed (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    dir=$(mktemp -d /tmp/rater-postgres.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$dir/data" --auth=trust --username=rater --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U rater rater_test
    echo "export RATER_TEST_POSTGRES_URL='postgresql://rater@127.0.0.1:$port/rater_test'"
    echo "export RATER_TEST_POSTGRES_DIR='$dir'"
    ;;
stop)
    dir=${2:?usage: postgres-test-server.sh stop DIR}
    case "$dir" in /tmp/rater-postgres.*) ;; *) echo "postgres-test-server: not a test server folder: $dir" >&2; exit 1 ;; esac
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
