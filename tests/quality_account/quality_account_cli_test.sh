#!/usr/bin/env bash
# The Quality Account clinical audit section from `clinaudit report quality-account`, for a small
# world written into a SQLite file: the text to paste holds only the Quality Account's words (the
# deadline and the records' gaps go to standard error), an empty list is worded as a statement,
# and the Word document, read back by python-docx, holds the same headings, paragraphs, bullet
# items and table cells.
#
# The world: Riverside Test Hospitals (RXX), financial year 2025/26, an acute trust.
# - Two national audits on the year's list for acute trusts: one taken part in, data collection
#   completed, 45 of 50 cases (90%); the other with nothing recorded (a gap: eligibility).
# - One national report reviewed on 2025-07-22 by the Quality Committee, with intended actions.
# - No local audit report reviewed: the statement says so.
# - Today 2026-07-02: two days after the 30 June deadline.
#
#   quality_account_cli_test.sh CLINAUDIT PYTHON_WITH_DOCX WORK_DIR
set -euo pipefail
bin="$1"
python="$2"
work="$3"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
rm -rf "$work" && mkdir -p "$work"
db="$work/qa.sqlite"
fail() { echo "FAIL: $*" >&2; exit 1; }
has() { grep -qF -- "$2" "$1" || fail "$1 lacks: $2"; }
lacks() { ! grep -qF -- "$2" "$1" || fail "$1 should not hold: $2"; }

"$bin" db migrate --db "$db" >/dev/null
sqlite3 "$db" <<'SQL'
INSERT INTO organisations (id, code, name, type) VALUES (1, 'RXX', 'Riverside Test Hospitals', 'acute');
INSERT INTO audits (id, code, title, kind, status, owner_id, reaudit_of) VALUES
  (1, 'NETA', 'National Emergency Test Audit', 'national_clinical_audit', 'reported', NULL, NULL),
  (2, 'NSTA', 'National Stroke Test Audit', 'national_clinical_audit', 'reported', NULL, NULL);
INSERT INTO qa_list (audit_id, year, eligible_types) VALUES (1, 2025, 'acute'), (2, 2025, 'acute');
INSERT INTO participation (organisation_id, audit_id, year, eligible, participating, data_collection_completed,
                           cases_submitted, cases_required) VALUES (1, 1, 2025, 1, 1, 1, 45, 50);
INSERT INTO audit_reports (id, audit_id, title, published_on) VALUES
  (1, 1, 'National Emergency Test Audit: annual report 2025', '2025-06-10');
INSERT INTO report_reviews (audit_id, organisation_id, report_title, published_on, reviewed_on, committee,
                            intended_actions, report_id) VALUES
  (1, 1, 'National Emergency Test Audit: annual report 2025', '2025-06-10', '2025-07-22', 'Quality Committee',
   'Consultant review within 14 hours', 1);
SQL

qa() { "$bin" report quality-account --db "$db" --org RXX --year 2025/26 --today 2026-07-02 "$@"; }

# Markdown: the Quality Account's words only; the deadline and the gap on standard error.
qa --format markdown --output "$work/qa.md" 2>"$work/qa.err"
has "$work/qa.md" "## Participation in clinical audits and national confidential enquiries"
has "$work/qa.md" "During 2025/26, 1 national clinical audit and 0 national confidential enquiries covered relevant health services that Riverside Test Hospitals provides."
has "$work/qa.md" "| National Emergency Test Audit | 90% (45 of 50 cases) |"
has "$work/qa.md" "No local clinical audit reports were reviewed by the provider in 2025/26."
for operational in "Due by" "overdue" "Before publishing" "eligibility not recorded" "none recorded"; do
  lacks "$work/qa.md" "$operational"
done
has "$work/qa.err" "Due by 2026-06-30: 2 days overdue."
has "$work/qa.err" "National Stroke Test Audit (NSTA): eligibility not recorded"

# A Word document needs a file to go to.
if qa --format docx >/dev/null 2>&1; then fail "--format docx without --output should be refused"; fi

# The Word document, read back by python-docx.
qa --format docx --output "$work/qa.docx" 2>/dev/null
[[ "$(head -c 2 "$work/qa.docx")" == "PK" ]] || fail "the Word document is not a zip package"
cat >"$work/expected.json" <<'JSON'
{
  "headings": [["Heading 2", "Participation in clinical audits and national confidential enquiries"]],
  "paragraphs": [
    "During 2025/26, 1 national clinical audit and 0 national confidential enquiries covered relevant health services that Riverside Test Hospitals provides.",
    "During that period Riverside Test Hospitals participated in 100% of national clinical audits and no national confidential enquiries (none covered its services) of the national clinical audits and national confidential enquiries which it was eligible to participate in.",
    "The national clinical audits and national confidential enquiries that Riverside Test Hospitals was eligible to participate in during 2025/26 are as follows:",
    "The reports of 1 national clinical audit were reviewed by the provider in 2025/26 and Riverside Test Hospitals intends to take the following actions to improve the quality of healthcare provided:",
    "No local clinical audit reports were reviewed by the provider in 2025/26."
  ],
  "bullets": [
    "National Emergency Test Audit (audit)",
    "National Emergency Test Audit",
    "National Emergency Test Audit: annual report 2025 (reviewed 2025-07-22 by Quality Committee): Consultant review within 14 hours"
  ],
  "table": [
    ["Audit or enquiry", "Cases submitted as a percentage of cases required"],
    ["National Emergency Test Audit", "90% (45 of 50 cases)"]
  ],
  "absent": ["Due by", "overdue", "Before publishing", "eligibility not recorded", "none recorded"]
}
JSON
"$python" "$here/read_docx.py" "$work/qa.docx" "$work/expected.json" || fail "the Word document is not the section"
# The same records give the same bytes.
qa --format docx --output "$work/qa2.docx" 2>/dev/null
cmp -s "$work/qa.docx" "$work/qa2.docx" || fail "the Word document's bytes differ between two runs"
echo "quality account: the text to paste, its notes and the Word document hold what the records say"
