#!/usr/bin/env bash
# Crash safety of an import (docs/csv-import.md, "All or nothing"): starts
# `clinaudit import episodes` on a large generated file, kills it with SIGKILL while it is
# writing, then shows that the SQLite database is intact (PRAGMA integrity_check), holds
# none of that import, and that running the same import again succeeds in full.
#
#   import_kill_test.sh CLINAUDIT_BINARY WORK_DIR [ROWS]
set -euo pipefail
clinaudit="$1"
work="$2"
rows="${3:-400000}"
rm -rf "$work"
mkdir -p "$work"
db="$work/crash.sqlite"

fail() { echo "FAIL: $*" >&2; exit 1; }

printf 'code,name,type\nRXA,Alpha Hospitals,acute\nRXB,Beta Hospitals,acute\nRXC,Gamma Hospitals,acute\n' >"$work/organisations.csv"
printf 'code,title,kind\nNHFD,National Hip Fracture Database,NCA\n' >"$work/audits.csv"
"$clinaudit" import organisations "$work/organisations.csv" --db "$db" >/dev/null
"$clinaudit" import audits "$work/audits.csv" --db "$db" >/dev/null
cat >"$work/dataset.csv" <<'CSV'
audit_code,column,type,required,minimum,maximum,allowed_values
NHFD,outcome,yes_no,yes,,,
NHFD,age,number,yes,0,120,
NHFD,sex,category,no,,,F|M
NHFD,asa_grade,number,no,1,5,
NHFD,fracture_type,category,no,,,intracapsular|extracapsular
NHFD,residence,category,no,,,home|care home
CSV
"$clinaudit" dataset set NHFD "$work/dataset.csv" --db "$db" >/dev/null
# One committed episode import before the crash: it must survive untouched.
printf 'organisation_code,admission_date,outcome,age\nRXA,2024-01-01,0,80\nRXB,2024-01-02,1,91\n' >"$work/first.csv"
"$clinaudit" import episodes "$work/first.csv" --audit NHFD --db "$db" >/dev/null

awk -v n="$rows" 'BEGIN {
  print "organisation_code,admission_date,outcome,age,sex,asa_grade,fracture_type,residence"
  srand(20261126)
  split("RXA RXB RXC", providers, " ")
  for (i = 0; i < n; i++) {
    printf "%s,2024-%02d-%02d,%d,%d,%s,%d,%s,%s\n", providers[i % 3 + 1], i % 12 + 1, i % 28 + 1,
      (rand() < 0.07), 60 + int(rand() * 40), (rand() < 0.7 ? "F" : "M"), 1 + int(rand() * 5),
      (rand() < 0.5 ? "intracapsular" : "extracapsular"), (rand() < 0.8 ? "home" : "care home")
  }
}' >"$work/large.csv"

count() { sqlite3 "$db" "SELECT COALESCE(SUM(episodes), 0) FROM episode_blocks"; }
wal_size() { stat -c %s "$db-wal" 2>/dev/null || echo 0; }
[[ "$(count)" == 2 ]] || fail "expected the 2 episodes of the first import before the crash"

"$clinaudit" import episodes "$work/large.csv" --audit NHFD --db "$db" >"$work/killed.out" 2>&1 &
pid=$!
# Wait until the import is writing: the write-ahead log grows past 4 MB.
for _ in $(seq 1 600); do
  kill -0 "$pid" 2>/dev/null || break
  (( $(wal_size) > 4000000 )) && break
  sleep 0.1
done
kill -0 "$pid" 2>/dev/null || fail "the import ended before it could be killed; use a larger file (ROWS)"
(( $(wal_size) > 4000000 )) || fail "the import did not start writing within 60 s"
kill -KILL "$pid"
wait "$pid" 2>/dev/null && fail "the killed import reported success" || true
echo "killed the import at $(wal_size) bytes of write-ahead log"

[[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" == "ok" ]] || fail "integrity_check after the kill"
[[ "$(sqlite3 "$db" 'PRAGMA foreign_key_check')" == "" ]] || fail "foreign_key_check after the kill"
[[ "$(count)" == 2 ]] || fail "the database holds $(count) episodes after the kill; expected only the first import's 2"
[[ "$(sqlite3 "$db" 'SELECT count(*) FROM episode_imports')" == 1 ]] || fail "a record of the killed import remains"
echo "after the kill: integrity ok, none of the killed import is present"

"$clinaudit" import episodes "$work/large.csv" --audit NHFD --db "$db" >"$work/second.out"
grep -q "^imported .* episodes for audit NHFD" "$work/second.out" || fail "the second import did not report success"
[[ "$(count)" == $((rows + 2)) ]] || fail "after the second import: $(count) episodes, expected $((rows + 2))"
[[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" == "ok" ]] || fail "integrity_check after the second import"
echo "the second import succeeded: $(count) episodes"
