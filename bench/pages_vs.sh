#!/usr/bin/env bash
# Pages under load, two builds of clinaudit in the same run: each serves a fresh demo world on
# loopback and wrk asks for each path as one signed-in demo user, 64 connections, the two
# builds taking turns for ROUNDS rounds. Prints each round's throughput and latency and, per
# path, the median throughput of each build, their ratio (NEW / BASELINE) and each build's
# median p99 latency.
# Usage: bench/pages_vs.sh BASELINE_BINARY NEW_BINARY [SECONDS] [ROUNDS]   (10 s, 3 rounds)
# What is asked for, and by whom (defaults: the board dashboard, its page and its JSON route):
#   BENCH_USER=board.member@riverside.example BENCH_PASSWORD=demo-board-2026 BENCH_PATHS="/ /api/dashboard"
set -euo pipefail
baseline="$1"
new="$2"
seconds="${3:-10}"
rounds="${4:-3}"
user="${BENCH_USER:-board.member@riverside.example}"
password="${BENCH_PASSWORD:-demo-board-2026}"
paths="${BENCH_PATHS:-/ /api/dashboard}"
source "$(dirname "${BASH_SOURCE[0]}")/serve_helpers.sh"

run() {  # label binary: one round of both routes, appending "label path req/s" to $work/results
  local label="$1" bin="$2" port cookie out
  port="$(free_port)"
  rm -f "$work/demo.sqlite"*
  start_server "$bin" "$port" --demo --db "$work/demo.sqlite" --max-connections 64
  cookie="$(session_cookie "$port" "$user" "$password")"
  for path in $paths; do
    out="$(wrk -t2 -c64 -d"${seconds}s" --latency -H "Cookie: $cookie" "http://127.0.0.1:$port$path")"
    local rate p50 p99
    rate="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
    p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
    p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
    printf '%-9s %-30s %10s req/s   p50 %9s   p99 %9s\n' "$label" "$path" "$rate" "$p50" "$p99"
    echo "$label $path $rate $p99" >>"$work/results"
  done
  stop_server
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "baseline: $baseline"
echo "new:      $new"
echo "wrk -t2 -c64 -d${seconds}s, $rounds rounds, as $user: $paths"
for ((i = 1; i <= rounds; i++)); do
  run baseline "$baseline"
  run new "$new"
done
python3 - "$work/results" <<'PY'
import statistics, sys
def ms(text):  # wrk's latency: 950.00us, 12.34ms, 1.05s
    for unit, scale in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * scale
    return float(text)
rates, p99s = {}, {}
for line in open(sys.argv[1]):
    label, path, rate, p99 = line.split()
    rates.setdefault(path, {}).setdefault(label, []).append(float(rate))
    p99s.setdefault(path, {}).setdefault(label, []).append(ms(p99))
for path, by in rates.items():
    b, n = statistics.median(by["baseline"]), statistics.median(by["new"])
    bp, np_ = statistics.median(p99s[path]["baseline"]), statistics.median(p99s[path]["new"])
    print(f"{path:30s} median req/s: baseline {b:9.1f}   new {n:9.1f}   ratio {n / b:6.2f}   "
          f"median p99: baseline {bp:8.1f} ms   new {np_:8.1f} ms")
PY
