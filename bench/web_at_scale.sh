#!/usr/bin/env bash
# The pages of issue 18's table under load, one build: the demo world in a SQLite file, with
# EPISODES synthetic hip fracture episodes of 2025/26 imported into its NHFD audit
# (bench/hip_fracture_episodes.py; none with 0), served on loopback; wrk asks for each page for
# SECONDS with one connection (each request's own time) and then with 64: the board dashboard and its JSON route as the demo board member,
# the national audit page and one provider's page as the demo national analyst. Prints the
# import's time and, per page, the median time of one request alone, and throughput and p50/p99
# latency under load.
# Usage: bench/web_at_scale.sh BINARY [EPISODES] [SECONDS]   (0, 10 s)
set -euo pipefail
bin="$1"
episodes="${2:-0}"
seconds="${3:-10}"
source "$(dirname "${BASH_SOURCE[0]}")/serve_helpers.sh"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
"$bin" demo --db "$work/world.sqlite" >/dev/null 2>&1
if ((episodes > 0)); then
  python3 "$(dirname "${BASH_SOURCE[0]}")/hip_fracture_episodes.py" "$work/episodes.csv" "$episodes"
  start=$(date +%s.%N)
  "$bin" import episodes "$work/episodes.csv" --db "$work/world.sqlite" --audit NHFD >/dev/null
  echo "the demo world with $episodes episodes imported into NHFD 2025/26: import $(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')") s"
else
  echo "the demo world as it is made"
fi
port="$(free_port)"
start_server "$bin" "$port" --db "$work/world.sqlite" --max-connections 64
board="$(session_cookie "$port" board.member@riverside.example demo-board-2026)"
analyst="$(session_cookie "$port" analyst@national-audit.example demo-analyst-2026)"
# NHFD is the demo's first audit; its provider Z03 is organisation 4.
printf '%-20s %-44s %9s %12s %10s %10s\n' page path alone "64 at once" p50 p99
while read -r label cookie path; do
  alone="$(wrk -t1 -c1 -d"${seconds}s" --latency -H "Cookie: ${!cookie}" "http://127.0.0.1:$port$path")"
  out="$(wrk -t2 -c64 -d"${seconds}s" --latency -H "Cookie: ${!cookie}" "http://127.0.0.1:$port$path")"
  errors="$(cat <(awk '/Non-2xx/ {print $NF}' <<<"$alone") <(awk '/Non-2xx/ {print $NF}' <<<"$out") | xargs)"
  printf '%-20s %-44s %9s %8s r/s %10s %10s%s\n' "$label" "$path" "$(awk '$1=="50%" {print $2}' <<<"$alone")" \
    "$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")" "$(awk '$1=="50%" {print $2}' <<<"$out")" \
    "$(awk '$1=="99%" {print $2}' <<<"$out")" "${errors:+   non-2xx responses: $errors}"
done <<'PAGES'
board-dashboard board /
dashboard-json board /api/dashboard
national-audit-page analyst /national/audits/1?year=2025/26
provider-page analyst /national/audits/1/providers/4?year=2025/26
PAGES
stop_server
