#!/usr/bin/env bash
# What each section of the board pack says (docs/governance.md, "Board pack"), for a small world
# written into a SQLite file, in all three formats of `clinaudit report board-pack`: the HTML, the
# XLSX workbook read cell by cell, and the PDF printed by chromium and read back with pdftotext.
#
# The world: Riverside Test Hospitals (RXX), meeting of 2026-03-05 (financial year 2025/26).
# - Three re-audits, each with one compliance result before and after. The change after - before
#   has Newcombe's hybrid score interval (method 10): with the Wilson 95% limits (l1, u1) of the
#   first proportion p1 and (l2, u2) of the second p2, d = p2 - p1,
#   lower = d - sqrt((p2 - l2)^2 + (u1 - p1)^2), upper = d + sqrt((u2 - p2)^2 + (p1 - l1)^2).
#   Wilson: centre (p + z^2/2n) / (1 + z^2/n), half-width z/(1 + z^2/n) sqrt(p(1-p)/n + z^2/4n^2).
#   * hand hygiene 40/80 -> 72/90: p1 0.5 (0.3930, 0.6070), p2 0.8 (0.7059, 0.8696);
#     d = 30.0 points, lower = 30 - sqrt(9.41^2 + 10.70^2) = 15.75, upper = 30 + sqrt(6.96^2 +
#     10.70^2) = 42.77: above zero, *improved*;
#   * consent 90/100 -> 75/100: p1 0.9 (0.8256, 0.9448), p2 0.75 (0.6570, 0.8245);
#     d = -15.0, lower = -15 - sqrt(9.30^2 + 4.48^2) = -25.33, upper = -15 + sqrt(7.45^2 +
#     7.44^2) = -4.47: below zero, *declined*;
#   * observations 30/50 -> 33/50: p1 0.6 (0.4618, 0.7239), p2 0.66 (0.5215, 0.7756);
#     d = 6.0, lower = 6 - sqrt(13.85^2 + 12.39^2) = -12.58, upper = 6 + sqrt(11.56^2 +
#     13.82^2) = 24.02: spans zero, *no clear change*.
#   The other trust's re-audit (Yonder, RYY) is not Riverside's business and must not appear.
# - A national audit on the year's Quality Account list, taken part in, 45 of 50 cases (90%).
# - A monthly measure alternating 90% and 92% for 12 months (2025-03 to 2026-02) with a target of
#   50%: mean 91%, moving range 2 points, limits 91 +- 2.66 x 2 = 85.68% to 96.32%, all above the
#   target: it consistently passes.
# - An alarm-level outlier case (worse than expected, 1.62 against a limit of 1.45) still open: a
#   potential outlier, not yet confirmed by the audit supplier's checks. The pack advises of it;
#   only a confirmed alarm is an alert: the same measure's 2023/24 case, confirmed and at its
#   public disclosure stage (due 2026-04-30).
# - Actions: one open, due 2026-02-01, 32 days overdue at the meeting (28 days of February + 4);
#   one completed on time on 2026-02-10 (within 90 days); a board decision due 2025-12-01,
#   completed 2025-11-20 (on time, but more than 90 days before the meeting); the other trust's
#   overdue action, which must not appear.
# - National reports: one published 2025-06-10 and reviewed 2025-07-22 (42 days), one published
#   2026-01-15 and not reviewed (49 days before the meeting: 16 + 28 + 5). The winter report is
#   assigned to Dr Lee with a review deadline of 2026-02-20: past it at the meeting.
# - The forward programme of 2025/26: two re-audits planned in the year, neither finished (they
#   stand at the report step): the hand hygiene one planned to end 2025-12-31 (past its end at
#   the meeting), the consent one planned to end 2026-06-30 (after the year: carrying over, with
#   no reason recorded). Neither has a division.
# - NICE guidance: NG51 (sepsis) applies, its one recommendation assessed not compliant with no
#   action raised, and its review was due 2026-01-31 (past at the meeting); QS121 applies and is
#   met, reviewed by 2026-12-31. Yonder's NG136, not met and overdue, must not appear.
#
#   board_pack_cli_test.sh CLINAUDIT WORK_DIR
set -euo pipefail
bin="$1"
work="$2"
rm -rf "$work" && mkdir -p "$work"
db="$work/pack.sqlite"
fail() { echo "FAIL: $*" >&2; exit 1; }
has() { grep -qF -- "$2" "$1" || fail "$1 lacks: $2"; }
lacks() { ! grep -qF -- "$2" "$1" || fail "$1 should not hold: $2"; }

"$bin" db migrate --db "$db" >/dev/null
sqlite3 "$db" <<'SQL'
INSERT INTO organisations (id, code, name, type) VALUES
  (1, 'RXX', 'Riverside Test Hospitals', 'acute'), (2, 'RYY', 'Yonder Test Hospitals', 'acute');
INSERT INTO audits (id, code, title, kind, status, owner_id, reaudit_of) VALUES
  (1, 'NETA', 'National Emergency Test Audit', 'national_clinical_audit', 'reported', NULL, NULL),
  (2, 'LA-HH-1', 'Hand hygiene before patient contact', 'local_audit', 'closed', 1, NULL),
  (3, 'LA-HH-2', 'Re-audit: hand hygiene before patient contact', 'local_audit', 'reported', 1, 2),
  (4, 'LA-CON-1', 'Consent recorded before surgery', 'local_audit', 'closed', 1, NULL),
  (5, 'LA-CON-2', 'Re-audit: consent recorded before surgery', 'local_audit', 'reported', 1, 4),
  (6, 'LA-OBS-1', 'Observations recorded on time', 'local_audit', 'closed', 1, NULL),
  (7, 'LA-OBS-2', 'Re-audit: observations recorded on time', 'local_audit', 'reported', 1, 6),
  (8, 'LA-YY-1', 'Pain scores at Yonder', 'local_audit', 'closed', 2, NULL),
  (9, 'LA-YY-2', 'Re-audit: pain scores at Yonder', 'local_audit', 'reported', 2, 8);
INSERT INTO measures (id, audit_id, code, name, type, improvement, target) VALUES
  (1, 1, 'timely', 'Seen by a consultant within 14 hours', 'proportion', 'increase', 0.5),
  (2, 1, 'mortality', 'Risk-adjusted 30-day mortality', 'ratio', 'decrease', NULL),
  (3, 2, 'compliance', 'Compliance', 'proportion', 'increase', 0.95),
  (4, 3, 'compliance', 'Compliance', 'proportion', 'increase', 0.95),
  (5, 4, 'compliance', 'Compliance', 'proportion', 'increase', 0.95),
  (6, 5, 'compliance', 'Compliance', 'proportion', 'increase', 0.95),
  (7, 6, 'compliance', 'Compliance', 'proportion', 'increase', 0.95),
  (8, 7, 'compliance', 'Compliance', 'proportion', 'increase', 0.95),
  (9, 8, 'compliance', 'Compliance', 'proportion', 'increase', 0.95),
  (10, 9, 'compliance', 'Compliance', 'proportion', 'increase', 0.95);
INSERT INTO results (measure_id, organisation_id, period_start, period_end, numerator, denominator, published) VALUES
  (3, 1, '2025-01-01', '2025-01-31', 40, 80, 1), (4, 1, '2025-10-01', '2025-10-31', 72, 90, 1),
  (5, 1, '2025-01-01', '2025-01-31', 90, 100, 1), (6, 1, '2025-10-01', '2025-10-31', 75, 100, 1),
  (7, 1, '2025-01-01', '2025-01-31', 30, 50, 1), (8, 1, '2025-10-01', '2025-10-31', 33, 50, 1),
  (9, 2, '2025-01-01', '2025-01-31', 10, 100, 1), (10, 2, '2025-10-01', '2025-10-31', 90, 100, 1);
WITH RECURSIVE month(i, start) AS (
  SELECT 0, date('2025-03-01') UNION ALL SELECT i + 1, date(start, '+1 month') FROM month WHERE i < 11)
INSERT INTO results (measure_id, organisation_id, period_start, period_end, value, published)
  SELECT 1, 1, start, date(start, '+1 month', '-1 day'), CASE i % 2 WHEN 0 THEN 0.90 ELSE 0.92 END, 1 FROM month;
INSERT INTO qa_list (audit_id, year, eligible_types) VALUES (1, 2025, 'acute');
INSERT INTO participation (organisation_id, audit_id, year, eligible, participating, data_collection_completed,
                           cases_submitted, cases_required) VALUES (1, 1, 2025, 1, 1, 1, 45, 50);
INSERT INTO outlier_cases (audit_id, measure_id, organisation_id, period, level, high, unfavourable, value,
                           limit_passed, stage, opened_on, stage_due_on, status)
  VALUES (1, 2, 1, '2024/25', 'alarm', 1, 1, 1.62, 1.45, 'provider_response', '2026-02-16', '2026-03-20', 'open'),
         (1, 2, 1, '2023/24', 'alarm', 1, 1, 1.55, 1.45, 'public_disclosure', '2025-06-01', '2026-04-30', 'confirmed');
INSERT INTO actions (organisation_id, audit_id, title, owner_name, due_on, status, evidence, completed_on, source) VALUES
  (1, 5, 'Consent training for every surgical registrar', 'Dr Amal Shah', '2026-02-01', 'open', '', NULL,
   'audit_recommendation'),
  (1, 3, 'Hand gel at every bed space', 'Infection prevention lead', '2026-02-20', 'completed',
   'Ward walk-round on 10 February', '2026-02-10', 'audit_recommendation'),
  (1, NULL, 'Quarterly audit programme report to the board', 'Clinical audit manager', '2025-12-01', 'completed',
   'Presented in November', '2025-11-20', 'board_decision'),
  (2, 9, 'Pain score training at Yonder', 'Yonder lead', '2026-01-01', 'open', '', NULL, 'audit_recommendation');
INSERT INTO audit_reports (id, audit_id, title, published_on) VALUES
  (1, 1, 'National Emergency Test Audit: annual report 2025', '2025-06-10'),
  (2, 1, 'National Emergency Test Audit: winter report', '2026-01-15');
INSERT INTO report_reviews (audit_id, organisation_id, report_title, published_on, reviewed_on, committee,
                            intended_actions, report_id) VALUES
  (1, 1, 'National Emergency Test Audit: annual report 2025', '2025-06-10', '2025-07-22', 'Quality Committee',
   'Consultant review within 14 hours', 1),
  (1, 1, 'National Emergency Test Audit: winter report', '2026-01-15', NULL, '', '', 2);
INSERT INTO report_assignments (organisation_id, report_id, lead_name, deadline, assigned_at)
  VALUES (1, 2, 'Dr Lee', '2026-02-20', '2026-01-20T09:00:00Z');
UPDATE audits SET start_date = '2025-09-01', end_date = '2025-12-31' WHERE id = 3;
UPDATE audits SET start_date = '2025-10-01', end_date = '2026-06-30' WHERE id = 5;
INSERT INTO nice_guidance (id, organisation_id, guidance_type, number, title, published_on, applicability,
                           lead_name, review_due) VALUES
  (1, 1, 'NG', 51, 'Sepsis: recognition, diagnosis and early management', '2016-07-13', 'applicable', 'Dr Lee',
   '2026-01-31'),
  (2, 1, 'QS', 121, 'Antimicrobial stewardship', '2016-04-14', 'applicable', 'Dr Amal Shah', '2026-12-31'),
  (3, 2, 'NG', 136, 'Hypertension in adults at Yonder', '2019-08-28', 'applicable', 'Yonder lead', '2025-01-01');
INSERT INTO nice_recommendations (id, guidance_id, position, label, text) VALUES
  (1, 1, 1, '1.1.1', 'Think sepsis'), (2, 2, 1, '1.1.1', 'Review antibiotics at 48 hours'),
  (3, 3, 1, '1.1.1', 'Offer monitoring');
INSERT INTO nice_assessments (guidance_id, recommendation_id, compliance, evidence, assessed_by, assessed_at) VALUES
  (1, 1, 'not_compliant', 'Screening tool not used in ED', 'Dr Lee', '2026-01-10T10:00:00Z'),
  (2, 2, 'compliant', 'Audit: 94% reviewed at 48 hours', 'Dr Amal Shah', '2026-01-12T10:00:00Z'),
  (3, 3, 'not_compliant', 'None', 'Yonder lead', '2026-01-12T10:00:00Z');
SQL

# Results written straight into the database, as here, are charted by the daily job (an import
# or an analysis run charts them as it writes them); the pack reads the stored charts.
"$bin" jobs run --db "$db" --as-of 2026-03-05 >/dev/null

pack() { "$bin" report board-pack --db "$db" --org RXX --meeting 2026-03-05 "$@"; }

# HTML: each re-audit's row holds its figures, its interval and its verdict.
pack --format html --output "$work/pack.html"
html="$work/pack.html"
has "$html" "<td>Re-audit: hand hygiene before patient contact</td><td>50.0% (40/80)</td><td>80.0% (72/90)</td><td>30.0 points (15.7 to 42.8)</td><td>improved</td>"
has "$html" "<td>Re-audit: consent recorded before surgery</td><td>90.0% (90/100)</td><td>75.0% (75/100)</td><td>-15.0 points (-25.3 to -4.5)</td><td>declined</td>"
has "$html" "<td>Re-audit: observations recorded on time</td><td>60.0% (30/50)</td><td>66.0% (33/50)</td><td>6.0 points (-12.6 to 24.0)</td><td>no clear change</td>"
lacks "$html" "Yonder"
# The summary: an improvement assures, a decline advises, no clear change says nothing.
has "$html" "<li>Re-audit shows improvement: Re-audit: hand hygiene before patient contact</li>"
has "$html" "<li>Re-audit shows decline: Re-audit: consent recorded before surgery</li>"
lacks "$html" "Re-audit shows improvement: Re-audit: observations"
lacks "$html" "Re-audit shows decline: Re-audit: observations"
has "$html" "<li>1 potential outlier at alarm level (beyond 3 SD), worse than expected, not yet confirmed by the national audit</li>"
has "$html" "<li>1 confirmed outlier at alarm level (beyond 3 SD), worse than expected</li>"
lacks "$html" "open outlier case at alarm level"
has "$html" "<li>1 action is overdue</li>"
has "$html" "<li>1 national audit report is published but not yet reviewed</li>"
has "$html" "<li>Took part in 100% of the national audits and confidential enquiries we are eligible for (1 of 1) in 2025/26</li>"
has "$html" "<li>1 measure consistently passes its target</li>"
has "$html" "<li>1 action completed in the past 90 days</li>"
# The sections' contents.
has "$html" "<td>National Emergency Test Audit</td><td>Risk-adjusted 30-day mortality</td><td>2024/25</td><td>Alarm (3 SD)</td><td>Worse than expected</td><td>1.62</td><td>Potential outlier, not yet confirmed</td><td>The provider checks its data and sends its explanation</td><td>Provider organisation</td><td>2026-03-20</td>"
has "$html" "<td>NETA</td><td>Seen by a consultant within 14 hours</td><td>92.0% (2026-02)</td><td>91.0%</td>"
has "$html" "Consistently passing the target"
has "$html" "<td>Consent training for every surgical registrar</td><td>Dr Amal Shah</td><td>2026-02-01</td><td>32</td>"
has "$html" "<td>Hand gel at every bed space</td><td>2026-02-10</td><td>yes</td><td>Ward walk-round on 10 February</td>"
lacks "$html" "Quarterly audit programme report to the board"
has "$html" "<li>National Emergency Test Audit: winter report (published 2026-01-15, 49 days ago)</li>"
has "$html" "<td>2025/26</td><td>1 of 2</td><td>42</td><td>1 of 1</td>"
# The audit cycle: the programme advises (one planned audit past its end, one carried over with
# no reason); the overdue review alerts, with its lead and deadline.
has "$html" "<li>Forward programme 2025/26: 0 of 2 planned local audits completed, 1 is past the planned end</li>"
has "$html" "<li>1 local audit is carried over with no reason recorded</li>"
has "$html" "<li>1 national audit report&#39;s review is past the deadline set on the report tracker</li>"
has "$html" "<td>National Emergency Test Audit: winter report (NETA)</td><td>Dr Lee</td><td>2026-02-20</td><td>Assigned</td>"
# NICE guidance: the recommendation not met without an action alerts; guidance not fully met and
# a review past its date advise; only the guidance needing attention is listed.
has "$html" "<li>1 NICE recommendation is assessed as not or partly met with no action raised</li>"
has "$html" "<li>1 piece of applicable NICE guidance is not fully met (1 not compliant, 0 partly compliant)</li>"
has "$html" "<li>1 NICE guidance review is past the review date</li>"
has "$html" "<p>1 of 2 pieces of applicable NICE guidance fully met; 1 not compliant, 0 partly compliant; 1 recommendation not met without an action; 1 review past its date.</p>"
has "$html" "<tr><td>NG51: Sepsis: recognition, diagnosis and early management</td><td>Dr Lee</td><td>Not compliant</td><td>1</td><td>2026-01-31 (overdue)</td></tr>"
lacks "$html" "QS121"
has "$html" "<tr><td>All divisions</td><td>2</td><td>0</td><td>0</td><td>2</td><td>0</td><td>0</td><td>1</td><td>1</td><td>0%</td><td>0</td></tr>"

# XLSX: the cells of each sheet, read from the workbook's XML.
pack --format xlsx --output "$work/pack.xlsx"
python3 - "$work/pack.xlsx" <<'PY' || fail "the workbook's cells are not the pack's"
import re, sys, zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
book = zipfile.ZipFile(sys.argv[1])
strings = []
if "xl/sharedStrings.xml" in book.namelist():
    for item in ET.fromstring(book.read("xl/sharedStrings.xml")).findall("m:si", NS):
        strings.append("".join(t.text or "" for t in item.iter("{%s}t" % NS["m"])))
targets = {rel.get("Id"): rel.get("Target")
           for rel in ET.fromstring(book.read("xl/_rels/workbook.xml.rels"))}

def column(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1

# Each cell style's number format: the built-in ones by id, the workbook's own by code.
styles = ET.fromstring(book.read("xl/styles.xml"))
codes = {0: "General", 1: "0", 2: "0.00", 9: "0%", 10: "0.00%"}
for fmt in styles.iter("{%s}numFmt" % NS["m"]):
    codes[int(fmt.get("numFmtId"))] = fmt.get("formatCode")
xfs = [int(xf.get("numFmtId", "0")) for xf in styles.find("m:cellXfs", NS).findall("m:xf", NS)]

sheets = {}
formats = {}
for sheet in ET.fromstring(book.read("xl/workbook.xml")).find("m:sheets", NS):
    target = targets[sheet.get("{%s}id" % NS["r"])]
    xml = ET.fromstring(book.read("xl/" + target.lstrip("/").removeprefix("xl/")))
    rows = []
    shown = []
    for row in xml.iter("{%s}row" % NS["m"]):
        cells = {}
        looks = {}
        for cell in row.findall("m:c", NS):
            looks[column(cell.get("r"))] = codes.get(xfs[int(cell.get("s", "0"))], "?")
            value = cell.find("m:v", NS)
            inline = cell.find("m:is", NS)
            if cell.get("t") == "s":
                cells[column(cell.get("r"))] = strings[int(value.text)]
            elif cell.get("t") == "inlineStr":
                cells[column(cell.get("r"))] = "".join(t.text or "" for t in inline.iter("{%s}t" % NS["m"]))
            elif value is not None:
                cells[column(cell.get("r"))] = float(value.text)
        rows.append([cells.get(i) for i in range(max(cells) + 1)] if cells else [])
        shown.append(looks)
    sheets[sheet.get("name")] = rows
    formats[sheet.get("name")] = shown

def near(a, b):
    return isinstance(a, float) and abs(a - b) < 0.01

assert list(sheets) == ["Summary", "Outlier cases", "Measures", "Participation", "Actions", "Re-audits",
                        "Forward programme", "Overdue report reviews", "NICE guidance"], list(sheets)
assert sheets["NICE guidance"] == [
    ["Reference", "Title", "Lead", "Baseline", "Not met without an action", "Next review", "Review overdue"],
    ["NG51", "Sepsis: recognition, diagnosis and early management", "Dr Lee", "Not compliant", "1", "2026-01-31",
     "Yes"]], sheets["NICE guidance"]
programme = sheets["Forward programme"]
assert programme[0][:3] == ["Division", "In plan", "Carried in"], programme[0]
assert programme[-1] == ["All divisions", 2, 0, 0, 2, 0, 0, 1, 1, 0, 0], programme[-1]
assert formats["Forward programme"][-1][9] == "0%", formats["Forward programme"][-1]
assert sheets["Overdue report reviews"][1:] == [["National Emergency Test Audit: winter report", "NETA", "Dr Lee",
                                                 "2026-02-20", "Assigned"]], sheets["Overdue report reviews"]

outliers = sheets["Outlier cases"]
assert outliers[0] == ["Audit", "Measure", "Period", "Level", "Direction", "Value", "Status", "Stage",
                       "Whose turn", "Stage due"], outliers[0]
assert len(outliers) == 3, outliers
assert outliers[2][2] == "2023/24" and outliers[2][8:] == ["National audit provider", "2026-04-30"], outliers[2]
assert outliers[1][:5] == ["National Emergency Test Audit", "Risk-adjusted 30-day mortality", "2024/25",
                           "Alarm (3 SD)", "Worse than expected"], outliers[1]
assert outliers[1][5] == 1.62 and formats["Outlier cases"][1][5] == "0.000", (outliers[1], formats["Outlier cases"][1])
assert outliers[1][6:] == ["Potential outlier, not yet confirmed", "The provider checks its data and sends its explanation",
                           "Provider organisation", "2026-03-20"], outliers[1]

# Shares as percentages (0.5 shown as 50.0%), the change and its interval in points, each
# rounded as the HTML pack shows it.
reaudits = {row[0]: row[1:] for row in sheets["Re-audits"][1:]}
assert sheets["Re-audits"][0] == ["Re-audit", "Before", "After", "Change (percentage points)",
                                  "Change: lower 95% limit", "Change: upper 95% limit", "Verdict"], sheets["Re-audits"][0]
assert len(reaudits) == 3, reaudits
for title, expected in {
        "Re-audit: hand hygiene before patient contact": (0.5, 0.8, 30.0, 15.7, 42.8, "improved"),
        "Re-audit: consent recorded before surgery": (0.9, 0.75, -15.0, -25.3, -4.5, "declined"),
        "Re-audit: observations recorded on time": (0.6, 0.66, 6.0, -12.6, 24.0, "no clear change")}.items():
    got = reaudits[title]
    assert all(abs(g - e) < 1e-9 for g, e in zip(got[:5], expected[:5])), (title, got)
    assert got[5] == expected[5], (title, got)
for row in formats["Re-audits"][1:]:
    assert [row[i] for i in range(1, 6)] == ["0.0%", "0.0%", "0.0", "0.0", "0.0"], row

summary = [tuple(row) for row in sheets["Summary"][1:]]
for line in [("Advise", "1 potential outlier at alarm level (beyond 3 SD), worse than expected, not yet confirmed by the national audit"),
             ("Alert", "1 confirmed outlier at alarm level (beyond 3 SD), worse than expected"),
             ("Alert", "1 action is overdue"),
             ("Advise", "1 national audit report is published but not yet reviewed"),
             ("Advise", "Re-audit shows decline: Re-audit: consent recorded before surgery"),
             ("Assure", "Took part in 100% of the national audits and confidential enquiries we are eligible for (1 of 1) in 2025/26"),
             ("Assure", "1 measure consistently passes its target"),
             ("Assure", "Re-audit shows improvement: Re-audit: hand hygiene before patient contact"),
             ("Assure", "1 action completed in the past 90 days"),
             ("Alert", "1 NICE recommendation is assessed as not or partly met with no action raised"),
             ("Advise", "1 NICE guidance review is past the review date")]:
    assert line in summary, (line, summary)
assert not any("observations" in text for _, text in summary), summary

assert sheets["Measures"][0] == ["Audit", "Measure", "Unit", "Latest period", "Latest value", "Mean",
                                 "Lower process limit", "Upper process limit", "Variation", "Assurance"], sheets["Measures"][0]
measures = sheets["Measures"][1:]
assert len(measures) == 1, measures
audit, name, unit, period, latest, mean, lower, upper, variation, assurance = measures[0]
assert (audit, name, unit) == ("National Emergency Test Audit", "Seen by a consultant within 14 hours", None), measures[0]
assert period == "2026-02", period
# 0.91 -+ 2.66 x 0.02 = 0.8568 and 0.9632, shown as 85.7% and 96.3%: stored as 0.857 and 0.963.
assert (latest, mean, lower, upper) == (0.92, 0.91, 0.857, 0.963), (latest, mean, lower, upper)
assert [formats["Measures"][1][i] for i in range(4, 8)] == ["0.0%"] * 4, formats["Measures"][1]
assert (variation, assurance) == ("Common cause variation: no significant change",
                                  "Consistently passing the target"), (variation, assurance)

assert sheets["Participation"][0] == ["Audit", "Took part", "Cases submitted", "Cases required",
                                      "Case ascertainment"], sheets["Participation"][0]
participation = sheets["Participation"][1:]
assert participation == [["National Emergency Test Audit", "Yes", 45.0, 50.0, 0.9]], participation
assert formats["Participation"][1][4] == "0%", formats["Participation"][1]

assert sheets["Actions"][0] == ["Action", "Owner", "Due", "Status", "Completed on"], sheets["Actions"][0]
actions = {row[0]: row[1:] for row in sheets["Actions"][1:]}
assert actions == {
    "Consent training for every surgical registrar": ["Dr Amal Shah", "2026-02-01", "Overdue"],
    "Hand gel at every bed space": ["Infection prevention lead", "2026-02-20", "Completed", "2026-02-10"],
}, actions
PY

# PDF: printed by chromium, read back as text; every section's heading and what it says.
rm -f "$work/pack.pdf"
pack --format pdf --output "$work/pack.pdf"
[[ "$(head -c 5 "$work/pack.pdf")" == "%PDF-" ]] || fail "the PDF does not start as a PDF"
# -raw keeps the document's order; a word broken after its hyphen ("Re-" / "audit") is joined.
pdftotext -raw "$work/pack.pdf" - | sed -e ':a' -e '/-$/{N;s/-\n/-/;ba' -e '}' | tr -s ' \n' '  ' >"$work/pack.txt"
# A4, page numbers in the footer.
pdfinfo "$work/pack.pdf" | grep -q '^Page size:.*(A4)' || fail "the PDF is not A4"
pages="$(pdfinfo "$work/pack.pdf" | sed -n 's/^Pages: *//p')"
has "$work/pack.txt" "Page 1 of $pages"
has "$work/pack.txt" "Page $pages of $pages"
# No page but the last is nearly blank: sections follow one another, with no forced breaks.
bash "$(dirname "${BASH_SOURCE[0]}")/pages_are_full.sh" "$work/pack.pdf" 8 || fail "the printed pack has nearly blank pages"
for heading in "Clinical audit: board assurance report" "Summary" "Participation and case ascertainment" \
  "Open outlier cases" "Integrated quality report" "Risk-adjusted CUSUM alerts" "Actions" "Overdue" \
  "Completed in the past 90 days" "Re-audit outcomes" "National reports published but not yet reviewed" \
  "NICE guidance needing attention" "How the board engages with audit"; do
  has "$work/pack.txt" "$heading"
done
has "$work/pack.txt" "Riverside Test Hospitals · meeting of 2026-03-05"
has "$work/pack.txt" "1 potential outlier at alarm level (beyond 3 SD)"
has "$work/pack.txt" "Re-audit shows decline: Re-audit: consent recorded before surgery"
has "$work/pack.txt" "Re-audit shows improvement: Re-audit: hand hygiene before patient contact"
has "$work/pack.txt" "30.0 points (15.7 to 42.8)"
has "$work/pack.txt" "-15.0 points (-25.3 to -4.5)"
has "$work/pack.txt" "6.0 points (-12.6 to 24.0)"
has "$work/pack.txt" "no clear change"
has "$work/pack.txt" "Consent training for every surgical registrar"
has "$work/pack.txt" "National Emergency Test Audit: winter report (published 2026-01-15, 49 days ago)"
has "$work/pack.txt" "No CUSUM signals in the past year."
has "$work/pack.txt" "NG51: Sepsis: recognition, diagnosis and early management Dr Lee Not compliant 1 2026-01-31 (overdue)"
has "$work/pack.txt" "Seen by a consultant within 14 hours 92.0% (2026-02) 91.0%"
has "$work/pack.txt" "National Emergency Test Audit Risk-adjusted 30-day mortality 2024/25 Alarm (3 SD) Worse than expected 1.62 Potential outlier, not yet confirmed The provider checks its data and sends its explanation Provider organisation 2026-03-20"
lacks "$work/pack.txt" "Yonder"
echo "board pack: every section holds the world's figures in HTML, XLSX and PDF"
