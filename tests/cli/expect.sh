#!/usr/bin/env bash
# One command-line check: the command must exit with the code docs/cli.md documents for the
# case, its output (standard output and standard error together) must match the pattern, and
# no sanitizer may have reported anything, even after correct output. CTest's
# PASS_REGULAR_EXPRESSION ignores the exit code and WILL_FAIL accepts any failure; this does not.
#
#   expect.sh EXIT_CODE PATTERN COMMAND [ARG...]
#
# PATTERN is a Perl regular expression over the whole output, where `.` also matches a newline
# and `^` is the start of the output; an empty PATTERN checks the exit code and sanitizers only.
set -uo pipefail
if (($# < 3)); then
  echo "usage: expect.sh EXIT_CODE PATTERN COMMAND [ARG...]" >&2
  exit 2
fi
expected="$1"
pattern="$2"
shift 2
out="$(mktemp)"
trap 'rm -f "$out"' EXIT

"$@" >"$out" 2>&1
status=$?
cat "$out"

failed=0
if [[ "$status" != "$expected" ]]; then
  echo "FAIL: exit code $status, expected $expected"
  failed=1
fi
if [[ -n "$pattern" ]] && ! grep -Pzq -- "(?s)$pattern" "$out"; then
  echo "FAIL: the output does not match: $pattern"
  failed=1
fi
if grep -qE 'ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:|SUMMARY: [A-Za-z]+Sanitizer' "$out"; then
  echo "FAIL: a sanitizer reported a problem"
  failed=1
fi
exit "$failed"
