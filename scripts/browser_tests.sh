#!/usr/bin/env bash
# Browser tests: starts `clinaudit serve --demo` on a fresh SQLite file and a free loopback
# port, and a second server on an empty database (a fresh SQLite file holding only the first
# administrator, made by `clinaudit user add`; no --demo), runs the Playwright journeys
# (tests/browser, Debian's chromium) and stops both servers afterwards, even when a test
# fails. Screenshots land in build/screenshots/.
# Usage: scripts/browser_tests.sh [BINARY [TEST_FILE...]]   (default: build/asan/src/cli/clinaudit and
# every tests/browser/*.test.mjs; name files, relative to tests/browser, to run only those)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${1:-$root/build/asan/src/cli/clinaudit}"
shift || true
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
empty_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
server_pid=""
empty_pid=""
cleanup() {
  for pid in "$server_pid" "$empty_pid"; do
    if [[ -n "$pid" ]]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT

# Waits until the server on port $1 (process $2, log $3) answers /healthz.
wait_for_server() {
  for _ in $(seq 1 600); do
    if curl -fsS "http://127.0.0.1:$1/healthz" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then cat "$3"; echo "the server did not start"; exit 1; fi
    sleep 0.2
  done
  echo "the server did not answer"; exit 1
}

"$bin" serve --demo --quiet --db "$work/demo.sqlite" --bind 127.0.0.1 --port "$port" --max-connections 16 \
  >"$work/server.log" 2>&1 &
server_pid=$!
wait_for_server "$port" "$server_pid" "$work/server.log"

# The empty database (tests/browser/empty_database.test.mjs): the national body's first
# administrator only, as docs/getting-started.md begins; the date is fixed so that the
# journey's financial year 2025/26 has ended and its Quality Account is being written.
empty_admin_password="empty-db-admin-$RANDOM$RANDOM"
printf '%s\n' "$empty_admin_password" | "$bin" user add --db "$work/empty.sqlite" --password-stdin \
  --email admin@nab.example --name "Ada Admin" --role admin --org NAB --org-name "National Audit Body" \
  --org-type national_body >/dev/null
"$bin" serve --quiet --db "$work/empty.sqlite" --as-of 2026-06-15 --bind 127.0.0.1 --port "$empty_port" \
  --max-connections 16 >"$work/empty-server.log" 2>&1 &
empty_pid=$!
wait_for_server "$empty_port" "$empty_pid" "$work/empty-server.log"

# A survey of audit staff with one-time links (docs/surveys.md), for the respondent's journey.
survey_id="$("$bin" survey create --db "$work/demo.sqlite" --file "$root/tests/data/survey/staff_survey.json" 2>/dev/null)"
survey_link="$("$bin" survey invite --db "$work/demo.sqlite" --survey "$survey_id" \
  --file "$root/tests/data/survey/invitees.csv" --base-url "http://127.0.0.1:$port" 2>/dev/null |
  sed -n 's|^ann\.audit@.*,\(http://.*\)$|\1|p')"

cd "$root/tests/browser"
npm ci --no-audit --no-fund --silent
mkdir -p "$root/build/screenshots"
CLINAUDIT_URL="http://127.0.0.1:$port" CLINAUDIT_SURVEY_LINK="$survey_link" CLINAUDIT_SURVEY_ID="$survey_id" \
  CLINAUDIT_EMPTY_URL="http://127.0.0.1:$empty_port" CLINAUDIT_EMPTY_ADMIN_EMAIL="admin@nab.example" \
  CLINAUDIT_EMPTY_ADMIN_PASSWORD="$empty_admin_password" CLINAUDIT_SCREENSHOTS="$root/build/screenshots" node --test "$@"
echo "screenshots: $root/build/screenshots"
