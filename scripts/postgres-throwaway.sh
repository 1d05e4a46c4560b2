#!/usr/bin/env bash
# Throwaway PostgreSQL server for tests, on 127.0.0.1 in a temporary directory.
#
#   scripts/postgres-throwaway.sh            start; prints an Npgsql connection string on stdout
#   scripts/postgres-throwaway.sh stop DIR   stop the server in DIR and delete DIR
#
# Environment (optional):
#   PGTEST_DIR   directory for the server (must be empty or absent; data in DIR/data, socket and log
#                in DIR; default: mktemp -d /tmp/pgtest.XXXXXX)
#   PGTEST_PORT  port to listen on (default: a free port chosen at random)
#
# The connection string is for user "sentra" (password "sentra", CREATEDB) and database "sentra".
# As root, initdb/pg_ctl/psql run as the "postgres" user (initdb refuses to run as root).
# Diagnostics go to stderr; the data directory is reported there too.
set -euo pipefail

SELF=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")
# The postgres user may not be able to enter the caller's working directory.
cd /

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true; }
BIN=$(find_bin)

is_root() { [ "$(id -u)" = 0 ]; }
# Run a shell command line as the PostgreSQL OS user (or as ourselves when not root).
as_pg() {
  if is_root; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}

looks_like_throwaway_dir() {
  local d=$1
  [ -f "$d/data/PG_VERSION" ] && return 0
  [ -z "$(ls -A "$d" 2>/dev/null)" ] && return 0
  case "$(basename "$d")" in pgtest.*|sentra-pg.*) return 0 ;; esac
  return 1
}

if [ "${1:-}" = stop ]; then
  DIR=${2:?usage: $0 stop DIR}
  [ -d "$DIR" ] || exit 0
  if ! looks_like_throwaway_dir "$DIR"; then
    echo "postgres-throwaway: refusing to delete '$DIR': not a PostgreSQL data directory" >&2
    exit 1
  fi
  if [ -n "$BIN" ] && [ -f "$DIR/data/postmaster.pid" ]; then
    as_pg "'$BIN/pg_ctl' -D '$DIR/data' -m fast -w -t 30 stop" >/dev/null 2>&1 \
      || as_pg "'$BIN/pg_ctl' -D '$DIR/data' -m immediate -w -t 30 stop" >/dev/null 2>&1 \
      || true
  fi
  rm -rf "$DIR"
  exit 0
fi

if [ -n "${1:-}" ]; then
  echo "usage: $0            (start; prints a connection string)" >&2
  echo "       $0 stop DIR   (stop and delete)" >&2
  exit 2
fi

if [ -z "$BIN" ]; then
  if ! is_root; then
    echo "postgres-throwaway: PostgreSQL server not installed (no /usr/lib/postgresql/*/bin); run as root or: apt-get install postgresql" >&2
    exit 1
  fi
  echo "postgres-throwaway: installing the postgresql package..." >&2
  LOG=$(mktemp /tmp/pg-install.XXXXXX.log)
  if ! { apt-get -q update && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; } >"$LOG" 2>&1; then
    cat "$LOG" >&2
    echo "postgres-throwaway: failed to install postgresql" >&2
    exit 1
  fi
  rm -f "$LOG"
  BIN=$(find_bin)
  if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
    echo "postgres-throwaway: postgresql installed but no initdb found under /usr/lib/postgresql/*/bin" >&2
    exit 1
  fi
fi

PYTHON=$(command -v python3 || echo /usr/bin/python3)
free_port() {
  "$PYTHON" -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'
}

if [ -n "${PGTEST_DIR:-}" ]; then
  DIR=$PGTEST_DIR
  mkdir -p "$DIR"
  if [ -n "$(ls -A "$DIR")" ]; then
    echo "postgres-throwaway: PGTEST_DIR '$DIR' is not empty" >&2
    exit 1
  fi
else
  DIR=$(mktemp -d /tmp/pgtest.XXXXXX)
fi
DIR=$(cd "$DIR" && pwd)

if is_root; then
  chown postgres:postgres "$DIR"
  # The postgres user must be able to traverse every parent directory.
  p=$(dirname "$DIR")
  while [ "$p" != / ]; do
    if ! su postgres -s /bin/sh -c "test -x '$p'"; then chmod o+x "$p"; fi
    p=$(dirname "$p")
  done
fi
chmod 700 "$DIR"

fail() {
  echo "postgres-throwaway: $1" >&2
  [ -f "$DIR/log" ] && { echo "--- $DIR/log ---" >&2; tail -n 50 "$DIR/log" >&2; }
  exit 1
}

if ! OUT=$(as_pg "'$BIN/initdb' -D '$DIR/data' -U postgres --auth-local=trust --auth-host=scram-sha-256 --no-sync -E UTF8 --locale=C.UTF-8" 2>&1 </dev/null); then
  echo "$OUT" >&2
  fail "initdb failed"
fi

started=
for attempt in 1 2 3 4 5; do
  PORT=${PGTEST_PORT:-$(free_port)}
  OPTS="-c listen_addresses=127.0.0.1 -p $PORT -k '$DIR' -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  if as_pg "'$BIN/pg_ctl' -D '$DIR/data' -l '$DIR/log' -w -t 60 -o \"$OPTS\" start" >/dev/null 2>&1 </dev/null; then
    started=1
    break
  fi
  # A fixed port will not get better; a random one may have been taken in between.
  [ -n "${PGTEST_PORT:-}" ] && break
  sleep 0.5
done
[ -n "$started" ] || fail "pg_ctl start failed"

if ! as_pg "'$BIN/psql' -h '$DIR' -p $PORT -U postgres -d postgres -v ON_ERROR_STOP=1 -q" >/dev/null 2>"$DIR/psql.err" <<'SQL'
CREATE USER sentra WITH PASSWORD 'sentra' CREATEDB;
CREATE DATABASE sentra OWNER sentra;
SQL
then
  cat "$DIR/psql.err" >&2
  fail "creating user/database sentra failed"
fi
rm -f "$DIR/psql.err"

echo "Host=127.0.0.1;Port=$PORT;Database=sentra;Username=sentra;Password=sentra"
echo "# postgres-throwaway: port $PORT, dir $DIR  (stop: $SELF stop $DIR)" >&2
