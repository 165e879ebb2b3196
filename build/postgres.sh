#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: trust auth, loopback only, a free port, all
# files in one temporary folder that `stop` removes.
#
#   eval "$(bash build/postgres.sh start)"   # starts it; prints `export STRATA_TEST_POSTGRES=...`
#   eval "$(bash build/postgres.sh env)"     # the same export line for the running cluster
#   bash build/postgres.sh stop              # stops it and deletes its files
#
# Works as root (the server runs as the `postgres` user) and as an ordinary user.
# Environment: PG_BINDIR overrides where initdb/pg_ctl are looked for;
# STRATA_POSTGRES_STATE overrides the state file (default: artifacts/postgres.state).
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state_file=${STRATA_POSTGRES_STATE:-$repo_root/artifacts/postgres.state}

log() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  sed -n '2,12s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
}

find_bindir() {
  local candidate
  if [[ -n "${PG_BINDIR:-}" ]]; then
    [[ -x "$PG_BINDIR/initdb" ]] || die "PG_BINDIR=$PG_BINDIR has no initdb"
    printf '%s\n' "$PG_BINDIR"
    return
  fi
  if command -v pg_config >/dev/null 2>&1; then
    candidate=$(pg_config --bindir 2>/dev/null || true)
    if [[ -n "$candidate" && -x "$candidate/initdb" ]]; then
      printf '%s\n' "$candidate"
      return
    fi
  fi
  # Debian/Ubuntu keep the server binaries off PATH, one folder per major version: take the newest.
  candidate=$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/initdb' 2>/dev/null | sort -V | tail -n 1)
  if [[ -n "$candidate" ]]; then
    dirname "$candidate"
    return
  fi
  candidate=$(command -v initdb 2>/dev/null || true)
  [[ -n "$candidate" ]] || die "PostgreSQL server binaries not found (no pg_config --bindir, /usr/lib/postgresql/*/bin or initdb on PATH); install them, e.g. apt-get install postgresql"
  dirname "$candidate"
}

free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local port
  for port in $(seq 54320 54420); do
    # A refused connection means nothing listens there.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      printf '%s\n' "$port"
      return
    fi
  done
  die "no free port found in 54320-54420"
}

connection_string() {
  printf 'Host=127.0.0.1;Port=%s;Username=postgres;Database=postgres' "$1"
}

print_exports() {
  printf "export STRATA_TEST_POSTGRES='%s'\n" "$(connection_string "$1")"
}

# Runs a command as the cluster's owner: `postgres` when we are root (PostgreSQL refuses to run as root).
as_owner() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

load_state() {
  [[ -f "$state_file" ]] || return 1
  # shellcheck source=/dev/null
  source "$state_file"
  [[ -n "${cluster_dir:-}" && -n "${port:-}" && -n "${bindir:-}" ]]
}

is_running() {
  as_owner "$bindir/pg_ctl" status -D "$cluster_dir/data" >/dev/null 2>&1
}

start() {
  if load_state && is_running; then
    log "already running on port $port (cluster in $cluster_dir)"
    print_exports "$port"
    return
  fi
  rm -f "$state_file"

  if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    die "running as root needs a 'postgres' user to own the server (PostgreSQL refuses to run as root)"
  fi
  bindir=$(find_bindir)
  cluster_dir=$(mktemp -d "${TMPDIR:-/tmp}/strata-postgres.XXXXXX")
  port=$(free_port)
  mkdir -p "$cluster_dir/socket"
  if [[ $EUID -eq 0 ]]; then
    chown -R postgres: "$cluster_dir"
  fi

  local started=$SECONDS
  if ! as_owner "$bindir/initdb" -D "$cluster_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync --no-instructions \
      >"$cluster_dir/initdb.log" 2>&1; then
    cat "$cluster_dir/initdb.log" >&2
    rm -rf "$cluster_dir"
    die "initdb failed"
  fi
  # Throwaway data: durability settings off for speed.
  cat >>"$cluster_dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$cluster_dir/socket'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
  if ! as_owner "$bindir/pg_ctl" -D "$cluster_dir/data" -l "$cluster_dir/server.log" -w -t 30 start >/dev/null; then
    cat "$cluster_dir/server.log" >&2 || true
    rm -rf "$cluster_dir"
    die "the server did not start"
  fi

  mkdir -p "$(dirname "$state_file")"
  {
    printf 'cluster_dir=%q\n' "$cluster_dir"
    printf 'port=%q\n' "$port"
    printf 'bindir=%q\n' "$bindir"
  } >"$state_file"
  log "started PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port in $((SECONDS - started)) s (cluster in $cluster_dir)"
  print_exports "$port"
}

stop() {
  if ! load_state; then
    log "no cluster to stop ($state_file not found)"
    return
  fi
  if is_running; then
    as_owner "$bindir/pg_ctl" -D "$cluster_dir/data" -m immediate -w stop >/dev/null ||
      log "warning: pg_ctl stop failed; removing the files anyway"
  fi
  rm -rf "$cluster_dir"
  rm -f "$state_file"
  log "stopped and removed $cluster_dir"
}

env_exports() {
  load_state || die "no cluster running ($state_file not found); run: bash build/postgres.sh start"
  is_running || die "the cluster in $cluster_dir is not running; run: bash build/postgres.sh stop && bash build/postgres.sh start"
  print_exports "$port"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) env_exports ;;
  -h | --help | help) usage ;;
  *)
    usage
    exit 2
    ;;
esac
