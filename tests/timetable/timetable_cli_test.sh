#!/usr/bin/env bash
# `clinaudit timetable show|set` on a SQLite file (docs/cli.md, docs/governance.md):
# - with nothing stored, `show` prints the shipped default and says so;
# - a table with an unknown owner on line 3 and a bad number of days on line 4 is refused with
#   both problems (line and column), exit code 3, and no version stored;
# - a good table is stored, `show` prints it and names its version.
#
#   timetable_cli_test.sh CLINAUDIT_BINARY DEFAULT_TABLE WORK_DIR
set -euo pipefail
clinaudit="$1"
default_table="$2"
work="$3"
rm -rf "$work"
mkdir -p "$work"
db="$work/timetable.sqlite"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$clinaudit" timetable show --db "$db" >"$work/out.csv" 2>"$work/err.txt"
diff -u "$default_table" "$work/out.csv" || fail "show without a stored version is not the shipped default"
grep -qF "the shipped default" "$work/err.txt" || fail "show does not say the default is in force"

sed -e '3s/,audit_provider,5$/,trust,5/' -e '4s/,provider,25$/,provider,ten/' "$default_table" >"$work/bad.csv"
set +e
"$clinaudit" timetable set --db "$db" --file "$work/bad.csv" --name "Bad" >"$work/out.txt" 2>"$work/err.txt"
status=$?
set -e
cat "$work/out.txt" "$work/err.txt"
[[ $status == 3 ]] || fail "bad table: exit code $status, expected 3"
grep -qF "line 3, column 4 (owner): 'trust' is not audit_provider, provider or chief_executive" "$work/err.txt" ||
  fail "the unknown owner on line 3 is not reported"
grep -qF "line 4, column 5 (working_days): 'ten' is not a whole number of days" "$work/err.txt" ||
  fail "the bad number on line 4 is not reported"
grep -qF "nothing was saved" "$work/err.txt" || fail "the summary"
"$clinaudit" timetable show --db "$db" >/dev/null 2>"$work/err.txt"
grep -qF "the shipped default" "$work/err.txt" || fail "the refused table was stored"

sed -e '2s/,10$/,15/' "$default_table" >"$work/good.csv"
id=$("$clinaudit" timetable set --db "$db" --file "$work/good.csv" --name "HQIP 2026 guidance")
[[ $id == 1 ]] || fail "set printed '$id', expected the new version's id 1"
"$clinaudit" timetable show --db "$db" >"$work/out.csv" 2>"$work/err.txt"
diff -u "$work/good.csv" "$work/out.csv" || fail "show does not print the stored table"
grep -qF "version 1, HQIP 2026 guidance" "$work/err.txt" || fail "show does not name the version in force"
echo "timetable CLI: ok"
