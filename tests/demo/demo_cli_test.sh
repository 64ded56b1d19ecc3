#!/usr/bin/env bash
# The demo world end to end through the CLI, on a real SQLite file: `clinaudit demo` creates
# it, the reports are generated from it, and the numbers are the ones counted by hand from
# the demo's definitions (src/demo/governance.cpp) for 26 November 2026:
#   - overdue actions at the 3 December 2026 board: the VTE prompt (due 27 Oct), the VTE
#     report to the Quality Committee (due 16 Nov) and the antibiotic policy (due 12 Nov);
#   - re-audits: sepsis 62/100 -> 102/120 (improved), VTE 91/100 -> 78/100 (declined);
#   - national reports not reviewed: the NACAP secondary care report only;
#   - survey wave 1: 68 of 110 managers said board interaction was poor or needs improvement.
# The board pack is also printed to PDF and its text read back.
# The same seed and date give the same bytes; a second `demo` on the same file is refused.
# Usage: demo_cli_test.sh CLINAUDIT WORKDIR
set -euo pipefail
bin="$1"
work="$2"
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
has() { grep -qF -- "$2" "$1" || fail "$1 lacks: $2"; }
lacks() { ! grep -qF -- "$2" "$1" || fail "$1 should not hold: $2"; }

"$bin" demo --db "$work/demo.sqlite" --as-of 2026-11-26 >"$work/demo.out"
has "$work/demo.out" "Demo world created"
has "$work/demo.out" "audit.manager@riverside.example"

"$bin" report board-pack --db "$work/demo.sqlite" --org Z01 --meeting 2026-12-03 --format html \
  --output "$work/pack.html"
pack="$work/pack.html"
has "$pack" "Return the VTE prompt to the electronic admission clerking"
has "$pack" "Report the fall in VTE assessment to the Quality Committee"
has "$pack" "Update the antibiotic prescribing policy to require a review date"
lacks "$pack" "<td>Weekly antimicrobial stewardship ward rounds on medical wards"
has "$pack" "National Asthma and COPD Audit Programme: secondary care report"
has "$pack" "3 actions are overdue"
# Re-audit outcomes with the change and its interval: sepsis 62.0% -> 85.0%, VTE 91.0% -> 78.0%.
has "$pack" "62.0%"
has "$pack" "85.0%"
has "$pack" "91.0%"
has "$pack" "78.0%"
# The change with Newcombe's hybrid score interval, worked by hand from the Wilson limits:
# sepsis +23.0 points (11.38 to 34.13), VTE -13.0 points (-22.99 to -2.94).
has "$pack" "23.0 points (11.4 to 34.1)"
has "$pack" "-13.0 points (-23.0 to -2.9)"

# The same pack as PDF, printed by Debian's headless chromium and read back with pdftotext
# (poppler-utils). scripts/packages.txt installs both: without them this fails, never skips.
command -v pdftotext >/dev/null || fail "pdftotext is missing (apt-get install poppler-utils)"
"$bin" report board-pack --db "$work/demo.sqlite" --org Z01 --meeting 2026-12-03 --format pdf \
  --output "$work/pack.pdf" 2>"$work/pdf.err" || { cat "$work/pdf.err" >&2; fail "the board pack was not printed to PDF"; }
# Text in reading order with the lines joined: a sentence may wrap in the printed page.
pdftotext -raw "$work/pack.pdf" - | tr '\n' ' ' >"$work/pack.txt"
has "$work/pack.txt" "3 actions are overdue"
has "$work/pack.txt" "Update the antibiotic prescribing policy to require a review date"
# Printed to A4, no page but the last is nearly blank.
bash "$(dirname "${BASH_SOURCE[0]}")/../board_pack/pages_are_full.sh" "$work/pack.pdf" 8 ||
  fail "the printed demo board pack has nearly blank pages"

"$bin" report survey --db "$work/demo.sqlite" --survey 1 --format html --output "$work/survey.html"
"$bin" report survey --db "$work/demo.sqlite" --survey 2 --format xlsx --output "$work/survey.xlsx"
python3 - "$work/survey.xlsx" <<'PY' || fail "the second wave's workbook lacks its sheets or the change"
import sys, zipfile
book = zipfile.ZipFile(sys.argv[1])
workbook = book.read("xl/workbook.xml").decode()
strings = book.read("xl/sharedStrings.xml").decode()
for sheet in ("Shares", "By organisation type", "Change since last wave"):
    assert f'name="{sheet}"' in workbook, sheet
assert "Poor or needs improvement" in strings
PY
has "$work/survey.html" "<strong>62%</strong> Poor or needs improvement (68 of 110 = 61.8%"

"$bin" report quality-account --db "$work/demo.sqlite" --org Z01 --year 2025/26 --today 2026-11-26 \
  --output "$work/qa.md" 2>"$work/qa.err"
# 30 June 2026 to 26 November 2026: 31 + 31 + 30 + 31 + 26 = 149 days; said beside the text to
# paste (standard error), never in it.
has "$work/qa.err" "Due by 2026-06-30: 149 days overdue"
lacks "$work/qa.md" "overdue"
has "$work/qa.md" "National Hip Fracture Database"

# An analysis run on the same data computes the same bytes; the demo already ran 2025/26, so
# every flagged provider has its case and the run opens none (the withdrawn one stays withdrawn).
"$bin" analyse --db "$work/demo.sqlite" --audit NHFD --period 2025/26 --output "$work/run1.json" 2>"$work/run1.err"
"$bin" analyse --db "$work/demo.sqlite" --audit NHFD --period 2025/26 --output "$work/run2.json" 2>/dev/null
cmp -s "$work/run1.json" "$work/run2.json" || fail "re-running the analysis gave different bytes"
has "$work/run1.json" '"outlier_cases_opened": 0'
has "$work/run1.json" '"results_stored": 0'
has "$work/run1.json" '"input_checksum"'
python3 - "$work/run1.json" <<'PY' || fail "the run record lacks the drifting provider's alarm"
import json, sys
run = json.load(open(sys.argv[1]))
assert [m["code"] for m in run["measures"]] == ["mortality_30d"], [m["code"] for m in run["measures"]]
measure = run["measures"][0]
flags = {p["flag"] for p in measure["providers"]}
assert "alarm_high" in flags or "alert_high" in flags, flags
assert measure["model"]["converged"], measure["model"]
assert run["outlier_cases_already_open"] >= 1, run["outlier_cases_already_open"]
PY

# The laparotomy year's stories: Z04 a genuine alert-level outlier; Z12 an apparent one whose
# survivors are under-reported. The audit analysed the year a week before the demo's day: both
# cases wait at their first stage, the audit provider's, and nothing has been done on them yet.
"$bin" analyse --db "$work/demo.sqlite" --audit NELA --period 2025/26 --as-of 2026-11-26 --output "$work/nela.json" 2>/dev/null
python3 - "$work/nela.json" "$work/demo.sqlite" <<'PY' || fail "the laparotomy year lacks its alert or its explained artefact"
import json, sqlite3, sys
run = json.load(open(sys.argv[1]))
db = sqlite3.connect(sys.argv[2])
ids = dict(db.execute("SELECT code, id FROM organisations"))
flag = {p["organisation_id"]: p["flag"] for p in run["measures"][0]["providers"]}
assert flag[ids["Z04"]] == "alert_high", flag[ids["Z04"]]
assert flag[ids["Z12"]] in ("alert_high", "alarm_high"), flag[ids["Z12"]]
cases = {row[0]: row[1:] for row in db.execute(
    "SELECT c.organisation_id, c.status, c.stage, c.opened_on, (SELECT count(*) FROM outlier_events e "
    "WHERE e.case_id = c.id) FROM outlier_cases c JOIN audits a ON a.id = c.audit_id "
    "WHERE a.code = 'NELA' AND c.period = '2025/26'")}
for code in ("Z04", "Z12"):
    assert cases[ids[code]] == ("open", "alert_lead_clinician_informed", "2026-11-19", 0), (code, cases[ids[code]])
assert run["outlier_cases_opened"] == 0 and run["complete_period"], run["outlier_cases_opened"]
PY

# The current year, 2026/27, is in-year monitoring: the demo's run of it (a week before its
# day) found the drifting hip fracture provider beyond a limit and opened no case.
python3 - "$work/demo.sqlite" <<'PY' || fail "an in-year analysis opened an outlier case"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
runs = db.execute(
    "SELECT r.run_on, r.units_flagged, r.cases_opened FROM analysis_runs r JOIN audits a ON a.id = r.audit_id "
    "WHERE a.code = 'NHFD' AND r.period = '2026/27'").fetchall()
assert runs == [("2026-11-19", runs[0][1], 0)] and runs[0][1] >= 1, runs
held = db.execute("SELECT count(*) FROM outlier_cases WHERE period = '2026/27'").fetchone()[0]
assert held == 0, held
PY

# Deterministic: the same seed and date give the same board pack.
"$bin" demo --db "$work/again.sqlite" --as-of 2026-11-26 >/dev/null
"$bin" report board-pack --db "$work/again.sqlite" --org Z01 --meeting 2026-12-03 --format html \
  --output "$work/pack-again.html"
cmp -s "$pack" "$work/pack-again.html" || fail "the same seed and date gave a different board pack"

# A second demo on a database that already holds one is refused and changes nothing.
if "$bin" demo --db "$work/demo.sqlite" --as-of 2026-11-26 >"$work/twice.out" 2>&1; then
  fail "a second demo on the same database was accepted"
fi
"$bin" report board-pack --db "$work/demo.sqlite" --org Z01 --meeting 2026-12-03 --format html \
  --output "$work/pack-after.html"
cmp -s "$pack" "$work/pack-after.html" || fail "the refused second demo changed the database"
echo "demo world: reports hold the hand-counted figures"
