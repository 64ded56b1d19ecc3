#!/usr/bin/env bash
# clinaudit serve --jobs: the server runs the daily checks at start-up, e-mails the day's
# notifications to a real SMTP server (Debian's aiosmtpd on a loopback port), and stops
# cleanly on SIGTERM with the jobs thread joined. It runs as of a fixed working day (a
# Thursday, not a bank holiday) so that every check runs whatever day the test runs on.
# Usage: serve_jobs_test.sh CLINAUDIT_BINARY SYSTEM_PYTHON3 WORK_DIR
set -euo pipefail
bin="$1"
python="$2"
work="$3"
rm -rf "$work"
mkdir -p "$work"
sink=""
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  [ -n "$sink" ] && kill "$sink" 2>/dev/null || true
}
trap cleanup EXIT

port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$python" -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$work/maildir" &
sink=$!
today=2026-11-26
"$bin" demo --db "$work/demo.sqlite" --as-of "$today" >/dev/null
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

"$bin" serve --db "$work/demo.sqlite" --port 0 --quiet --jobs --as-of "$today" --smtp "smtp://127.0.0.1:$port" \
  --from clinaudit@riverside.example >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 600); do
  grep -q "daily jobs" "$work/serve.log" && break
  sleep 0.1
done
kill -TERM "$server"
status=0
wait "$server" || status=$?
server=""
cat "$work/serve.log"
[ "$status" -eq 0 ] || { echo "serve exited with $status"; exit 1; }
grep -q "stopped" "$work/serve.log" || { echo "serve did not stop cleanly"; exit 1; }

line=$(grep "daily jobs $today: " "$work/serve.log") || { echo "no daily jobs run for $today"; exit 1; }
# The daily analysis runs come first and none fails on the demo's episodes (the demo has
# analysed its years already, apart from a year it leaves for the first quarter after it ends).
[[ "$line" == *" analysis run(s), "*" unchanged, 0 failed; "* ]] ||
  { echo "the daily analysis runs: $line"; exit 1; }
[[ "$line" != *"not a working day"* ]] || { echo "the run should be on a working day: $line"; exit 1; }
sent=$(sed -n 's/.*; \([0-9]*\) sent by e-mail.*/\1/p' <<<"$line")
arrived=$(ls "$work/maildir/new" | wc -l)
echo "sent $sent, arrived $arrived"
# The demo trust always has overdue actions, so a working day sends something.
[ "$sent" -ge 1 ] && [ "$arrived" -eq "$sent" ] || { echo "expected the sent messages to arrive"; exit 1; }
grep -l "^X-RcptTo: .*audit.manager@riverside.example" "$work/maildir/new/"* >/dev/null ||
  { echo "no message for the demo audit manager"; exit 1; }
