#!/usr/bin/env bash
# Project-local PostgreSQL for development and tests: one cluster in .pgdata/ at the
# project root, listening on 127.0.0.1 only, superuser `arrs`, trust authentication.
# It is a throwaway dev/test cluster: durability is traded for speed (fsync off), and
# `make db-reset` deletes it.
#
#   scripts/pg.sh start          ensure the cluster exists and is running (quick if it is)
#   scripts/pg.sh createdb NAME  create database NAME if it is missing
#   scripts/pg.sh url NAME       print the connection URL of database NAME
#   scripts/pg.sh stop           stop the cluster
#
# With DATABASE_URL set, start and createdb do nothing: the user brings their own database.
#
# The port is PGPORT_ARRS if set, else the one recorded when the cluster was created:
# 54329, or the next free port up to 54349 if another server (a second clone's cluster,
# say) already holds 54329.
#
# Postgres refuses to run as root, so as root the cluster belongs to the `postgres` OS
# user and every server command runs through `runuser -u postgres --`.
set -euo pipefail

readonly DEFAULT_PORT=54329
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
readonly ROOT
readonly PGDATA_DIR=$ROOT/.pgdata
readonly LOG=$PGDATA_DIR/server.log
readonly PORT_FILE=$PGDATA_DIR/arrs.port

log() { printf 'pg.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

is_root() { [[ $(id -u) -eq 0 ]]; }

# as_owner runs a command as the cluster's owner, from / so that a project directory the
# postgres user cannot read is never its working directory, and without the lock on fd 9
# (see cmd_start), which a server it starts would otherwise hold for ever.
as_owner() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@" 9<&-)
  else
    "$@" 9<&-
  fi
}

# --- binaries -------------------------------------------------------------------------

# find_bindir prints the directory holding pg_ctl, initdb and postgres: the one pg_ctl on
# PATH resolves to, else the highest /usr/lib/postgresql/*/bin.
find_bindir() {
  local ctl dir
  if ctl=$(command -v pg_ctl 2>/dev/null); then
    dir=$(dirname "$(readlink -f "$ctl")")
    if [[ -x $dir/initdb && -x $dir/postgres ]]; then
      echo "$dir"
      return
    fi
  fi
  for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    if [[ -x $dir/pg_ctl && -x $dir/initdb && -x $dir/postgres ]]; then
      echo "$dir"
      return
    fi
  done
  return 1
}

install_postgres() {
  if ! is_root; then
    die "PostgreSQL server binaries (pg_ctl, initdb, postgres) not found. Install them:
    sudo apt-get install postgresql"
  fi
  log "PostgreSQL server not found; installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q postgresql >&2
}

BIN=
load_bindir() {
  BIN=$(find_bindir) || { install_postgres; BIN=$(find_bindir) || die "no PostgreSQL server binaries after install"; }
  if is_root && ! id -u postgres >/dev/null 2>&1; then
    log "creating the postgres OS user to own the cluster"
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  fi
}

# pg_tool runs a client tool (psql, pg_isready) from BIN, or from PATH if BIN lacks it.
pg_tool() {
  local tool=$1
  shift
  if [[ -n $BIN && -x $BIN/$tool ]]; then "$BIN/$tool" "$@"; else "$tool" "$@"; fi
}

# --- port -----------------------------------------------------------------------------

port() {
  if [[ -n ${PGPORT_ARRS:-} ]]; then
    echo "$PGPORT_ARRS"
  elif [[ -r $PORT_FILE ]]; then
    cat "$PORT_FILE"
  else
    echo "$DEFAULT_PORT"
  fi
}

# port_busy reports whether anything accepts TCP connections on 127.0.0.1:$1.
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

choose_port() {
  local p
  if [[ -n ${PGPORT_ARRS:-} ]]; then
    echo "$PGPORT_ARRS"
    return
  fi
  for ((p = DEFAULT_PORT; p < DEFAULT_PORT + 21; p++)); do
    if ! port_busy "$p"; then
      [[ $p -eq $DEFAULT_PORT ]] || log "port $DEFAULT_PORT is taken by another server; this cluster uses $p"
      echo "$p"
      return
    fi
  done
  die "ports $DEFAULT_PORT-$((DEFAULT_PORT + 20)) are all taken; set PGPORT_ARRS to a free port"
}

# --- state ----------------------------------------------------------------------------

# postmaster_pid prints the PID in postmaster.pid if that process is alive and is a
# postgres server working in this data directory (after a reboot the PID may be reused).
postmaster_pid() {
  local pid
  [[ -r $PGDATA_DIR/postmaster.pid ]] || return 1
  read -r pid <"$PGDATA_DIR/postmaster.pid" || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == postgres ]] || return 1
  [[ $(readlink "/proc/$pid/cwd" 2>/dev/null) == "$PGDATA_DIR" ]] || return 1
  echo "$pid"
}

ready() { pg_tool pg_isready -q -h 127.0.0.1 -p "$(port)" -d postgres -U arrs; }

# --- start ----------------------------------------------------------------------------

# ensure_traversable lets the postgres user reach .pgdata: it needs search (x) permission
# on every directory above it, which a home directory such as /root does not give.
ensure_traversable() {
  local dir='' part
  local -a parts
  IFS=/ read -r -a parts <<<"${ROOT#/}"
  for part in "" "${parts[@]}"; do
    dir=${dir%/}/$part
    if ! runuser -u postgres -- test -x "$dir"; then
      log "granting the postgres user search permission on $dir"
      if command -v setfacl >/dev/null; then setfacl -m u:postgres:x "$dir"; else chmod o+x "$dir"; fi
    fi
  done
}

# socket_dir is the data directory, unless its path is too long for a unix socket name
# (108 bytes on Linux), when /tmp serves instead.
socket_dir() {
  if (( ${#PGDATA_DIR} + 20 < 100 )); then echo "$PGDATA_DIR"; else echo /tmp; fi
}

# write_settings (re)writes arrs.conf, included by postgresql.conf, on every start, so a
# change of PGPORT_ARRS or of the project's path takes effect.
write_settings() {
  local conf=$PGDATA_DIR/arrs.conf sock
  sock=$(socket_dir)
  cat >"$conf" <<EOF
# Written by scripts/pg.sh on every start; edits are lost.
listen_addresses = '127.0.0.1'
port = $(port)
unix_socket_directories = '$sock'
max_connections = 300
# A dev/test cluster: speed over durability. After a host crash, run make db-reset.
fsync = off
synchronous_commit = off
full_page_writes = off
logging_collector = off
log_line_prefix = '%m [%p] '
EOF
  if is_root; then chown postgres:postgres "$conf"; fi
}

init_cluster() {
  local out
  log "creating the cluster in $PGDATA_DIR"
  rm -rf "$PGDATA_DIR"
  mkdir -m 700 "$PGDATA_DIR"
  if is_root; then
    ensure_traversable
    chown postgres:postgres "$PGDATA_DIR"
  fi
  out=$(as_owner "$BIN/initdb" -D "$PGDATA_DIR" -U arrs --auth=trust -E UTF8 --locale=C.UTF-8 2>&1) ||
    die "initdb failed:"$'\n'"$out"
  echo "include_if_exists 'arrs.conf'" >>"$PGDATA_DIR/postgresql.conf"
  choose_port >"$PORT_FILE"
  if is_root; then chown postgres:postgres "$PORT_FILE"; fi
}

fail_start() {
  log "$1"
  if [[ -r $LOG ]]; then
    log "last lines of $LOG:"
    tail -n 30 "$LOG" >&2
  fi
  exit 1
}

# wait_ready waits for the postmaster to accept connections, for up to a minute (crash
# recovery after a kill can take a moment).
wait_ready() {
  local i
  for ((i = 0; i < 300; i++)); do
    ready && return 0
    postmaster_pid >/dev/null || fail_start "PostgreSQL is not running"
    sleep 0.2
  done
  fail_start "PostgreSQL did not become ready within 60s"
}

# process_state prints the state letter of process $1 (R, S, Z for a zombie...).
process_state() { sed -n 's/^.*) \(.\).*$/\1/p' "/proc/$1/stat" 2>/dev/null; }

# clear_stale_pid deals with a postmaster.pid whose server is not running. Postgres
# ignores one whose process is gone, but takes a zombie (a postmaster killed a moment ago
# and not yet reaped) for a live server, and refuses to start when a reboot gave the PID
# to another process of the same user.
clear_stale_pid() {
  local pid i
  read -r pid 2>/dev/null <"$PGDATA_DIR/postmaster.pid" || return 0
  [[ $pid =~ ^[0-9]+$ ]] || return 0
  for ((i = 0; i < 50; i++)); do
    [[ $(process_state "$pid") == Z ]] || break
    sleep 0.2
  done
  [[ -n $(process_state "$pid") ]] || return 0
  log "removing postmaster.pid: its PID $pid now belongs to another process"
  rm -f "$PGDATA_DIR/postmaster.pid"
  local sock_lock
  sock_lock=$(socket_dir)/.s.PGSQL.$(port).lock
  if [[ $(head -n 1 "$sock_lock" 2>/dev/null) == "$pid" ]]; then rm -f "$sock_lock"; fi
}

start_server() {
  local p out
  p=$(port)
  if port_busy "$p"; then
    die "port $p is taken by another server, not this checkout's cluster: stop it, or set PGPORT_ARRS"
  fi
  clear_stale_pid
  write_settings
  if is_root; then
    ensure_traversable
    touch "$LOG" && chown postgres:postgres "$LOG"
  fi
  log "starting PostgreSQL on 127.0.0.1:$p (log: ${LOG#"$ROOT"/})"
  # Children of a postmaster killed with SIGKILL can hold its shared memory, or its
  # socket's lock, for a moment after it dies; a later attempt then succeeds.
  local attempt lines
  for attempt in 1 2 3 4 5; do
    lines=0
    if [[ -r $LOG ]]; then lines=$(wc -l <"$LOG"); fi
    out=$(as_owner "$BIN/pg_ctl" start -D "$PGDATA_DIR" -l "$LOG" -w -t 60 2>&1) && break
    tail -n +"$((lines + 1))" "$LOG" 2>/dev/null | grep -qE 'shared memory block|lock file' || break
    log "attempt $attempt: the old server is still letting go; retrying"
    sleep 1
  done
  postmaster_pid >/dev/null || fail_start "PostgreSQL did not start: $out"
  wait_ready
}

cmd_start() {
  if [[ -n ${DATABASE_URL:-} ]]; then
    log "DATABASE_URL is set: not starting the local cluster"
    return
  fi
  load_bindir
  # Two make targets may start the cluster at once: serialise on this script's own file.
  exec 9<"${BASH_SOURCE[0]}"
  flock 9
  [[ -s $PGDATA_DIR/PG_VERSION ]] || init_cluster
  if postmaster_pid >/dev/null; then
    local running_port
    running_port=$(sed -n 4p "$PGDATA_DIR/postmaster.pid")
    [[ $running_port == "$(port)" ]] ||
      die "the cluster is running on port $running_port, not $(port): run scripts/pg.sh stop first"
    wait_ready
  else
    start_server
  fi
}

# --- other commands -------------------------------------------------------------------

psql_admin() {
  pg_tool psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$(port)" -U arrs -d postgres "$@"
}

db_exists() {
  [[ $(psql_admin -tA -v name="$1" <<<"SELECT 1 FROM pg_database WHERE datname = :'name'") == 1 ]]
}

cmd_createdb() {
  local name=$1
  [[ -n $name ]] || die "usage: pg.sh createdb NAME"
  if [[ -n ${DATABASE_URL:-} ]]; then
    log "DATABASE_URL is set: not creating database $name"
    return
  fi
  load_bindir
  ready || die "the local cluster is not running: run scripts/pg.sh start"
  db_exists "$name" && return
  # Lose a race with a concurrent createdb gracefully.
  psql_admin -v name="$name" <<<'CREATE DATABASE :"name"' 2>/dev/null || db_exists "$name" ||
    die "could not create database $name"
  log "created database $name"
}

cmd_url() {
  local name=$1
  [[ -n $name ]] || die "usage: pg.sh url NAME"
  printf 'postgres://arrs@127.0.0.1:%s/%s?sslmode=disable\n' "$(port)" "$name"
}

cmd_stop() {
  [[ -s $PGDATA_DIR/PG_VERSION ]] || return 0
  load_bindir
  if postmaster_pid >/dev/null; then
    as_owner "$BIN/pg_ctl" stop -D "$PGDATA_DIR" -m fast -w >/dev/null
    log "stopped"
  fi
}

case ${1:-} in
  start) cmd_start ;;
  createdb) cmd_createdb "${2:-}" ;;
  url) cmd_url "${2:-}" ;;
  stop) cmd_stop ;;
  *)
    sed -n '/^#   scripts/p' "$0" >&2
    exit 2
    ;;
esac
