#!/usr/bin/env bash
# Issue 18's table in one go, on one build (the bench preset): the case-mix pipeline on the CSV
# against R and the floor (bench/scale.sh), the import into SQLite and into a throwaway
# PostgreSQL cluster against each database's own loader with the analysis read back from each
# (bench/import_bench, a fresh cluster for each size), then wrk on the board dashboard, the
# national audit page and a provider page, on the demo world and on the demo world with the
# largest size of episodes imported (bench/web_at_scale.sh). docs/performance.md shows what it
# printed. Every figure is from this one run; the machine should be otherwise idle.
#
#   bench/national_scale.sh [ROWS...]   default: 1000000 10000000
#   R_MAX_ROWS=N (as bench/scale.sh), WEB_SECONDS=S (10) for each page and case
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install_packages.sh" "$root/bench/packages.txt"    # hyperfine, wrk
bash "$root/scripts/install_packages.sh" "$root/bench/r-packages.txt"  # R with data.table
build=$root/build/riskmodel-bench
data=$root/build/scale
read -r -a sizes <<<"${*:-1000000 10000000}"
largest=$(printf '%s\n' "${sizes[@]}" | sort -n | tail -1)
mkdir -p "$data"
cmake --preset bench -B "$build" >/dev/null
cmake --build "$build" -j2 --target clinaudit generate_episodes import_bench >/dev/null

echo "###### 1. stats risk-model on the CSV, against R (fread + glm) and the floor"
bash "$root/bench/scale.sh" "${sizes[@]}"

echo
echo "###### 2. import episodes, against sqlite3 .import and psql \\copy; the analysis read back"
cluster=$(mktemp -d)/pg
trap 'bash "$root/scripts/pg_cluster.sh" stop "$cluster" >/dev/null 2>&1 || true' EXIT
for rows in "${sizes[@]}"; do
  echo "== $rows rows"
  url=$(bash "$root/scripts/pg_cluster.sh" start "$cluster" | tail -1)
  rm -f "$data"/import_bench*.sqlite*
  "$build/bench/import_bench" --rows "$rows" --dir "$data" --pg "$url" 2>&1 | grep -v NOTICE
  bash "$root/scripts/pg_cluster.sh" stop "$cluster" >/dev/null
done
rm -f "$data"/import_bench*.sqlite*

echo
echo "###### 3. the pages under load"
bash "$root/bench/web_at_scale.sh" "$build/src/cli/clinaudit" 0 "${WEB_SECONDS:-10}"
echo
bash "$root/bench/web_at_scale.sh" "$build/src/cli/clinaudit" "$largest" "${WEB_SECONDS:-10}"
