#!/usr/bin/env bash
# `clinaudit report add|list` and `clinaudit review add` end to end on a SQLite file
# (docs/cli.md, docs/governance.md "Published reports"):
# - a national report with two recommendations is recorded and listed for every trust;
# - a report with an http:// link is refused (exit code 3) and nothing is stored;
# - the same title again is a conflict (exit code 5);
# - a trust's own report is listed for that trust only, and another trust's review of it is
#   not found (exit code 4);
# - a review dated before publication is refused (3); a good review is listed with its
#   date and committee, is in the audit log, and reaches the Quality Account section.
#
#   reports_cli_test.sh CLINAUDIT_BINARY WORK_DIR
set -euo pipefail
clinaudit="$1"
work="$2"
rm -rf "$work"
mkdir -p "$work"
db="$work/reports.sqlite"
fail() { echo "FAIL: $*" >&2; exit 1; }
q() { sqlite3 "$db" "$1"; }
expect_exit() {  # expected-code command...
  local expected="$1"; shift
  set +e
  "$@" >"$work/out.txt" 2>"$work/err.txt"
  local status=$?
  set -e
  cat "$work/out.txt" "$work/err.txt"
  [[ $status == "$expected" ]] || fail "$*: exit code $status, expected $expected"
}

"$clinaudit" db migrate --db "$db" >/dev/null
q "INSERT INTO organisations (id, code, name, type) VALUES (1, 'RXX', 'Riverside', 'acute'), (2, 'RYY', 'Yonder', 'acute');
   INSERT INTO audits (id, code, title, kind, status) VALUES (1, 'NHFD', 'National Hip Fracture Database', 'national_clinical_audit', 'reported');"

expect_exit 0 "$clinaudit" report add --db "$db" --audit NHFD --title "NHFD annual report 2025" \
  --published-on 2025-09-12 --link https://www.nhfd.co.uk/ \
  --recommendation "Orthogeriatric review within 72 hours" --recommendation "Out of bed the day after surgery"
national=$(cat "$work/out.txt")
[[ "$national" =~ ^[0-9]+$ ]] || fail "report add does not print the new report's id"
[[ "$(q "SELECT number || ':' || body FROM report_recommendations WHERE report_id = $national ORDER BY number" | tr '\n' '|')" == \
   "1:Orthogeriatric review within 72 hours|2:Out of bed the day after surgery|" ]] || fail "the recommendations"

expect_exit 3 "$clinaudit" report add --db "$db" --audit NHFD --title "Insecure" --published-on 2025-10-01 \
  --link http://www.nhfd.co.uk/
grep -qF "link: give the report's https:// address" "$work/err.txt" || fail "the bad link is not named"
[[ "$(q 'SELECT count(*) FROM audit_reports')" == 1 ]] || fail "a refused report was stored"

expect_exit 5 "$clinaudit" report add --db "$db" --audit NHFD --title "NHFD annual report 2025" --published-on 2025-09-12

expect_exit 0 "$clinaudit" report add --db "$db" --audit NHFD --org RYY --title "Yonder's hip fracture notes" \
  --published-on 2025-10-01
own=$(cat "$work/out.txt")
expect_exit 0 "$clinaudit" report list --db "$db" --org RXX
grep -qF "$national,NHFD,NHFD annual report 2025,2025-09-12,national,2,," "$work/out.txt" || fail "RXX's list"
grep -qF "Yonder's hip fracture notes" "$work/out.txt" && fail "RXX sees Yonder's own report"
expect_exit 0 "$clinaudit" report list --db "$db" --org RYY
grep -qF "Yonder's hip fracture notes" "$work/out.txt" || fail "RYY does not see its own report"
expect_exit 4 "$clinaudit" review add --db "$db" --org RXX --report "$own" --reviewed-on 2025-11-04 \
  --committee "Quality Committee"

expect_exit 3 "$clinaudit" review add --db "$db" --org RXX --report "$national" --reviewed-on 2025-09-01 \
  --committee "Quality Committee"
grep -qF "reviewed_on: the review cannot come before the report was published (2025-09-12)" "$work/err.txt" \
  || fail "the early review date is not named"
[[ "$(q 'SELECT count(*) FROM report_reviews')" == 0 ]] || fail "a refused review was stored"

expect_exit 0 "$clinaudit" review add --db "$db" --org RXX --report "$national" --reviewed-on 2025-11-04 \
  --committee "Quality Committee" --findings "Two of three met" --intended-actions "Weekend orthogeriatric cover"
expect_exit 0 "$clinaudit" report list --db "$db" --org RXX --audit NHFD
grep -qF "$national,NHFD,NHFD annual report 2025,2025-09-12,national,2,2025-11-04,Quality Committee" "$work/out.txt" \
  || fail "the review is not listed"
[[ "$(q "SELECT count(*) FROM audit_log WHERE entity = 'report_review' AND action = 'create'")" == 1 ]] \
  || fail "the review is not in the audit log"
expect_exit 0 "$clinaudit" report quality-account --db "$db" --org RXX --year 2025/26 --today 2026-04-01
grep -qF "**NHFD annual report 2025** (reviewed 2025-11-04 by Quality Committee): Weekend orthogeriatric cover" \
  "$work/out.txt" || fail "the Quality Account section does not list the review"
echo "PASS"
