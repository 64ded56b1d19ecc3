#!/usr/bin/env bash
# The first administrator of an empty database (docs/getting-started.md): `clinaudit user add`
# creates the national body with its first user; without a name and type for a missing
# organisation it says what to add and writes nothing; a short password writes nothing either
# (not even the organisation); a second user joins the organisation that now exists.
#
#   first_administrator_test.sh CLINAUDIT_BINARY WORK_DIR
set -euo pipefail
clinaudit="$1"
work="$2"
rm -rf "$work"
mkdir -p "$work"
db="$work/empty.sqlite"
fail() { echo "FAIL: $*" >&2; exit 1; }
count() { sqlite3 "$db" "SELECT count(*) FROM $1"; }

# Exit code and output of one command, with the password on standard input.
run() {
  local password="$1"
  shift
  set +e
  printf '%s\n' "$password" | "$clinaudit" user add --db "$db" --password-stdin "$@" >"$work/out.txt" 2>&1
  status=$?
  set -e
  cat "$work/out.txt"
}

run 'a-long-enough-password' --email Admin@NAB.example --name "Ada Admin" --role admin --org NAB
[[ $status == 4 ]] || fail "a missing organisation without --org-name: exit $status, expected 4"
grep -qF -- "--org NAB: there is no such organisation; to create it with its first user, give --org-name and --org-type too" \
  "$work/out.txt" || fail "the message does not say how to create the organisation"
[[ $(count organisations) == 0 ]] || fail "an organisation was written"

run 'short' --email admin@nab.example --name "Ada Admin" --role admin --org NAB \
  --org-name "National Audit Body" --org-type national_body
[[ $status == 3 ]] || fail "a short password: exit $status, expected 3"
grep -qF "the password needs at least 12 characters" "$work/out.txt" || fail "the short password message"
[[ $(count organisations) == 0 && $(count users) == 0 ]] || fail "a refused user left records behind"

run 'a-long-enough-password' --email admin@nab.example --name "Ada Admin" --role admin --org NAB \
  --org-name "National Audit Body" --org-type lighthouse
[[ $status == 3 ]] || fail "an unknown organisation type: exit $status, expected 3"
grep -qF -- "--org-type must be one of" "$work/out.txt" || fail "the organisation type message"

run 'a-long-enough-password' --email Admin@NAB.example --name "Ada Admin" --role admin --org NAB \
  --org-name "National Audit Body" --org-type national_body
[[ $status == 0 ]] || fail "the first administrator: exit $status"
grep -qxF "Added organisation NAB (National Audit Body, National body)" "$work/out.txt" ||
  fail "the organisation is not reported"
grep -qE "^Added admin@nab.example \(Administrator, National Audit Body\), user 1$" "$work/out.txt" ||
  fail "the administrator is not reported"
[[ "$(sqlite3 "$db" "SELECT code || '|' || name || '|' || type FROM organisations")" == "NAB|National Audit Body|national_body" ]] ||
  fail "the organisation as stored"
[[ "$(sqlite3 "$db" "SELECT email || '|' || role FROM users")" == "admin@nab.example|admin" ]] || fail "the user as stored"
sqlite3 "$db" "SELECT password_hash FROM users" | grep -q '^\$argon2id\$' || fail "the password is not an argon2id hash"
[[ $(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE entity IN ('organisation', 'user')") == 2 ]] ||
  fail "both records are in the audit log"

run 'a-long-enough-password' --email second@nab.example --name "Second" --role admin --org NAB \
  --org-name "Another Name" --org-type national_body
[[ $status == 5 ]] || fail "describing an organisation that exists: exit $status, expected 5"
grep -qF "the organisation exists already (National Audit Body)" "$work/out.txt" || fail "the existing organisation message"

run 'a-long-enough-password' --email analyst@nab.example --name "Ann Analyst" --role national_analyst --org NAB
[[ $status == 0 ]] || fail "a second user in the existing organisation: exit $status"
[[ $(count organisations) == 1 && $(count users) == 2 ]] || fail "expected one organisation and two users"
# An operator deactivates an account from the command line (sessions end; the log records it),
# and reactivates it; an unknown address is reported and changes nothing.
sqlite3 "$db" "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
  SELECT 'h', id, 'c', '2099-01-01T00:00:00Z' FROM users WHERE email = 'analyst@nab.example'"
set +e
"$clinaudit" user deactivate --db "$db" --email Analyst@NAB.example >"$work/out.txt" 2>&1
status=$?
set -e
cat "$work/out.txt"
[[ $status == 0 ]] || fail "deactivating: exit $status"
grep -qxF "Deactivated analyst@nab.example (National Audit Body); their sessions have ended" "$work/out.txt" ||
  fail "the deactivation is not reported"
[[ "$(sqlite3 "$db" "SELECT active FROM users WHERE email = 'analyst@nab.example'")" == 0 ]] || fail "still active"
[[ $(count sessions) == 0 ]] || fail "the deactivated user's session is still there"
[[ $(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE entity = 'user' AND actor = 'clinaudit user deactivate'") == 1 ]] ||
  fail "the deactivation is not in the audit log"
set +e
"$clinaudit" user deactivate --db "$db" --email nobody@nab.example >"$work/out.txt" 2>&1
status=$?
set -e
[[ $status == 4 ]] || fail "an unknown address: exit $status, expected 4"
grep -qF -- "--email nobody@nab.example: there is no such user" "$work/out.txt" || fail "the unknown address message"
"$clinaudit" user reactivate --db "$db" --email analyst@nab.example >"$work/out.txt" 2>&1 || fail "reactivating"
grep -qxF "Reactivated analyst@nab.example (National Audit Body)" "$work/out.txt" || fail "the reactivation message"
[[ "$(sqlite3 "$db" "SELECT active FROM users WHERE email = 'analyst@nab.example'")" == 1 ]] || fail "not active again"
echo "first administrator: all checks passed"
