#!/usr/bin/env bash
# `clinaudit board record|list` end to end on a SQLite file (docs/cli.md, docs/governance.md):
# - a file with a misspelt field is refused with exit code 3, the field named, nothing stored;
# - a file that presents another trust's report review, with an empty committee and an
#   action without a due date, is refused with every problem named by field, nothing stored;
# - the good file records the meeting, its items and actions, and marks the report it
#   presented as reviewed on the meeting's date, all in the audit log;
# - `board list` shows it, and --json gives the engagement metrics computed by hand.
#
#   board_cli_test.sh CLINAUDIT_BINARY WORK_DIR
set -euo pipefail
clinaudit="$1"
work="$2"
rm -rf "$work"
mkdir -p "$work"
db="$work/board.sqlite"
fail() { echo "FAIL: $*" >&2; exit 1; }
q() { sqlite3 "$db" "$1"; }

"$clinaudit" db migrate --db "$db" >/dev/null
q "INSERT INTO organisations (id, code, name, type) VALUES (1, 'RXX', 'Riverside', 'acute'), (2, 'RYY', 'Yonder', 'acute');
   INSERT INTO audits (id, code, title, kind, status) VALUES (1, 'NELA', 'NELA', 'national_clinical_audit', 'reported');
   INSERT INTO users (id, email, display_name, role, organisation_id, password_hash)
     VALUES (1, 'lead@rxx.example', 'Dr Lead', 'clinical_lead', 1, 'x'), (2, 'lead@ryy.example', 'Dr Yon', 'clinical_lead', 2, 'x');
   INSERT INTO audit_reports (id, audit_id, title, published_on) VALUES (1, 1, 'NELA ninth report', '2025-10-09');
   INSERT INTO report_reviews (id, audit_id, organisation_id, report_title, published_on, report_id)
     VALUES (1, 1, 1, 'NELA ninth report', '2025-10-09', 1), (2, 1, 2, 'NELA ninth report', '2025-10-09', 1);"

nothing_stored() {
  [[ "$(q 'SELECT count(*) FROM board_meetings')" == 0 ]] || fail "$1: a meeting was stored"
  [[ "$(q 'SELECT count(*) FROM actions')" == 0 ]] || fail "$1: an action was stored"
  [[ "$(q 'SELECT count(*) FROM report_reviews WHERE reviewed_on IS NOT NULL')" == 0 ]] || fail "$1: a review was marked"
}

cat >"$work/misspelt.json" <<'JSON'
{"committee": "Quality Committee", "held_on": "2025-12-04",
 "items": [{"kind": "report_review", "ref_id": 1, "decison": "Received"}]}
JSON
set +e
"$clinaudit" board record --db "$db" --org RXX --file "$work/misspelt.json" >"$work/out.txt" 2>"$work/err.txt"
status=$?
set -e
cat "$work/out.txt" "$work/err.txt"
[[ $status == 3 ]] || fail "misspelt field: exit code $status, expected 3"
grep -qxF "items[0].decison: is not a known field" "$work/out.txt" || fail "the misspelt field is not named"
grep -qF "1 problem; nothing was saved" "$work/err.txt" || fail "the summary line"
nothing_stored "misspelt field"

cat >"$work/bad.json" <<'JSON'
{"committee": " ", "held_on": "2025-12-04",
 "items": [{"kind": "report_review", "ref_id": 2, "decision": "Received"},
           {"kind": "other", "title": "Audit programme", "decision": "Approved"}],
 "actions": [{"title": "Consultant present for every high-risk laparotomy", "owner_email": "lead@ryy.example"}]}
JSON
set +e
"$clinaudit" board record --db "$db" --org RXX --file "$work/bad.json" >"$work/out.txt" 2>"$work/err.txt"
status=$?
set -e
cat "$work/out.txt" "$work/err.txt"
[[ $status == 3 ]] || fail "bad meeting: exit code $status, expected 3"
grep -qxF "committee: enter the board or committee, for example Trust Board" "$work/out.txt" || fail "committee"
grep -qxF "items[0].ref_id: there is no national report review 2 in your organisation" "$work/out.txt" ||
  fail "another trust's report review is not refused as not found"
grep -qxF "actions[0].owner_email: there is no user lead@ryy.example in your organisation" "$work/out.txt" ||
  fail "another trust's user is not refused"
grep -qxF "actions[0].due_on: enter the due date as YYYY-MM-DD" "$work/out.txt" || fail "the missing due date"
grep -qF "4 problems; nothing was saved" "$work/err.txt" || fail "the summary line"
nothing_stored "bad meeting"

cat >"$work/meeting.json" <<'JSON'
{"committee": "Quality Committee", "held_on": "2025-12-04",
 "items": [{"kind": "report_review", "ref_id": 1, "decision": "Received; actions agreed"},
           {"kind": "other", "title": "Audit programme", "decision": "Approved"}],
 "actions": [{"title": "Consultant present for every high-risk laparotomy", "owner_email": "lead@rxx.example",
              "due_on": "2025-12-31"},
             {"title": "Report theatre access", "owner_name": "Dr A Jones", "due_on": "2099-03-31"}]}
JSON
id=$("$clinaudit" board record --db "$db" --org RXX --file "$work/meeting.json")
[[ "$id" =~ ^[0-9]+$ ]] || fail "board record printed '$id', not an id"
[[ "$(q "SELECT count(*) FROM board_items WHERE meeting_id = $id")" == 2 ]] || fail "the items"
[[ "$(q "SELECT count(*) FROM actions WHERE source = 'board_decision' AND source_id = $id")" == 2 ]] ||
  fail "the actions are not board decisions of the meeting"
[[ "$(q "SELECT owner_id FROM actions WHERE title LIKE 'Consultant%'")" == 1 ]] || fail "the owner by e-mail"
[[ "$(q "SELECT reviewed_on || ' ' || committee FROM report_reviews WHERE id = 1")" == "2025-12-04 Quality Committee" ]] ||
  fail "the report presented is not recorded as reviewed at the meeting"
[[ "$(q "SELECT reviewed_on IS NULL FROM report_reviews WHERE id = 2")" == 1 ]] || fail "the other trust's review changed"
[[ "$(q "SELECT count(*) FROM audit_log WHERE entity IN ('board_meeting', 'action', 'report_review')
         AND actor LIKE 'clinaudit board record%'")" == 4 ]] || fail "the audit log"

"$clinaudit" board list --db "$db" --org RXX >"$work/list.csv"
cat "$work/list.csv"
grep -qxF "$id,2025-12-04,Quality Committee,2,2" "$work/list.csv" || fail "board list"
[[ $(wc -l <"$work/list.csv") == 2 ]] || fail "board list shows another trust's meetings"

# By hand: report published 2025-10-09 (2025/26), reviewed 2025-12-04: 56 days. One board
# action due by today (2025-12-31, in 2025/26), not completed; the other is not due yet.
"$clinaudit" board list --db "$db" --org RXX --json >"$work/list.json"
cat "$work/list.json"
python3 - "$work/list.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
years = {y["year"]: y for y in data["engagement"]}
assert list(years) == ["2025/26"], years
y = years["2025/26"]
assert (y["national_reports_published"], y["national_reports_reviewed"], y["median_days_to_review"]) == (1, 1, 56.0), y
assert (y["board_actions_due"], y["board_actions_on_time"]) == (1, 0), y
PY

set +e
"$clinaudit" board list --db "$db" --org NOPE >/dev/null 2>&1
status=$?
set -e
[[ $status == 4 ]] || fail "an unknown organisation: exit code $status, expected 4"
echo "board CLI: ok"
