#!/usr/bin/env bash
# Browser tests: starts `clinaudit serve --demo` on a fresh SQLite file and a free loopback
# port, runs the Playwright journeys (tests/browser, Debian's chromium) and stops the server
# afterwards, even when a test fails. Screenshots land in build/screenshots/.
# Usage: scripts/browser_tests.sh [BINARY]   (default: build/asan/src/cli/clinaudit)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${1:-$root/build/asan/src/cli/clinaudit}"
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" serve --demo --quiet --db "$work/demo.sqlite" --bind 127.0.0.1 --port "$port" --max-connections 16 \
  >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.log"; echo "the server did not start"; exit 1; fi
  sleep 0.2
done

# A survey of audit staff with one-time links (docs/surveys.md), for the respondent's journey.
survey_id="$("$bin" survey create --db "$work/demo.sqlite" --file "$root/tests/data/survey/staff_survey.json" 2>/dev/null)"
survey_link="$("$bin" survey invite --db "$work/demo.sqlite" --survey "$survey_id" \
  --file "$root/tests/data/survey/invitees.csv" --base-url "http://127.0.0.1:$port" 2>/dev/null |
  sed -n 's|^ann\.audit@.*,\(http://.*\)$|\1|p')"

cd "$root/tests/browser"
npm ci --no-audit --no-fund --silent
mkdir -p "$root/build/screenshots"
CLINAUDIT_URL="http://127.0.0.1:$port" CLINAUDIT_SURVEY_LINK="$survey_link" CLINAUDIT_SURVEY_ID="$survey_id" \
  CLINAUDIT_SCREENSHOTS="$root/build/screenshots" node --test
echo "screenshots: $root/build/screenshots"
