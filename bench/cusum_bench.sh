#!/bin/bash
# Times the risk-adjusted CUSUM for all providers (Google Benchmark, 1M and 10M episodes) and the
# same computation in base R on the same 1M episodes, in one run (docs/performance.md, "CUSUM").
# Usage: bash bench/cusum_bench.sh [BUILD_DIR]   (default build/cusum-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install_packages.sh bench/r-packages.txt  # R
build=${1:-build/cusum-bench}
cmake --preset bench -B "$build" >/dev/null
cmake --build "$build" -j2 --target cusum_bench cusum_episodes_csv >/dev/null
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
"$build/bench/cusum_bench" --benchmark_counters_tabular=true
"$build/bench/cusum_episodes_csv" 1000000 > "$data/episodes.csv"
Rscript bench/cusum_bench.R "$data/episodes.csv"
