#!/bin/bash
# The national case-mix pipeline at scale (docs/performance.md, case-mix): generates synthetic
# episode files (150 providers, 36 months, 15 covariates, fixed seed) under build/scale/, then
# times `clinaudit stats risk-model` (read, fit, O/E per provider, funnel) and R (fread + glm +
# O/E by provider) on the same file in the same run, with the floor (reading the file once).
# Wall time by hyperfine (3 runs for clinaudit, 1 for R), peak memory by /usr/bin/time -v.
#
#   bench/scale.sh [ROWS...]          default: 1000000 10000000
#   R_MAX_ROWS=N bench/scale.sh       run R only on files of at most N rows (default 10000000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install_packages.sh" "$root/bench/packages.txt"    # hyperfine
bash "$root/scripts/install_packages.sh" "$root/bench/r-packages.txt"  # R with data.table
build=$root/build/riskmodel-bench
data=$root/build/scale
mkdir -p "$data"
cmake --preset bench -B "$build" >/dev/null
cmake --build "$build" -j2 --target clinaudit generate_episodes >/dev/null
clinaudit=$build/src/cli/clinaudit
r_max_rows=${R_MAX_ROWS:-10000000}
covariates=age,sex,imd_quintile,emergency,charlson,chf,copd,diabetes,ckd,cancer,dementia,prior_adm,ethnic_group,diag_group,weekend
categorical=imd_quintile,ethnic_group,diag_group

peak_mib() { grep "Maximum resident" "$1" | awk '{printf "%.0f", $NF / 1024}'; }
wall() { grep "Elapsed (wall" "$1" | awk '{print $NF}'; }

echo "machine: $(nproc) cores, $(grep 'model name' /proc/cpuinfo | head -1 | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GiB"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for rows in "${@:-1000000 10000000}"; do
  file=$data/episodes_$rows.csv
  [ -f "$file" ] || "$build/bench/generate_episodes" --rows "$rows" --output "$file"
  echo
  echo "== $rows episodes: $(du -m "$file" | cut -f1) MiB"
  cmd="$clinaudit stats risk-model --input $file --outcome died --covariates $covariates --categorical $categorical --group provider --funnel --quiet --output $data/result_$rows.json"
  hyperfine --style basic --warmup 1 --runs 3 --export-json "$data/floor_$rows.json" "cat $file > /dev/null" "wc -l $file" 2>&1 | grep -E "Time|±|Benchmark"
  hyperfine --style basic --runs 3 --export-json "$data/clinaudit_$rows.json" "$cmd" 2>&1 | grep -E "Time|Range"
  /usr/bin/time -v $cmd 2> "$data/clinaudit_$rows.time"
  echo "clinaudit: wall $(wall "$data/clinaudit_$rows.time"), peak $(peak_mib "$data/clinaudit_$rows.time") MiB"
  if [ "$rows" -le "$r_max_rows" ]; then
    /usr/bin/time -v Rscript "$root/bench/risk_model_bench.R" "$file" "$data/r_coefficients_$rows.csv" 2> "$data/r_$rows.time"
    echo "R: wall $(wall "$data/r_$rows.time"), peak $(peak_mib "$data/r_$rows.time") MiB"
    python3 - "$data/result_$rows.json" "$data/r_coefficients_$rows.csv" <<'PY'
import csv, json, sys
ours = {c["term"]: c for c in json.load(open(sys.argv[1]))["coefficients"]}
worst = 0.0
for row in csv.DictReader(open(sys.argv[2])):
    term = row["term"]
    for v in ("imd_quintile", "ethnic_group", "diag_group"):
        if term.startswith(v) and term != v:
            term = v + "=" + term[len(v):]
    for key in ("estimate", "std_error"):
        r = float(row[key]); c = ours[term][key]
        worst = max(worst, abs(c - r) / max(abs(r), 1e-300))
print(f"largest relative difference from R (estimates and SEs): {worst:.2e}")
PY
  else
    echo "R: not run at $rows rows (R_MAX_ROWS=$r_max_rows)"
  fi
done
