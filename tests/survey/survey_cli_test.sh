#!/usr/bin/env bash
# `clinaudit survey create|list|invite` end to end on a SQLite file (docs/surveys.md), then
# one link answered through `clinaudit serve` with curl:
# - a definition with problems is refused with exit code 3, each problem naming the question
#   and field, and nothing is stored;
# - an invitee file with a bad organisation type on row 3 and an empty email on row 4 is
#   refused with both problems (row and column), exit code 3, and no invitation stored;
# - the good file gives one link per invitee; the database holds only the tokens' SHA-256;
# - a link answers once (200), then is gone (410); an unknown one is 404.
#
#   survey_cli_test.sh CLINAUDIT_BINARY FIXTURE_DIR WORK_DIR
set -euo pipefail
clinaudit="$1"
data="$2"
work="$3"
rm -rf "$work"
mkdir -p "$work"
db="$work/survey.sqlite"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# A definition with structural problems: every one is listed, nothing is stored.
set +e
"$clinaudit" survey create --db "$db" --file "$data/bad_survey.json" >"$work/out.txt" 2>"$work/err.txt"
status=$?
set -e
cat "$work/out.txt" "$work/err.txt"
[[ $status == 3 ]] || fail "bad definition: exit code $status, expected 3"
grep -qxF "question 1 ('board'): field 'kind': 'scale' is not a question kind (expected single_choice, multiple_choice, likert, number or free_text)" \
  "$work/out.txt" || fail "the bad kind of question 1 is not reported"
grep -qxF "question 2 ('tools'): field 'option' is not a known field" "$work/out.txt" ||
  fail "the misspelt field of question 2 is not reported"
grep -qF "2 problems; nothing was saved" "$work/err.txt" || fail "the summary line"

# A definition that breaks the survey rules.
set +e
"$clinaudit" survey create --db "$db" --file "$data/bad_rules_survey.json" >"$work/out.txt" 2>"$work/err.txt"
status=$?
set -e
[[ $status == 3 ]] || fail "rule breaks: exit code $status, expected 3"
grep -qxF "question 1 ('board'): field 'options' needs at least two options for a single_choice question" \
  "$work/out.txt" || fail "too few options not reported"
grep -qxF "question 2 ('board'): field 'code' is also the code of question 1 (codes must differ)" "$work/out.txt" ||
  fail "the repeated code is not reported"
if [[ -f "$db" ]] && [[ "$(sqlite3 "$db" 'SELECT count(*) FROM surveys')" != 0 ]]; then fail "a bad survey was stored"; fi

id=$("$clinaudit" survey create --db "$db" --file "$data/staff_survey.json")
[[ "$id" =~ ^[0-9]+$ ]] || fail "survey create printed '$id', not an id"
"$clinaudit" survey list --db "$db" | grep -qxF "$id,Survey of clinical audit staff,2026,yes,4,0" || fail "survey list"
[[ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE entity = 'survey' AND action = 'create'")" == 1 ]] ||
  fail "the survey's creation is not in the audit log"

# Invitees with two problems: both reported with row and column, nothing saved.
set +e
"$clinaudit" survey invite --db "$db" --survey "$id" --file "$data/invitees_two_problems.csv" \
  >"$work/out.txt" 2>"$work/err.txt"
status=$?
set -e
cat "$work/out.txt" "$work/err.txt"
[[ $status == 3 ]] || fail "bad invitees: exit code $status, expected 3"
grep -qF "row 3, column 'organisation_type': 'hospital' is not an organisation type" "$work/out.txt" ||
  fail "the bad organisation type on row 3 is not reported"
grep -qxF "row 4, column 'email': is empty but a value is required" "$work/out.txt" ||
  fail "the empty email on row 4 is not reported"
grep -qF "2 problems in 3 data rows; nothing was saved" "$work/err.txt" || fail "the invite summary line"
[[ "$(sqlite3 "$db" 'SELECT count(*) FROM survey_invitations')" == 0 ]] || fail "invitations were saved"

set +e
"$clinaudit" survey invite --db "$db" --survey 999 --file "$data/invitees.csv" >/dev/null 2>&1
status=$?
set -e
[[ $status == 4 ]] || fail "an unknown survey: exit code $status, expected 4"

"$clinaudit" survey invite --db "$db" --survey "$id" --file "$data/invitees.csv" \
  --base-url https://audit.example.nhs.uk/ >"$work/links.csv"
cat "$work/links.csv"
[[ "$(head -1 "$work/links.csv")" == "label,organisation_type,region,role,link" ]] || fail "links header"
[[ $(wc -l <"$work/links.csv") == 4 ]] || fail "expected three links"
grep -qE '^"Carol, audit facilitator",community,,,https://audit\.example\.nhs\.uk/respond/[0-9a-f]{64}$' \
  "$work/links.csv" || fail "Carol's link"
[[ "$(sqlite3 "$db" 'SELECT count(*) FROM survey_invitations')" == 3 ]] || fail "three invitations stored"
token=$(grep '^ann.audit' "$work/links.csv" | sed 's|.*/respond/||')
hash=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)
[[ "$(sqlite3 "$db" "SELECT label FROM survey_invitations WHERE token_hash = '$hash'")" == ann.audit@riverside.example ]] ||
  fail "the stored hash is not the token's SHA-256"
if sqlite3 "$db" .dump | grep -qF "$token"; then fail "a token is stored in the database"; fi

# One link answered through the web server.
"$clinaudit" serve --db "$db" --port 0 >"$work/serve.log" 2>&1 &
server=$!
port=""
for _ in $(seq 300); do
  port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/serve.log" | head -1)
  [[ -n "$port" ]] && break
  sleep 0.1
done
[[ -n "$port" ]] || { cat "$work/serve.log"; fail "the server did not start"; }
base="http://127.0.0.1:$port"
code() { curl -s -o "$work/page.html" -w '%{http_code}' "$@"; }
[[ "$(code "$base/respond/$token")" == 200 ]] || fail "the link's form"
grep -qF 'name="q.tools.2" value="Paper"' "$work/page.html" || fail "the form's checkboxes"
[[ "$(code --data-urlencode 'q.staff=lots' "$base/respond/$token")" == 422 ]] || fail "a bad number is not 422"
grep -qF "&#39;lots&#39; is not a number" "$work/page.html" || fail "the bad number's message"
[[ "$(code --data-urlencode 'q.board=Good' --data-urlencode 'q.tools.0=Spreadsheet' \
  --data-urlencode 'q.tools.2=Paper' --data-urlencode 'q.staff=3.5' --data-urlencode 'q.comments=Fine & well' \
  "$base/respond/$token")" == 200 ]] || fail "the answers were not saved"
[[ "$(code --data-urlencode 'q.board=Poor' "$base/respond/$token")" == 410 ]] || fail "a second answer is not 410"
[[ "$(code "$base/respond/$(printf '%064d' 0)")" == 404 ]] || fail "an unknown link is not 404"
"$clinaudit" survey list --db "$db" | grep -qxF "$id,Survey of clinical audit staff,2026,yes,4,1" ||
  fail "the response is not counted"
[[ "$(sqlite3 "$db" 'SELECT answers FROM survey_responses')" == \
  '[["board","Good"],["tools","Spreadsheet;Paper"],["staff","3.5"],["comments","Fine & well"]]' ]] ||
  fail "the stored answers: $(sqlite3 "$db" 'SELECT answers FROM survey_responses')"
[[ "$(sqlite3 "$db" "SELECT organisation_type || '/' || region || '/' || role FROM survey_responses")" == \
  "acute/London/audit manager" ]] || fail "the response's tags"
echo "ok"
