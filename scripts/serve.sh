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
# The demo world is created on first start (a few seconds) and kept in build/demo; delete
# the file to start again from a fresh world dated today.
exec "$bin" serve --demo --db "$root/build/demo/clinaudit.sqlite" --bind 127.0.0.1 --port 8080 "$@"
