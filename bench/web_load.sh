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
source "$(dirname "${BASH_SOURCE[0]}")/serve_helpers.sh"

run_case() {  # label, extra serve flags...
  local label="$1"; shift
  local port; port="$(free_port)"
  start_server "$bin" "$port" --demo --db "$work/demo.sqlite" --max-connections 64 "$@"
  local cookie
  cookie="$(session_cookie "$port" board.member@riverside.example demo-board-2026)"
  for path in / /api/dashboard; do
    local out
    out="$(wrk -t2 -c64 -d"${seconds}s" --latency -H "Cookie: $cookie" "http://127.0.0.1:$port$path")"
    printf '%-8s %-15s %10s req/s   p50 %8s   p99 %8s   bytes/response %s\n' "$label" "$path" \
      "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1=="50%" {print $2}' <<<"$out")" \
      "$(awk '$1=="99%" {print $2}' <<<"$out")" \
      "$(curl -s -H "Cookie: $cookie" "http://127.0.0.1:$port$path" | wc -c)"
  done
  stop_server
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "binary: $bin; wrk -t2 -c64 -d${seconds}s"
run_case tuned
run_case untuned --untuned
