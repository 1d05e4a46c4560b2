#!/usr/bin/env bash
# Adds an EF Core migration for both database providers:
#   SQLite     -> src/Sentra.Web/Data/Migrations/Sqlite   (SqliteAppDbContext)
#   PostgreSQL -> src/Sentra.Web/Data/Migrations/Postgres (PostgresAppDbContext)
# Usage: scripts/add-migration.sh NAME [extra dotnet-ef arguments...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ $# -lt 1 ] || [ -z "$1" ] || [ "${1#-}" != "$1" ]; then
  echo "usage: scripts/add-migration.sh NAME [extra dotnet-ef arguments...]" >&2
  echo "  e.g. scripts/add-migration.sh AddProductPrices" >&2
  exit 2
fi
NAME=$1; shift
if ! [[ $NAME =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then
  echo "add-migration: '$NAME' is not a valid migration name (letters, digits, underscores; not starting with a digit)" >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore

echo "==> SQLite migration $NAME"
dotnet ef migrations add "$NAME" --project src/Sentra.Web \
  --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite "$@"

echo "==> PostgreSQL migration $NAME"
dotnet ef migrations add "$NAME" --project src/Sentra.Web \
  --context PostgresAppDbContext --output-dir Data/Migrations/Postgres "$@"
