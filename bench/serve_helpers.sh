# Sourced by the web benchmarks (web_load.sh, pages_vs.sh, provider_page_vs.sh,
# web_at_scale.sh): the benchmarks' Debian packages installed when missing (wrk), a scratch
# directory removed on exit with the server still running there, and starting, signing in to
# and stopping a server on loopback.
bash "$(dirname "${BASH_SOURCE[0]}")/../scripts/install_packages.sh" "$(dirname "${BASH_SOURCE[0]}")/packages.txt"
work="$(mktemp -d)"
pid=""
cleanup() { [[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# start_server BINARY PORT SERVE-ARGS...: serves in the background ($pid) until /healthz answers.
start_server() {
  local bin="$1" port="$2"; shift 2
  "$bin" serve --quiet --port "$port" "$@" >"$work/server.log" 2>&1 &
  pid=$!
  until curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.2; done
}

# session_cookie PORT EMAIL PASSWORD: the session cookie of a sign-in, as "name=value".
session_cookie() {
  curl -fsS -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"email\":\"$2\",\"password\":\"$3\"}" "http://127.0.0.1:$1/api/session" |
    tr -d '\r' | sed -n 's/^Set-Cookie: \([^;]*\).*/\1/p'
}

stop_server() { kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
