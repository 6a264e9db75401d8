#!/usr/bin/env bash
# Load test of the gap page (issue 4), the clinical director's dashboard and the ICB
# comparison of the largest ICB (issue 6): each p95 under 150 ms with 20 concurrent
# clients on a 2-core machine. It builds bin/arrs, serves it on 127.0.0.1 at a free port against a
# bench database (migrated and seeded with the demo data: the real Nov 2025 workforce),
# signs in as a demo user, warms the page once (the figures are cached per data
# version, as between imports), then sends a bounded number of requests from
# concurrent clients to each path and prints p50 and p95. The server is stopped on
# exit, whatever happens.
#
#   scripts/loadtest.sh                  via `make bench`, or on its own
#
# Settings (environment): REQUESTS (default 2000 per path), CLIENTS (20), PATHS
# ("/gaps / /pcns/U60057/dashboard", signed in as the demo director of U60057), LOADTEST_DATABASE_URL (default: database arrs_bench of the project's
# cluster, scripts/pg.sh), ADMIN_PATHS ("/icbs/QHM/compare /icbs/QHM": pages the demo director
# may not see, requested signed in as the demo admin). The load generator is `hey`, installed with apt-get when
# missing and running as root; failing that `wrk`, which runs for a fixed time instead
# of a fixed count.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"

REQUESTS=${REQUESTS:-2000}
CLIENTS=${CLIENTS:-20}
PATHS=${PATHS:-/gaps / /pcns/U60057/dashboard}
ADMIN_PATHS=${ADMIN_PATHS-/icbs/QHM/compare /icbs/QHM}
DEMO_EMAIL=director@example.nhs.uk
ADMIN_EMAIL=admin@example.nhs.uk
DEMO_PASSWORD=${ARRS_DEMO_PASSWORD:-arrs-demo}

log() { printf 'loadtest: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# load_generator prints "hey" or "wrk", installing hey if it can.
load_generator() {
  if command -v hey >/dev/null; then echo hey; return; fi
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    log "installing hey (apt-get)"
    if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey >/dev/null 2>&1 ||
      { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hey >/dev/null 2>&1; }; then
      echo hey; return
    fi
    log "hey is not available; trying wrk"
    if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1; then echo wrk; return; fi
  fi
  command -v wrk >/dev/null && { echo wrk; return; }
  die "no load generator: install hey (apt-get install hey) or wrk"
}

# free_port asks the kernel for a port nobody listens on, on 127.0.0.1.
free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local p
  for p in $(shuf -i 20000-60000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  die "no free port found"
}

# database prints the bench database's URL, creating it in the project's cluster.
database() {
  if [[ -n ${LOADTEST_DATABASE_URL:-} ]]; then echo "$LOADTEST_DATABASE_URL"; return; fi
  env -u DATABASE_URL scripts/pg.sh start >&2
  env -u DATABASE_URL scripts/pg.sh createdb arrs_bench >&2
  scripts/pg.sh url arrs_bench
}

# millis turns hey's seconds ("0.0123") into milliseconds.
millis() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }

run_hey() {
  local url=$1 cookie=$3 out p50 p95
  out=$(hey -n "$REQUESTS" -c "$CLIENTS" -H "Cookie: $cookie" "$url")
  # Every response counted under "Status code distribution" must be a 200.
  if awk '/^Status code distribution/ { on = 1; next } on && /\[[0-9]+\]/ && $1 != "[200]" { bad = 1 }
          END { exit !bad }' <<<"$out" || ! grep -q '\[200\]' <<<"$out"; then
    printf '%s\n' "$out" >&2
    die "$url: not every response was 200"
  fi
  p50=$(awk '/ 50% in / { print $3 }' <<<"$out")
  p95=$(awk '/ 95% in / { print $3 }' <<<"$out")
  printf '%-26s %6d requests, %2d clients   p50 %7s ms   p95 %7s ms   %s\n' "$2" "$REQUESTS" "$CLIENTS" \
    "$(millis "$p50")" "$(millis "$p95")" "$(awk '/Requests\/sec/ { printf "%.0f req/s", $2 }' <<<"$out")"
}

run_wrk() {
  local url=$1 cookie=$3 script
  script=$(mktemp)
  cat >"$script" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f ms   p95 %.1f ms   %d requests, %d errors\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
  printf '%-26s %2d clients, 10 s: ' "$2" "$CLIENTS"
  wrk -t2 -c "$CLIENTS" -d 10s -H "Cookie: $cookie" -s "$script" "$url" | tail -n 1
  rm -f "$script"
}

# stop_server stops the server this script started, keeping its log only on failure.
stop_server() {
  local status=$?
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  if [[ $status -eq 0 ]]; then rm -f "$SERVER_LOG"; else log "server log: $SERVER_LOG"; fi
}

main() {
  local gen db port base status
  gen=$(load_generator)
  db=$(database)
  log "building bin/arrs"
  go build -o bin/arrs ./cmd/arrs
  DATABASE_URL=$db bin/arrs migrate up >/dev/null
  DATABASE_URL=$db bin/arrs seed demo >/dev/null
  port=$(free_port)
  base="http://127.0.0.1:$port"
  SERVER_LOG="${TMPDIR:-/tmp}/arrs-loadtest-$port.log"
  DATABASE_URL=$db ADDR="127.0.0.1:$port" ARRS_DEV=1 bin/arrs serve 2>"$SERVER_LOG" &
  SERVER_PID=$!
  trap stop_server EXIT
  for _ in $(seq 100); do
    curl -fsS "$base/healthz" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || die "the server stopped: see $SERVER_LOG"
    sleep 0.1
  done
  COOKIE=$(sign_in "$base" "$DEMO_EMAIL")
  ADMIN_COOKIE=$(sign_in "$base" "$ADMIN_EMAIL")
  log "serving on $base (pid $SERVER_PID), $gen, signed in as $DEMO_EMAIL and $ADMIN_EMAIL"
  for path in $PATHS; do warm "$base" "$path" "$COOKIE"; done
  for path in $ADMIN_PATHS; do warm "$base" "$path" "$ADMIN_COOKIE"; done
  echo "--- load test: $(nproc) CPUs, $gen"
  for path in $PATHS; do
    "run_$gen" "$base$path" "$path" "$COOKIE"
  done
  for path in $ADMIN_PATHS; do
    "run_$gen" "$base$path" "$path (admin)" "$ADMIN_COOKIE"
  done
}

# sign_in prints the session cookie of a demo account.
sign_in() {
  local cookie
  cookie=$(curl -sS -o /dev/null -D - --data-urlencode "email=$2" --data-urlencode "password=$DEMO_PASSWORD" "$1/login" |
    tr -d '\r' | awk -F'[:;] *' 'tolower($1) == "set-cookie" && $2 ~ /^session=/ { print $2 }' | tail -n 1)
  [[ -n $cookie ]] || die "could not sign in as $2"
  echo "$cookie"
}

# warm requests a page once (its figures are then cached, as between imports) and
# fails unless it answers 200.
warm() {
  local status
  status=$(curl -sS -o /dev/null -w '%{http_code}' -H "Cookie: $3" "$1$2")
  [[ $status == 200 ]] || die "$2: $status before the load"
}

main "$@"
