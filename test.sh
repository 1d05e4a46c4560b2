#!/usr/bin/env bash
# Builds Sentra and runs every test suite:
#   1. tests/Sentra.Tests        against SQLite     (SENTRA_TEST_PROVIDER=Sqlite)
#   2. tests/Sentra.Tests        against PostgreSQL (SENTRA_TEST_PROVIDER=Postgres, SENTRA_TEST_POSTGRES=<conn>)
#   3. tests/Sentra.BrowserTests with Chromium      (SENTRA_TEST_PROVIDER=Sqlite, SENTRA_CHROMIUM=<path>)
# Installs what is missing (Chromium, PostgreSQL) with apt-get when run as root, starts a throwaway
# PostgreSQL server (scripts/postgres-throwaway.sh) and always stops it again.
# TRX results go to .test-results/<run>/<run>.trx (the directory is emptied at the start).
# The last line printed is `N passed, N failed` (`, N skipped` when something was skipped).
#
# Usage: ./test.sh [--filter EXPR]     (EXPR is passed to every `dotnet test` run)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$(pwd)

FILTER=()
while [ $# -gt 0 ]; do
  case "$1" in
    --filter) [ $# -ge 2 ] || { echo "test.sh: --filter needs an expression" >&2; exit 2; }
              FILTER=(--filter "$2"); shift 2 ;;
    --filter=*) FILTER=(--filter "${1#--filter=}"); shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "test.sh: unknown argument '$1' (usage: ./test.sh [--filter EXPR])" >&2; exit 2 ;;
  esac
done

RESULTS=$ROOT/.test-results
INSTALL_LOG=$RESULTS/install.log
PG_DIR=
PG_SCRIPT=$ROOT/scripts/postgres-throwaway.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_UI_LANGUAGE=en MSBUILDDISABLENODEREUSE=1
export HOME=${HOME:-/root}
export SENTRA_CHROMIUM=${SENTRA_CHROMIUM:-/usr/bin/chromium}
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
unset SENTRA_TEST_PROVIDER SENTRA_TEST_POSTGRES

cleanup() {
  set +e
  if [ -n "$PG_DIR" ] && [ -d "$PG_DIR" ]; then
    bash "$PG_SCRIPT" stop "$PG_DIR" >/dev/null 2>&1 || rm -rf "$PG_DIR"
  fi
  # Compiler/MSBuild servers would outlive the script; CI wants nothing left running.
  if [ "${CI:-}" = true ]; then dotnet build-server shutdown >/dev/null 2>&1; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# die MESSAGE: fail before any test ran; the closing line still follows the contract.
die() {
  echo "test.sh: ERROR: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}

rm -rf "$RESULTS"
mkdir -p "$RESULTS"
: >"$INSTALL_LOG"

# --- 1. dependencies -----------------------------------------------------------------------------
command -v dotnet >/dev/null 2>&1 \
  || die "'dotnet' is not on PATH. Install the .NET 10 SDK (see global.json) and retry."
command -v python3 >/dev/null 2>&1 || [ -x /usr/bin/python3 ] \
  || die "python3 is missing (needed by scripts/trx-summary.py and scripts/postgres-throwaway.sh)."
PYTHON=$(command -v python3 || echo /usr/bin/python3)

have_initdb() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }

APT_PACKAGES=()
[ -x "$SENTRA_CHROMIUM" ] || [ -x /usr/bin/chromium ] || APT_PACKAGES+=(chromium fonts-dejavu-core)
have_initdb || APT_PACKAGES+=(postgresql)
if [ ${#APT_PACKAGES[@]} -gt 0 ]; then
  echo "==> Installing ${APT_PACKAGES[*]} (log: $INSTALL_LOG)"
  [ "$(id -u)" = 0 ] || die "missing ${APT_PACKAGES[*]} and not root: run 'apt-get install -y ${APT_PACKAGES[*]}' as root."
  command -v apt-get >/dev/null 2>&1 || die "missing ${APT_PACKAGES[*]} and no apt-get to install them."
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get -q -o DPkg::Lock::Timeout=300 update \
         && apt-get -q -y -o DPkg::Lock::Timeout=300 install "${APT_PACKAGES[@]}"; } >>"$INSTALL_LOG" 2>&1; then
    cat "$INSTALL_LOG" >&2
    die "apt-get could not install ${APT_PACKAGES[*]} (log above)."
  fi
fi
if [ ! -x "$SENTRA_CHROMIUM" ]; then
  if [ -x /usr/bin/chromium ]; then
    echo "test.sh: SENTRA_CHROMIUM=$SENTRA_CHROMIUM is not executable; using /usr/bin/chromium" >&2
    SENTRA_CHROMIUM=/usr/bin/chromium
  else
    [ -s "$INSTALL_LOG" ] && cat "$INSTALL_LOG" >&2
    die "Chromium not found at $SENTRA_CHROMIUM after installing (browser tests need it)."
  fi
fi
if ! have_initdb; then
  [ -s "$INSTALL_LOG" ] && cat "$INSTALL_LOG" >&2
  die "PostgreSQL server (initdb under /usr/lib/postgresql/*/bin) not found after installing."
fi

# --- 2. build ------------------------------------------------------------------------------------
echo "==> dotnet build Sentra.slnx -c Release"
BUILD_LOG=$RESULTS/build.log
if ! dotnet build Sentra.slnx -c Release --nologo -v q -nr:false -clp:ErrorsOnly -flp:"logfile=$BUILD_LOG;verbosity=normal"; then
  echo "test.sh: build failed (full log: $BUILD_LOG)" >&2
  die "dotnet build failed."
fi

# --- 3. throwaway PostgreSQL ---------------------------------------------------------------------
echo "==> Starting throwaway PostgreSQL"
PG_DIR=$(mktemp -d /tmp/sentra-pg.XXXXXX)
PG_CONN=
PG_ERROR=
if PG_CONN=$(PGTEST_DIR=$PG_DIR bash "$PG_SCRIPT" 2>"$RESULTS/postgres-start.log"); then
  sed 's/^/    /' "$RESULTS/postgres-start.log"
else
  cat "$RESULTS/postgres-start.log" >&2
  PG_CONN=
  PG_ERROR="the throwaway PostgreSQL server did not start (see $RESULTS/postgres-start.log)"
  echo "test.sh: ERROR: $PG_ERROR" >&2
fi

# --- 4. test runs --------------------------------------------------------------------------------
TEST_ARGS=(-c Release --no-build --nologo
  --logger "console;verbosity=normal"
  --blame-hang-timeout 5m --blame-hang-dump-type none
  "${FILTER[@]}")
RUNSETTINGS=(-- RunConfiguration.TestSessionTimeout=1200000)
SUMMARY_ARGS=()

# run_tests NAME PROJECT [VAR=VALUE...]
run_tests() {
  local name=$1 project=$2; shift 2
  local dir=$RESULTS/$name code=0
  echo
  echo "==> [$name] dotnet test $project ($*)"
  env "$@" dotnet test "$project" "${TEST_ARGS[@]}" \
    --logger "trx;LogFileName=$name.trx" --results-directory "$dir" \
    "${RUNSETTINGS[@]}" </dev/null || code=$?
  echo "==> [$name] exit code $code"
  SUMMARY_ARGS+=(--run "$name" "$code" "$dir/$name.trx")
}

run_tests sqlite tests/Sentra.Tests SENTRA_TEST_PROVIDER=Sqlite
if [ -n "$PG_CONN" ]; then
  run_tests postgres tests/Sentra.Tests SENTRA_TEST_PROVIDER=Postgres "SENTRA_TEST_POSTGRES=$PG_CONN"
else
  SUMMARY_ARGS+=(--run postgres "$PG_ERROR" "$RESULTS/postgres/postgres.trx")
fi
run_tests browser tests/Sentra.BrowserTests SENTRA_TEST_PROVIDER=Sqlite "SENTRA_CHROMIUM=$SENTRA_CHROMIUM"

# --- 5. summary ----------------------------------------------------------------------------------
echo
EACH=()
[ ${#FILTER[@]} -eq 0 ] && EACH=(--each-run-must-execute)
status=0
"$PYTHON" "$ROOT/scripts/trx-summary.py" "${EACH[@]}" "${SUMMARY_ARGS[@]}" || status=$?
exit "$status"
