#!/usr/bin/env bash
# Import benchmark: a generated 100,000-row spreadsheet (messy forms in 12.5% of rows, 1% invalid)
# through the dry run and the commit, on SQLite and on a throwaway PostgreSQL, timed separately.
# Usage: bench/import.sh [rows] [xlsx|csv]   — results in bench/out/import-results.md
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROWS=${1:-100000}
FORMAT=${2:-xlsx}
mkdir -p bench/out
dotnet build bench/Sentra.Bench -c Release --nologo -v q -clp:ErrorsOnly
PGDIR=""
cleanup() { [ -n "$PGDIR" ] && scripts/postgres-throwaway.sh stop "$PGDIR" || true; }
trap cleanup EXIT
CS=$(scripts/postgres-throwaway.sh 2>bench/out/postgres.log)
PGDIR=$(grep -o 'dir [^ ]*' bench/out/postgres.log | head -1 | cut -d' ' -f2)
run() { dotnet bench/Sentra.Bench/bin/Release/net10.0/Sentra.Bench.dll "$ROWS" "$FORMAT" | tee -a bench/out/import.log | grep -E '^(SQLite|PostgreSQL|  |RESULT)' || true; }
: > bench/out/import.log
SENTRA_TEST_PROVIDER=Sqlite run
SENTRA_TEST_PROVIDER=Postgres SENTRA_TEST_POSTGRES="$CS" run
{
  echo "| database | rows | dry run (s) | dry run rows/s | dry run peak MB | commit (s) | commit rows/s | commit peak MB |"
  echo "|---|---|---|---|---|---|---|---|"
  grep '^RESULT' bench/out/import.log | awk -F'|' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6, $7, $8, $9 }'
} > bench/out/import-results.md
cat bench/out/import-results.md
