#!/usr/bin/env bash
# Load benchmark of the web server with wrk on loopback: the board dashboard page and its
# JSON API route, 64 connections, as a signed-in user; once with the server's settings
# (TCP_NODELAY, long keep-alive, up to 64 connections served at once) and once with cpp-httplib's defaults
# (--untuned), in the same run. Prints throughput and p50/p99 latency per case.
# Usage: bench/web_load.sh [BINARY] [SECONDS]   (default build/release/src/cli/clinaudit, 10 s)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${1:-$root/build/release/src/cli/clinaudit}"
seconds="${2:-10}"
work="$(mktemp -d)"
pid=""
cleanup() { [[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

run_case() {  # label, extra serve flags...
  local label="$1"; shift
  local port; port="$(free_port)"
  "$bin" serve --demo --quiet --db "$work/demo.sqlite" --port "$port" --max-connections 64 "$@" >"$work/server.log" 2>&1 &
  pid=$!
  until curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.2; done
  local cookie
  cookie="$(curl -fsS -D - -o /dev/null -H 'Content-Type: application/json' \
    -d '{"email":"board.member@riverside.example","password":"demo-board-2026"}' "http://127.0.0.1:$port/api/session" |
    tr -d '\r' | sed -n 's/^Set-Cookie: \([^;]*\).*/\1/p')"
  for path in / /api/dashboard; do
    local out
    out="$(wrk -t2 -c64 -d"${seconds}s" --latency -H "Cookie: $cookie" "http://127.0.0.1:$port$path")"
    printf '%-8s %-15s %10s req/s   p50 %8s   p99 %8s   bytes/response %s\n' "$label" "$path" \
      "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1=="50%" {print $2}' <<<"$out")" \
      "$(awk '$1=="99%" {print $2}' <<<"$out")" \
      "$(curl -s -H "Cookie: $cookie" "http://127.0.0.1:$port$path" | wc -c)"
  done
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "binary: $bin; wrk -t2 -c64 -d${seconds}s"
run_case tuned
run_case untuned --untuned
