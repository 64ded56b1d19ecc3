#!/usr/bin/env bash
# expect.sh must fail on each way a command-line test can go wrong: a wrong exit code, output
# that does not match, and a sanitizer report after correct output with the right exit code.
#   expect_self_test.sh EXPECT_SH
set -uo pipefail
expect="$1"
fail() { echo "FAIL: $*" >&2; exit 1; }
quietly() { bash "$expect" "$@" >/dev/null 2>&1; }

quietly 0 '^ok\n$' sh -c 'echo ok' || fail "a right exit code and output were refused"
quietly 3 'row 3, column .value.' sh -c 'echo "row 3, column '\''value'\''" >&2; exit 3' \
  || fail "an expected error on standard error was refused"
quietly 0 '' sh -c 'exit 0' || fail "an empty pattern did not accept any output"
quietly 0 'ok' sh -c 'echo ok; exit 1' && fail "exit code 1 was accepted where 0 is expected"
quietly 2 'usage' sh -c 'echo usage; exit 3' && fail "exit code 3 was accepted where 2 is expected"
quietly 0 'expected' sh -c 'echo something else' && fail "output that does not match was accepted"
quietly 0 'ok' sh -c 'echo ok; echo "==7==ERROR: AddressSanitizer: heap-use-after-free" >&2' \
  && fail "an AddressSanitizer report was accepted"
quietly 0 'ok' sh -c 'echo ok; echo "x.cpp:3:5: runtime error: signed integer overflow" >&2' \
  && fail "an UndefinedBehaviorSanitizer report was accepted"
quietly 0 'ok' sh -c 'echo ok; echo "==7==ERROR: LeakSanitizer: detected memory leaks" >&2' \
  && fail "a LeakSanitizer report was accepted"
quietly 0 'one.two' sh -c 'printf "one\ntwo\n"' || fail "a pattern across lines was refused"
echo "expect.sh catches wrong exit codes, wrong output and sanitizer reports"
