#!/usr/bin/env bash
# Catalog search benchmark: a generated catalog of N products (default 100,000) on SQLite and on a
# throwaway PostgreSQL; the real app (Release build, Production settings) is loaded with wrk at 32
# connections for 30 s with catalog searches drawn from 5,000 query/filter combinations
# (bench/catalog.lua; every URL unique, so the output cache never answers), then with a trivial
# endpoint of the same app (/robots.txt) in the same run. Reports requests/s, p50, p99 and the ratio.
# Usage: bench/catalog.sh [products] [seconds]   — results in bench/out/catalog-results.md
# WARMUP_SECONDS (default 90): catalog load before the measured run. The JIT is still compiling
# (tier-1 and PGO recompiles) for well over 30 s on a slow two-core machine; see bench/README.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PRODUCTS=${1:-100000}
SECONDS_PER_RUN=${2:-30}
WARMUP_SECONDS=${WARMUP_SECONDS:-90}
OUT=bench/out
mkdir -p "$OUT"

if ! command -v wrk >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || { echo "catalog.sh: wrk is missing; run 'apt-get install -y wrk' as root" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get -q -y install wrk >"$OUT/wrk-install.log" 2>&1 \
    || { apt-get -q update >>"$OUT/wrk-install.log" 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get -q -y install wrk >>"$OUT/wrk-install.log" 2>&1; }
fi

APP=$OUT/catalog-app   # the published app, as it would be deployed
dotnet publish src/Sentra.Web -c Release -o "$APP" --nologo -v q -clp:ErrorsOnly >/dev/null
dotnet build bench/Sentra.Bench -c Release --nologo -v q -clp:ErrorsOnly

PGDIR=""
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$PGDIR" ] && scripts/postgres-throwaway.sh stop "$PGDIR" || true
}
trap cleanup EXIT
PGDIR=$(mktemp -d /tmp/pgtest.XXXXXX)
PG=$(PGTEST_DIR=$PGDIR scripts/postgres-throwaway.sh 2>"$OUT/postgres.log")

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
# wrk's latency lines read "50%  1.23ms"; print milliseconds.
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); v=v/1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v=v*1000 } printf "%.2f", v }'; }
summary() { # FILE -> "rps p50 p99 non2xx"
  local rps p50 p99 bad
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$1")
  p50=$(awk '$1=="50%" { print $2 }' "$1" | to_ms)
  p99=$(awk '$1=="99%" { print $2 }' "$1" | to_ms)
  bad=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' "$1"); bad=${bad:-0}
  echo "$rps $p50 $p99 $bad"
}

RESULTS=$OUT/catalog-results.md
{
  echo "| database | catalog req/s | catalog p50 ms | catalog p99 ms | errors | trivial req/s | trivial p50 ms | trivial p99 ms | throughput ratio |"
  echo "|---|---|---|---|---|---|---|---|---|"
} >"$RESULTS"

for PROVIDER in Sqlite Postgres; do
  echo "==> $PROVIDER: generating $PRODUCTS products"
  CS=$(SENTRA_TEST_PROVIDER=$PROVIDER SENTRA_TEST_POSTGRES=$PG dotnet bench/Sentra.Bench/bin/Release/net10.0/Sentra.Bench.dll catalog "$PRODUCTS" \
       | tee "$OUT/catalog-$PROVIDER-data.log" | awk '/^CONNECTION / { sub(/^CONNECTION /, ""); print }')
  grep -E '^(SQLite|PostgreSQL):' "$OUT/catalog-$PROVIDER-data.log" || true
  PORT=$(free_port)
  URL=http://127.0.0.1:$PORT
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$URL \
  Database__Provider=$PROVIDER ConnectionStrings__Sentra="$CS" \
  Sentra__PublicBaseUrl=$URL Sentra__Demo__Enabled=false \
  Sentra__PersonalData__EncryptionKey=$(head -c 32 /dev/urandom | base64) Sentra__PersonalData__HashKey=$(head -c 32 /dev/urandom | base64) \
  Logging__LogLevel__Default=Warning \
    bash -c "cd '$APP' && exec dotnet Sentra.Web.dll" >"$OUT/catalog-$PROVIDER-app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do curl -fs "$URL/health" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "$URL/health" >/dev/null || { cat "$OUT/catalog-$PROVIDER-app.log" >&2; echo "app did not start" >&2; exit 1; }
  SANITY=$(curl -fs "$URL/katalog?q=kripik") || { echo "catalog page failed" >&2; exit 1; }
  grep -q 'catalog-corrected' <<<"$SANITY" || { echo "catalog sanity check failed: no spelling correction for 'kripik'" >&2; exit 1; }
  echo "==> $PROVIDER: warm-up, ${WARMUP_SECONDS}s"
  wrk -t2 -c32 -d"${WARMUP_SECONDS}s" -s bench/catalog.lua "$URL" | tee "$OUT/catalog-$PROVIDER-warmup.txt" | grep '^Requests/sec'
  wrk -t2 -c32 -d10s "$URL/robots.txt" >/dev/null
  echo "==> $PROVIDER: catalog search, ${SECONDS_PER_RUN}s"
  wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -s bench/catalog.lua "$URL" | tee "$OUT/catalog-$PROVIDER-search.txt"
  echo "==> $PROVIDER: trivial endpoint, ${SECONDS_PER_RUN}s"
  wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency "$URL/robots.txt" | tee "$OUT/catalog-$PROVIDER-trivial.txt"
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
  read -r S_RPS S_P50 S_P99 S_BAD < <(summary "$OUT/catalog-$PROVIDER-search.txt")
  read -r T_RPS T_P50 T_P99 _ < <(summary "$OUT/catalog-$PROVIDER-trivial.txt")
  RATIO=$(awk -v a="$S_RPS" -v b="$T_RPS" 'BEGIN { printf "%.1f%%", 100*a/b }')
  echo "| $PROVIDER | $S_RPS | $S_P50 | $S_P99 | $S_BAD | $T_RPS | $T_P50 | $T_P99 | $RATIO |" >>"$RESULTS"
done
cat "$RESULTS"
