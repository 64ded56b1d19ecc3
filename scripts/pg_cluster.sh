#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, on a free loopback port.
#   pg_cluster.sh start DIR   creates and starts it; prints its postgresql:// URL
#   pg_cluster.sh stop DIR    stops it and removes DIR
# PostgreSQL refuses to run as root, so as root the cluster runs as the postgres user.
set -euo pipefail
action="${1:?usage: pg_cluster.sh start|stop DIR}"
dir="$(realpath -m "${2:?usage: pg_cluster.sh start|stop DIR}")"
bin="/usr/lib/postgresql/15/bin"

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    rm -rf "$dir"
    mkdir -p "$(dirname "$dir")"
    # The server must reach its data directory; a checkout under a private home
    # directory is not reachable by the postgres user, so the data then lives in /tmp.
    if [[ $(id -u) -eq 0 ]] && ! runuser -u postgres -- test -x "$(dirname "$dir")"; then
      real="$(mktemp -d /tmp/clinaudit-pg.XXXXXX)"
      ln -s "$real" "$dir"
    else
      mkdir -p "$dir"
      real="$dir"
    fi
    [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$real"
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
    as_owner "$bin/initdb" -D "$real/data" -U postgres -A trust -E UTF8 --no-sync >"$real/initdb.log" 2>&1 ||
      { cat "$real/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$real/data" -l "$real/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $real -c fsync=off -c max_connections=200" start >/dev/null ||
      { cat "$real/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres clinaudit_test
    echo "$port" >"$real/port"
    echo "postgresql://postgres@127.0.0.1:$port/clinaudit_test"
    ;;
  stop)
    real="$(readlink -f "$dir" 2>/dev/null || echo "$dir")"
    if [[ -d "$real/data" ]]; then
      as_owner "$bin/pg_ctl" -D "$real/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$real" "$dir"
    ;;
  *)
    echo "usage: pg_cluster.sh start|stop DIR" >&2
    exit 2
    ;;
esac
