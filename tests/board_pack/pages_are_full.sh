#!/usr/bin/env bash
# Fails when a printed page other than the last is nearly blank: fewer than MIN_LINES lines of
# text (pdftotext, the "Page N of M" footer not counted). A board pack printed to A4 should
# flow from page to page; a page holding a heading and two lines wastes paper and reads as
# something missing.
#
#   pages_are_full.sh FILE.pdf [MIN_LINES=8]
set -euo pipefail
pdf="$1"
min="${2:-8}"
pages="$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')"
[[ -n "$pages" ]] || { echo "FAIL: $pdf has no page count" >&2; exit 1; }
status=0
for ((p = 1; p < pages; p++)); do
  lines="$(pdftotext -layout -f "$p" -l "$p" "$pdf" - | grep -v '^[[:space:]]*Page [0-9]* of [0-9]*[[:space:]]*$' |
    grep -c '[^[:space:]]' || true)"
  if ((lines < min)); then
    echo "FAIL: page $p of $pages of $pdf holds $lines lines of text (fewer than $min): nearly blank" >&2
    status=1
  fi
done
exit "$status"
