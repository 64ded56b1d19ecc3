#!/usr/bin/env bash
# SPC benchmark: the C++ engine (Google Benchmark) and the vectorised base-R comparison on the
# same synthetic data, in one run. Usage: bash bench/spc_bench.sh [build-dir] (default build/bench)
set -euo pipefail
bash "$(dirname "$0")/../scripts/install_packages.sh" "$(dirname "$0")/r-packages.txt"  # R
build=${1:-build/bench}
data=$(mktemp --suffix .csv)
trap 'rm -f "$data"' EXIT
"$build/bench/spc_xmr_bench" --write-csv "$data"
"$build/bench/spc_xmr_bench" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
Rscript "$(dirname "$0")/spc_xmr_bench.R" "$data" 5
