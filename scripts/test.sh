#!/usr/bin/env bash
# The whole test suite (README's second command; .ci/run calls it):
# layer and format checks, the sanitizer build with unit, golden, storage-contract and
# loopback tests (SQLite files and a throwaway PostgreSQL cluster), clang-tidy, bounded
# fuzzing and the browser tests. Exits non-zero when anything fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/install_packages.sh

step() { printf '\n== %s (%s)\n' "$*" "$(date +%H:%M:%S)"; }
# Compiler cache entries stay valid when the checkout moves.
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1

step "layer rule"
python3 scripts/check_layers.py "$root"

step "format (clang-format)"
mapfile -t sources < <(git ls-files -co --exclude-standard -- 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' \
  'bench/*.cpp' 'bench/*.hpp' 'fuzz/*.cpp' | sort -u)
clang-format --dry-run --Werror "${sources[@]}"
echo "${#sources[@]} files formatted as .clang-format says"

step "sanitizer build (ASan + UBSan)"
cmake --preset asan >/dev/null
cmake --build --preset asan

step "PostgreSQL cluster for the storage tests"
pg_dir="$root/build/pg"
cleanup() { bash scripts/pg_cluster.sh stop "$pg_dir"; }
trap cleanup EXIT
CLINAUDIT_TEST_PG_URL="$(bash scripts/pg_cluster.sh start "$pg_dir")"
export CLINAUDIT_TEST_PG_URL CLINAUDIT_REQUIRE_PG=1
echo "running on $CLINAUDIT_TEST_PG_URL"

step "unit, golden, storage and loopback tests (ctest)"
ctest --preset asan

step "browser tests (Playwright driving Debian's chromium against serve --demo)"
bash scripts/browser_tests.sh "$root/build/asan/src/cli/clinaudit"

step "fuzzing (libFuzzer: CSV reader, import validators, board meetings as JSON and HTTP requests, 60 s in all)"
cmake --preset fuzz >/dev/null
cmake --build build/fuzz -j2 --target fuzz_csv_reader fuzz_import fuzz_board_meeting fuzz_http_request
for target in fuzz_csv_reader fuzz_import fuzz_board_meeting fuzz_http_request; do
  # New inputs go to a scratch corpus under build/; the committed seeds in fuzz/corpus stay as they are.
  mkdir -p "build/fuzz/corpus/$target"
  "build/fuzz/fuzz/$target" -max_total_time=15 -timeout=10 -rss_limit_mb=2048 \
    "build/fuzz/corpus/$target" "fuzz/corpus/$target" >"build/fuzz/$target.log" 2>&1 ||
    { tail -40 "build/fuzz/$target.log"; echo "$target found a failing input (build/fuzz/$target.log)"; exit 1; }
  echo "$target: $(grep -o 'Done [0-9]* runs' "build/fuzz/$target.log")"
done

step "static analysis (clang-tidy)"
mapfile -t tidy_sources < <(git ls-files -co --exclude-standard -- 'src/*.cpp' | grep -v '_test\.cpp$' | sort -u)
run-clang-tidy -quiet -p build/asan -j 2 "${tidy_sources[@]}" >build/clang-tidy.log 2>&1 ||
  { sed 's/\x1b\[[0-9;]*m//g' build/clang-tidy.log | grep -E -A3 ': (error|warning): ' | head -80; echo "clang-tidy found problems (build/clang-tidy.log)"; exit 1; }
echo "${#tidy_sources[@]} files clean"

step "all checks passed"
