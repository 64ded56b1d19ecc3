#!/usr/bin/env bash
# The main job (README's first command): installs what is missing, builds the release
# binary and serves the demo world from an embedded SQLite database at http://127.0.0.1:8080.
# Extra arguments go to `clinaudit serve` (e.g. --port 9090).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/install_packages.sh
cmake --preset release >/dev/null
cmake --build --preset release
bin="$root/build/release/src/cli/clinaudit"
mkdir -p build/demo
set +e
"$bin" serve --demo --db "$root/build/demo/clinaudit.sqlite" --bind 127.0.0.1 --port 8080 "$@"
status=$?
set -e
if [[ $status -eq 7 ]]; then
  echo "The web server is not built yet; here is what the binary can do today:" >&2
  "$bin" --help
  exit 0
fi
exit $status
