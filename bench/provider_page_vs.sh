#!/usr/bin/env bash
# The national provider page over a year of a large audit, two builds of clinaudit in the same
# run: each makes the demo world in a SQLite file of its own, imports EPISODES synthetic hip
# fracture episodes of 2025/26 into the NHFD audit (bench/hip_fracture_episodes.py), serves
# it, and asks for one provider's page as the demo national analyst: 9 requests one after another (their median), then
# `wrk -t2 -c8` for SECONDS. Prints each build's figures and the ratio of the medians.
# Usage: bench/provider_page_vs.sh BASELINE_BINARY NEW_BINARY [EPISODES] [SECONDS]   (333000, 10 s)
set -euo pipefail
baseline="$1"
new="$2"
episodes="${3:-333000}"
seconds="${4:-10}"
source "$(dirname "${BASH_SOURCE[0]}")/serve_helpers.sh"

python3 "$(dirname "${BASH_SOURCE[0]}")/hip_fracture_episodes.py" "$work/episodes.csv" "$episodes"

path="/national/audits/1/providers/4?year=2025/26"  # NHFD, the provider Z03

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$episodes episodes imported into NHFD 2025/26 beside the demo's; page $path"
for label in baseline new; do
  bin="$baseline"
  [[ "$label" == new ]] && bin="$new"
  "$bin" demo --db "$work/$label.sqlite" >/dev/null
  start=$(date +%s.%N)
  "$bin" import episodes "$work/episodes.csv" --db "$work/$label.sqlite" --audit NHFD >/dev/null
  echo "$label: import $(python3 -c "print(f'{$(date +%s.%N) - $start:.2f}')") s"
  port="$(free_port)"
  start_server "$bin" "$port" --db "$work/$label.sqlite"
  cookie="$(session_cookie "$port" analyst@national-audit.example demo-analyst-2026)"
  median="$(for _ in $(seq 9); do
    curl -fsS -o "$work/page.html" -w '%{time_total}\n' -H "Cookie: $cookie" "http://127.0.0.1:$port$path"
  done | sort -n | sed -n 5p)"
  echo "$label $median" >>"$work/medians"
  echo "$label: one request at a time, median of 9: $(python3 -c "print(f'{$median * 1000:.1f}')") ms; $(grep -o '[0-9]* episodes in order of admission' "$work/page.html"), $(grep -o '[0-9]* signal(s)' "$work/page.html" | head -1)"
  out="$(wrk -t2 -c8 -d"${seconds}s" --latency -H "Cookie: $cookie" "http://127.0.0.1:$port$path")"
  echo "$label: wrk -t2 -c8: $(awk '/Requests\/sec/ {print $2}' <<<"$out") req/s, p50 $(awk '$1=="50%" {print $2}' <<<"$out"), p99 $(awk '$1=="99%" {print $2}' <<<"$out")"
  stop_server
done
python3 - "$work/medians" <<'PY'
import sys
m = dict(line.split() for line in open(sys.argv[1]))
print(f"one request: baseline {float(m['baseline']) * 1000:.1f} ms, new {float(m['new']) * 1000:.1f} ms, "
      f"{float(m['baseline']) / float(m['new']):.1f} times faster")
PY
