#!/usr/bin/env bash
# Setting up from an empty database on the command line (docs/cli.md, "Setting up"):
# organisations, a national audit on a year's Quality Account list, a trust's local audit
# and measures, each added and changed; refusals exit with the documented code, say what is
# wrong and change nothing; the measures CSV kind lands whole; every change is in the audit log.
#
#   setup_cli_test.sh CLINAUDIT_BINARY WORK_DIR
set -euo pipefail
clinaudit="$1"
work="$2"
rm -rf "$work"
mkdir -p "$work"
export CLINAUDIT_DB="$work/setup.sqlite"
fail() { echo "FAIL: $*" >&2; exit 1; }
sanitizer_free() { ! grep -qE 'ERROR: AddressSanitizer|runtime error:|SUMMARY: [A-Za-z]+Sanitizer' "$1"; }
# expect CODE PATTERN ARGS...: the exit code and a line of the output (stdout and stderr).
expect() {
  local code="$1" pattern="$2"
  shift 2
  set +e
  "$clinaudit" "$@" >"$work/out.txt" 2>&1
  local status=$?
  set -e
  cat "$work/out.txt"
  [[ $status == "$code" ]] || fail "clinaudit $*: exit code $status, expected $code"
  grep -qE -- "$pattern" "$work/out.txt" || fail "clinaudit $*: no line matches $pattern"
  sanitizer_free "$work/out.txt" || fail "clinaudit $*: a sanitizer reported a problem"
}

"$clinaudit" db migrate >/dev/null
expect 0 "^Added organisation NB, id 1$" organisation add --code nb --name "National Body" --type national_body
expect 0 "^Added organisation RXA, id 2$" organisation add --code RXA --name "Alpha Trust" --type acute --region North
expect 3 "type: National Body is already the national body; there is one" \
  organisation add --code RXB --name "Beta" --type national_body
expect 3 "--type: 'hospital' is not one of" organisation add --code RXB --name "Beta" --type hospital
expect 5 "organisation code 'RXA' already exists" organisation add --code rxa --name "Again" --type acute
expect 0 "^Changed organisation RXA, id 2$" organisation edit --code RXA --name "Alpha Hospitals NHS Trust"
expect 0 "^2,RXA,Alpha Hospitals NHS Trust,acute,North$" organisation list
expect 4 "no organisation has code 'RZZ'" organisation edit --code RZZ --name "Nobody"

expect 0 "^Added audit NHFD, id 1$" audit add --code NHFD --kind nca --title "National Hip Fracture Database" \
  --provider "Royal College of Physicians" --status in_progress
expect 3 "--owner: a local audit needs its organisation's code" audit add --code LA-1 --kind local --title "Consent"
expect 0 "^Added audit LA-1, id 2$" audit add --code LA-1 --kind local --owner RXA --title "Consent" --start 2026-01-05
expect 3 "end_date: the audit cannot end before it starts \(2026-01-05\)" audit edit --code LA-1 --end 2025-12-01
expect 0 "^Changed audit NHFD, id 1$" audit edit --code NHFD --kind nce --title "Hip fracture enquiry"
expect 0 "^1,NHFD,Hip fracture enquiry,national_confidential_enquiry,in_progress,$" audit list
expect 0 "^Put NHFD on the Quality Account list for 2025/26$" audit qa-list --code NHFD --year 2025/26 \
  --eligible "acute;community"
expect 4 "there is no national audit with id 2" audit qa-list --code LA-1 --year 2025/26 --eligible acute
expect 0 "^Took NHFD off the Quality Account list for 2025/26$" audit qa-list --code NHFD --year 2025/26 --eligible ""

expect 3 'formula: its outcome before ~ is "died" but the outcome column is "died30"' measure add --audit NHFD \
  --code mort30 --name "30-day mortality" --type ratio --improvement decrease --source episode_model_ratio \
  --outcome-column died30 --formula "died ~ age"
expect 0 "^Added measure mort30 to NHFD, id 1$" measure add --audit NHFD --code mort30 --name "30-day mortality" \
  --type ratio --improvement decrease --source episode_model_ratio --outcome-column died30 --formula "died30 ~ age"
expect 0 "^Changed measure mort30 of NHFD, id 1$" measure edit --audit NHFD --code mort30 --target 1
expect 0 "^NHFD,mort30,30-day mortality,ratio,decrease,1,1,,episode_model_ratio,died30,died30 ~ age,$" \
  measure list --audit NHFD

# The measures CSV kind: a bad row refuses the whole file, then the corrected file lands.
header="audit_code,code,name,type,improvement,target,multiplier,unit,source,outcome_column,formula,expected_column"
printf '%s\nLA-1,signed,Consent signed,proportion,increase,0.95,,,,,,\nLA-1,rate,Rate,rate,up,,1000,,,,,\n' \
  "$header" >"$work/bad.csv"
printf '%s\nLA-1,signed,Consent signed,proportion,increase,0.95,,,,,,\nLA-1,rate,Rate,rate,neutral,,1000,,,,,\n' \
  "$header" >"$work/good.csv"
expect 3 "row 3, column 'improvement': 'up' is not a direction" import measures "$work/bad.csv"
[[ "$("$clinaudit" measure list --audit LA-1 | wc -l)" == 1 ]] || fail "a refused measures file wrote something"
expect 0 "imported 2 measures" import measures "$work/good.csv"
[[ "$("$clinaudit" measure list --audit LA-1 | wc -l)" == 3 ]] || fail "the measures file did not land whole"

# Every change is in the audit log, with who made it.
log="$(sqlite3 "$CLINAUDIT_DB" "SELECT action || ' ' || entity || ' ' || actor FROM audit_log ORDER BY id")"
grep -qx "update organisation clinaudit organisation edit" <<<"$log" || fail "organisation edit not logged"
grep -qx "delete qa_list clinaudit audit qa-list" <<<"$log" || fail "taking off the list not logged"
grep -qx "update measure clinaudit measure edit" <<<"$log" || fail "measure edit not logged"
echo "setup CLI: all checks passed"
