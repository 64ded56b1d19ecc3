#!/usr/bin/env bash
# `clinaudit import` end to end on a SQLite file (docs/csv-import.md): a file with a bad
# date on row 5 and an unknown organisation on row 9 is refused with exit code 3, both
# problems are printed with row and column, and the database is unchanged; the corrected
# file then imports whole.
#
#   import_cli_test.sh CLINAUDIT_BINARY FIXTURE_DIR WORK_DIR
set -euo pipefail
clinaudit="$1"
data="$2"
work="$3"
rm -rf "$work"
mkdir -p "$work"
db="$work/import.sqlite"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$clinaudit" import organisations "$data/organisations.csv" --db "$db" | grep -qx "imported 2 organisations" ||
  fail "organisations import"
"$clinaudit" import audits "$data/audits.csv" --db "$db" | grep -qx "imported 1 audit" || fail "audits import"

# The audit's dataset: none at first, then declared from a CSV file and shown back as CSV.
set +e
"$clinaudit" dataset show NHFD --db "$db" >"$work/none.txt" 2>&1
status=$?
set -e
[[ $status == 4 ]] || fail "dataset show of an audit without one: exit code $status, expected 4 (not found)"
grep -qF "audit NHFD has declared no dataset" "$work/none.txt" || fail "the missing dataset is not explained"
"$clinaudit" dataset set NHFD "$data/dataset.csv" --db "$db" | grep -qx "imported 1 dataset for audit NHFD" ||
  fail "dataset set"
"$clinaudit" dataset show NHFD --db "$db" >"$work/shown.csv"
diff -u "$data/dataset.csv" "$work/shown.csv" || fail "dataset show does not give back the declared dataset"
set +e
"$clinaudit" dataset set NHFX "$data/dataset.csv" --db "$db" >"$work/other.txt" 2>&1
status=$?
set -e
[[ $status == 3 ]] || fail "a dataset file for another audit: exit code $status, expected 3"
grep -qF "the file declares the dataset of audit NHFD, not NHFX" "$work/other.txt" || fail "the other audit's refusal"
before="$(sqlite3 "$db" .dump)"

set +e
"$clinaudit" import episodes "$data/episodes_two_problems.csv" --audit NHFD --db "$db" >"$work/out.txt" 2>"$work/err.txt"
status=$?
set -e
cat "$work/out.txt" "$work/err.txt"
[[ $status == 3 ]] || fail "exit code $status, expected 3 (invalid input)"
grep -qxF "row 5, column 'admission_date': '2024-02-30' is not a real date (expected YYYY-MM-DD)" "$work/out.txt" ||
  fail "the bad date on row 5 is not reported"
grep -qxF "row 9, column 'organisation_code': 'RZZ' is not a known organisation" "$work/out.txt" ||
  fail "the unknown organisation on row 9 is not reported"
[[ $(wc -l <"$work/out.txt") == 2 ]] || fail "expected exactly two problems"
grep -qF "2 problems in 9 data rows; nothing was imported" "$work/err.txt" || fail "the summary line"
[[ "$(sqlite3 "$db" .dump)" == "$before" ]] || fail "the database changed"

"$clinaudit" import episodes "$data/episodes_two_problems.csv" --audit NHFD --db "$db" --dry-run >/dev/null 2>&1 &&
  fail "a dry run of a bad file must fail too"
"$clinaudit" import episodes "$data/episodes_good.csv" --audit NHFD --db "$db" --dry-run | grep -q "dry run" ||
  fail "dry run of the good file"
[[ "$(sqlite3 "$db" .dump)" == "$before" ]] || fail "the dry run changed the database"

"$clinaudit" import episodes "$data/episodes_good.csv" --audit NHFD --db "$db" |
  grep -qx "imported 9 episodes for audit NHFD (columns: outcome, age, sex)" || fail "the good file did not import"
[[ "$(sqlite3 "$db" 'SELECT SUM(episodes) FROM episode_blocks')" == 9 ]] || fail "episodes in the database"
# Stored typed: a number, a yes/no and a category, as a list in the order of the import's
# columns (named once, in episode_imports), after the provider and the admission day: one line
# per episode in a block of the import's episodes.
[[ "$(sqlite3 "$db" "SELECT column_names FROM episode_imports")" == '["outcome","age","sex"]' ]] ||
  fail "the import's columns are not stored in the file's order"
first=$(sqlite3 "$db" "SELECT substr(data, 1, instr(data, char(10)) - 1) FROM episode_blocks ORDER BY id LIMIT 1")
[[ "${first#*,*,}" == '[false,81,"F"]' ]] || fail "the first episode's values are not stored typed: $first"

# A column that stored episodes hold cannot be removed.
head -3 "$data/dataset.csv" >"$work/fewer.csv"
set +e
"$clinaudit" dataset set NHFD "$work/fewer.csv" --db "$db" >"$work/fewer.txt" 2>&1
status=$?
set -e
[[ $status == 3 ]] || fail "removing a used column: exit code $status, expected 3"
grep -qF "dataset column 'sex' cannot be removed: stored episodes hold it" "$work/fewer.txt" ||
  fail "the removal is not refused by name"
echo "ok"
