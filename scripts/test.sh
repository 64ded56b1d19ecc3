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
# Compiler cache entries stay valid when the checkout moves; precompiled headers are cached
# too (ccache's documented settings for them; the PCH is built without a timestamp).
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
export CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
# AddressSanitizer keeps freed memory out of use for a while to catch a use after free; its
# default 256 MB makes every one of the suite's processes fault in fresh pages for most of its
# allocations. 16 MB still catches a use of memory freed within the last 16 MB of frees, and
# the suite runs a fifth faster (docs/testing.md).
export ASAN_OPTIONS="quarantine_size_mb=16${ASAN_OPTIONS:+:$ASAN_OPTIONS}"

step "layer rule, and one compiler for every build"
python3 scripts/check_layers.py "$root"
python3 scripts/check_presets.py "$root"

step "format (clang-format)"
mapfile -t sources < <(git ls-files -co --exclude-standard -- 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' \
  'bench/*.cpp' 'bench/*.hpp' 'fuzz/*.cpp' | sort -u)
clang-format --dry-run --Werror "${sources[@]}"
echo "${#sources[@]} files formatted as .clang-format says"

step "sanitizer build (clang, ASan + UBSan, with the fuzz targets)"
cmake --preset asan >/dev/null
cmake --build --preset asan

# clang-tidy needs only the compile database and the sources: it runs beside the tests, at a
# lower priority, on the cores they leave idle while they wait on PostgreSQL, sockets and the
# browser. Results are cached by content (scripts/tidy.py), so a warm machine re-checks only
# what changed. Its verdict is read at the end.
mapfile -t tidy_sources < <(git ls-files -co --exclude-standard -- 'src/*.cpp' | grep -v '_test\.cpp$' | sort -u)
nice -n 10 python3 scripts/tidy.py build/asan "${tidy_sources[@]}" -j 2 --log build/clang-tidy.log \
  >build/clang-tidy.out 2>&1 &
tidy_pid=$!

step "PostgreSQL cluster for the storage tests"
pg_dir="$root/build/pg"
cleanup() {
  kill "$tidy_pid" 2>/dev/null || true
  bash scripts/pg_cluster.sh stop "$pg_dir"
}
trap cleanup EXIT
CLINAUDIT_TEST_PG_URL="$(bash scripts/pg_cluster.sh start "$pg_dir")"
export CLINAUDIT_TEST_PG_URL CLINAUDIT_REQUIRE_PG=1
echo "running on $CLINAUDIT_TEST_PG_URL"

step "unit, golden, storage and loopback tests (ctest)"
ctest --preset asan

step "browser tests (Playwright driving Debian's chromium against serve --demo)"
bash scripts/browser_tests.sh "$root/build/asan/src/cli/clinaudit"

fuzz_targets=(fuzz_csv_reader fuzz_import fuzz_episode_columns fuzz_board_meeting fuzz_http_request fuzz_document_check)
fuzz_one() {
  # New inputs go to a scratch corpus under build/; the committed seeds in fuzz/corpus stay as they are.
  mkdir -p "build/asan/fuzz-corpus/$1"
  # A failing input is saved under build/asan (not in the checkout) as <target>-crash-<hash>.
  "build/asan/fuzz/$1" -max_total_time=15 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="build/asan/$1-" \
    "build/asan/fuzz-corpus/$1" "fuzz/corpus/$1" >"build/asan/$1.log" 2>&1
}
step "fuzzing (libFuzzer: ${fuzz_targets[*]}, 15 s each, two at a time)"
fuzz_failed=()
for ((i = 0; i < ${#fuzz_targets[@]}; i += 2)); do
  pair=("${fuzz_targets[@]:i:2}")
  pids=()
  for target in "${pair[@]}"; do
    fuzz_one "$target" &
    pids+=($!)
  done
  for j in "${!pair[@]}"; do
    if wait "${pids[j]}"; then
      echo "${pair[j]}: $(grep -o 'Done [0-9]* runs' "build/asan/${pair[j]}.log")"
    else
      fuzz_failed+=("${pair[j]}")
    fi
  done
done
for target in "${fuzz_failed[@]}"; do
  tail -40 "build/asan/$target.log"
  echo "$target found a failing input (build/asan/$target.log; the input: build/asan/$target-crash-*)"
done
((${#fuzz_failed[@]} == 0)) || exit 1

step "static analysis (clang-tidy, started after the build)"
if ! wait "$tidy_pid"; then
  sed 's/\x1b\[[0-9;]*m//g' build/clang-tidy.log | grep -E -A3 ': (error|warning): ' | head -80
  tail -5 build/clang-tidy.out
  echo "clang-tidy found problems (build/clang-tidy.log)"
  exit 1
fi
tail -1 build/clang-tidy.out

step "all checks passed"
