#!/usr/bin/env bash
# From an empty database to a trust's Quality Account section and board pack, by the command
# line and CSV alone (docs/getting-started.md): the first administrator, organisations by
# CSV, a national audit on the year's Quality Account list, its dataset, a risk-adjusted
# measure whose case-mix model is an R formula, one whose expected risks are a column of the
# dataset (a published score), a proportion, episodes, the analysis run computing all three, a
# trust's participation, a published report and the trust's review of it.
#
#   empty_database_to_board_pack_test.sh CLINAUDIT_BINARY WORK_DIR
set -euo pipefail
clinaudit="$1"
work="$2"
rm -rf "$work"
mkdir -p "$work"
export CLINAUDIT_DB="$work/trust.sqlite"
fail() { echo "FAIL: $*" >&2; exit 1; }
run() { "$clinaudit" "$@" 2>&1 | tee "$work/out.txt"; return "${PIPESTATUS[0]}"; }

printf 'a-long-enough-password\n' | run user add --password-stdin --email admin@nab.example --name "Ada Admin" \
  --role admin --org NAB --org-name "National Audit Body" --org-type national_body >/dev/null

cat >"$work/organisations.csv" <<'CSV'
code,name,type,region
RXA,Alpha Hospitals NHS Trust,acute,North West
RXB,Beta Hospitals NHS Trust,acute,London
RXC,Gamma Hospitals NHS Trust,acute,Midlands
CSV
run import organisations "$work/organisations.csv" | grep -qx "imported 3 organisations" || fail "organisations"

run audit add --code NELA --kind nca --title "National Emergency Laparotomy Audit" \
  --provider "Royal College of Anaesthetists" --status in_progress >/dev/null
run audit qa-list --code NELA --year 2025/26 --eligible acute >/dev/null

cat >"$work/dataset.csv" <<'CSV'
audit_code,column,type,required,minimum,maximum,allowed_values,description
NELA,died30,yes_no,yes,,,,Died within 30 days of surgery
NELA,age,number,no,18,120,,Age in years
NELA,sex,category,yes,,,F|M,Sex
NELA,asa_grade,category,yes,,,1|2|3|4|5,ASA grade
NELA,episode_id,number,yes,,,,The supplier's episode number
NELA,p_possum,number,no,0,1,,P-POSSUM predicted risk of death
NELA,returned,yes_no,no,,,,Unplanned return to theatre
CSV
run dataset set NELA "$work/dataset.csv" >/dev/null
run dataset show NELA | grep -q "asa_grade" || fail "the dataset is not shown"

formula='died30 ~ I((age - 68)/10) + sex + factor(asa_grade)'
run measure add --audit NELA --code mort30 --name "Risk-adjusted 30-day mortality" --type ratio \
  --improvement decrease --source episode_model_ratio --outcome-column died30 --formula "$formula" >/dev/null
run measure add --audit NELA --code pmort --name "30-day mortality against P-POSSUM" --type ratio \
  --improvement decrease --source episode_expected_column --outcome-column died30 --expected-column p_possum >/dev/null
run measure add --audit NELA --code rtt --name "Unplanned return to theatre" --type proportion \
  --improvement decrease --source episode_proportion --outcome-column returned >/dev/null

# 900 episodes at three trusts in 2025/26, risk rising with age and ASA grade, Gamma's doubled;
# one episode without an age (left out of the model, as R's na.omit would), every tenth without
# a P-POSSUM score and every seventh without a return-to-theatre answer.
awk 'BEGIN {
  print "organisation_code,admission_date,died30,age,sex,asa_grade,episode_id,p_possum,returned"
  seed = 12345
  for (i = 0; i < 900; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648; u = seed / 2147483648
    seed = (seed * 1103515245 + 12345) % 2147483648; v = seed / 2147483648
    trust = substr("ABC", i % 3 + 1, 1)
    age = 40 + int(u * 50); asa = 1 + int(v * 5); sex = (i % 2 == 0) ? "F" : "M"
    risk = 1 / (1 + exp(-(-4 + 0.04 * (age - 68) + 0.5 * (asa - 1) + (trust == "C" ? 0.7 : 0))))
    seed = (seed * 1103515245 + 12345) % 2147483648; w = seed / 2147483648
    month = 4 + int(i / 100); year = 2025; if (month > 12) { month -= 12; year = 2026 }
    possum = (i % 10 == 3) ? "" : sprintf("%.4f", risk * 1.1)
    returned = (i % 7 == 2) ? "" : ((w * 7) % 1 < 0.1 ? 1 : 0)
    printf "RX%s,%d-%02d-%02d,%d,%s,%s,%d,%d,%s,%s\n", trust, year, month, 1 + i % 28, (w < risk) ? 1 : 0,
      (i == 17) ? "" : age, sex, asa, 100000 + i, possum, returned
  }
}' >"$work/episodes.csv"
run import episodes "$work/episodes.csv" --audit NELA | grep -q "imported 900 episodes" || fail "episodes"

run analyse --audit NELA --period 2025/26 --output "$work/run.json" >"$work/analyse.txt"
for line in "mort30 (Risk-adjusted 30-day mortality): observed over expected, under a case-mix model; outcome died30; formula $formula; 899 episodes used, 1 left out for a missing value" \
  "pmort (30-day mortality against P-POSSUM): observed over expected, from each episode's expected risk; outcome died30; expected risk from p_possum; 810 episodes used, 90 left out for a missing value" \
  "rtt (Unplanned return to theatre): share of episodes with the outcome; outcome returned; 771 episodes used, 129 left out for a missing value"; do
  grep -qF "$line" "$work/analyse.txt" || fail "clinaudit analyse does not print: $line"
done
python3 - "$work/run.json" "$formula" "$work/episodes.csv" <<'PY' || fail "the analysis run"
import csv, json, sys
run = json.load(open(sys.argv[1]))
measures = {m["code"]: m for m in run["measures"]}
assert sorted(measures) == ["mort30", "pmort", "rtt"], sorted(measures)
mort, pmort, rtt = measures["mort30"], measures["pmort"], measures["rtt"]
assert mort["formula"] == sys.argv[2], "the run does not record the formula"
assert mort["outcome"] == "died30", "the run does not record the outcome column"
assert mort["rows_dropped_missing"] == 1, "the episode without an age is not left out"
terms = [c["term"] for c in mort["model"]["coefficients"]]
assert terms == ["(Intercept)", "I((age - 68)/10)", "sexM", "factor(asa_grade)2", "factor(asa_grade)3",
                 "factor(asa_grade)4", "factor(asa_grade)5"], terms
assert pmort["source"] == "episode_expected_column" and pmort["expected_column"] == "p_possum"
assert rtt["source"] == "episode_proportion" and rtt["outcome"] == "returned"
stored = {m["code"]: m for m in run["parameters"]["measures"]}
assert stored["pmort"]["expected_column"] == "p_possum" and stored["mort30"]["formula"] == sys.argv[2]

# Each provider's figures, summed here from the file itself.
trusts = {}
for row in csv.DictReader(open(sys.argv[3])):
    t = trusts.setdefault(row["organisation_code"], {"po": 0, "pe": 0.0, "pn": 0, "rn": 0, "ro": 0})
    if row["p_possum"] != "":
        t["pn"] += 1; t["po"] += int(row["died30"]); t["pe"] += float(row["p_possum"])
    if row["returned"] != "":
        t["rn"] += 1; t["ro"] += int(row["returned"])
got_p = sorted((p["episodes"], p["observed"], round(p["expected"], 6)) for p in pmort["providers"])
want_p = sorted((t["pn"], t["po"], round(t["pe"], 6)) for t in trusts.values())
assert got_p == want_p, (got_p, want_p)
got_r = sorted((p["episodes"], p["observed"], round(p["proportion"], 12)) for p in rtt["providers"])
want_r = sorted((t["rn"], t["ro"], round(t["ro"] / t["rn"], 12)) for t in trusts.values())
assert got_r == want_r, (got_r, want_r)
PY

cat >"$work/participation.csv" <<'CSV'
organisation_code,audit_code,year,eligible,participating,data_collection_completed,cases_submitted,cases_required
RXA,NELA,2025/26,yes,yes,yes,300,320
CSV
run import participation "$work/participation.csv" | grep -q "imported 1" || fail "participation"

report_id="$(run report add --audit NELA --title "NELA tenth patient report" --published-on 2025-11-20 \
  --recommendation "Assess frailty in every patient over 65" | grep -oE '[0-9]+' | tail -1)"
[[ -n "$report_id" ]] || fail "the report id"
run review add --org RXA --report "$report_id" --reviewed-on 2026-01-15 --committee "Quality Committee" \
  --findings "Frailty assessed in 41% of patients over 65" \
  --intended-actions "Add a frailty score to the emergency theatre booking form" >/dev/null

run report quality-account --org RXA --year 2025/26 --format markdown >"$work/qa.md"
grep -q "National Emergency Laparotomy Audit" "$work/qa.md" || fail "the Quality Account does not name the audit"
grep -q "300" "$work/qa.md" || fail "the Quality Account does not give the cases submitted"
grep -q "Add a frailty score to the emergency theatre booking form" "$work/qa.md" ||
  fail "the Quality Account does not give the actions intended after the review"

run report board-pack --org RXA --meeting 2026-02-10 --format html --output "$work/pack.html" >/dev/null
grep -q "National Emergency Laparotomy Audit" "$work/pack.html" || fail "the board pack does not name the audit"
grep -q "NELA tenth patient report" "$work/pack.html" || fail "the board pack does not list the report reviewed"
echo "empty database to board pack: all checks passed"
