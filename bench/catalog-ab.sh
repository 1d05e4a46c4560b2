#!/usr/bin/env bash
# Catalog A/B: two builds of Sentra (git refs) on one generated catalog, loaded in alternating rounds.
# On a shared two-core machine, back-to-back runs of one build differ by up to 30% (bench/README.md);
# alternating short rounds of two warmed apps puts the same drift on both sides, so their per-round
# ratio shows a difference that separate runs hide. Both apps run at once (the idle one costs nothing)
# on the same database; each is warmed up first (the JIT compiles for minutes on a slow machine).
#
# Usage: bench/catalog-ab.sh REF_A REF_B [rounds] [seconds]     e.g. bench/catalog-ab.sh main HEAD 8 15
# Environment: PROVIDER (Sqlite or Postgres; default Sqlite), PRODUCTS (default 100000),
#              WARMUP_SECONDS (per app, default 90), CONNECTIONS (default 32; 1 measures one search at a time),
#              ENV_A, ENV_B (extra NAME=value settings for one app, e.g. ENV_B=Sentra__Catalog__MaxConcurrentSearches=4
#              with REF_A = REF_B to compare a setting).
# Prints one line per round (req/s and p99 of A and B, B/A) and the median of B/A over the rounds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REF_A=${1:?usage: bench/catalog-ab.sh REF_A REF_B [rounds] [seconds]}
REF_B=${2:?usage: bench/catalog-ab.sh REF_A REF_B [rounds] [seconds]}
ROUNDS=${3:-8}
ROUND_SECONDS=${4:-15}
PROVIDER=${PROVIDER:-Sqlite}
PRODUCTS=${PRODUCTS:-100000}
WARMUP_SECONDS=${WARMUP_SECONDS:-90}
CONNECTIONS=${CONNECTIONS:-32}
OUT=$(pwd)/bench/out/ab
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "catalog-ab.sh: wrk is missing (bench/catalog.sh installs it)" >&2; exit 1; }

PGDIR="" PIDS=() TREES=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for tree in "${TREES[@]}"; do git worktree remove --force "$tree" 2>/dev/null || true; done
  [ -n "$PGDIR" ] && scripts/postgres-throwaway.sh stop "$PGDIR" || true
}
trap cleanup EXIT

publish() { # REF NAME: publish that commit's app to $OUT/NAME
  local tree=$OUT/tree-$2
  git worktree remove --force "$tree" 2>/dev/null || rm -rf "$tree"
  git worktree add --detach -q "$tree" "$1"
  TREES+=("$tree")
  dotnet publish "$tree/src/Sentra.Web" -c Release -o "$OUT/app-$2" --nologo -v q -clp:ErrorsOnly >/dev/null
  echo "$2 = $1 ($(git rev-parse --short "$1"))"
}
publish "$REF_A" a
publish "$REF_B" b

# The data comes from B's generator: a migration B adds must exist before either app starts (A ignores what it does not know).
dotnet build "$OUT/tree-b/bench/Sentra.Bench" -c Release --nologo -v q -clp:ErrorsOnly >/dev/null
PG=""
if [ "$PROVIDER" = Postgres ]; then
  PGDIR=$(mktemp -d /tmp/pgtest.XXXXXX)
  PG=$(PGTEST_DIR=$PGDIR scripts/postgres-throwaway.sh 2>"$OUT/postgres.log")
fi
CS=$(SENTRA_TEST_PROVIDER=$PROVIDER SENTRA_TEST_POSTGRES=$PG \
     dotnet "$OUT/tree-b/bench/Sentra.Bench/bin/Release/net10.0/Sentra.Bench.dll" catalog "$PRODUCTS" \
     | tee "$OUT/data.log" | awk '/^CONNECTION / { sub(/^CONNECTION /, ""); print }')
grep -E '^(SQLite|PostgreSQL):' "$OUT/data.log" || true

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
start() { # NAME EXTRA_ENV -> URL on stdout
  local port url
  port=$(free_port)
  url=http://127.0.0.1:$port
  (cd "$OUT/app-$1" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$url \
     Database__Provider=$PROVIDER ConnectionStrings__Sentra="$CS" Sentra__PublicBaseUrl=$url Sentra__Demo__Enabled=false \
     Sentra__PersonalData__EncryptionKey="$(head -c 32 /dev/urandom | base64)" Sentra__PersonalData__HashKey="$(head -c 32 /dev/urandom | base64)" \
     Logging__LogLevel__Default=Warning $2 dotnet Sentra.Web.dll) >"$OUT/app-$1.log" 2>&1 </dev/null &
  echo $! >"$OUT/pid-$1"
  for _ in $(seq 1 120); do curl -fs "$url/health" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "$url/health" >/dev/null || { cat "$OUT/app-$1.log" >&2; echo "app $1 did not start" >&2; exit 1; }
  echo "$url"
}
URL_A=$(start a "${ENV_A:-}"); PIDS+=("$(cat "$OUT/pid-a")"); [ -n "$URL_A" ] || exit 1
URL_B=$(start b "${ENV_B:-}"); PIDS+=("$(cat "$OUT/pid-b")"); [ -n "$URL_B" ] || exit 1

for x in a b; do
  url=$URL_A; [ $x = b ] && url=$URL_B
  echo "warm-up $x: $(wrk -t2 -c32 -d"${WARMUP_SECONDS}s" -s bench/catalog.lua "$url" | awk '/^Requests\/sec:/ { printf "%.0f req/s", $2 }')"
done

THREADS=$(( CONNECTIONS < 2 ? 1 : 2 ))
round() { # URL -> "req/s p99"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${ROUND_SECONDS}s" --latency -s bench/catalog.lua "$1" >"$OUT/round.txt"
  awk '/^Requests\/sec:/ { rps = $2 } $1 == "99%" { p99 = $2 } END { printf "%.1f %s\n", rps, p99 }' "$OUT/round.txt"
}
RATIOS=()
echo "round | A req/s | A p99 | B req/s | B p99 | B/A"
for r in $(seq 1 "$ROUNDS"); do
  # Alternate which goes first, so that a drift within a round does not always favour one side.
  if [ $((r % 2)) = 1 ]; then read -r A_RPS A_P99 < <(round "$URL_A"); read -r B_RPS B_P99 < <(round "$URL_B")
  else read -r B_RPS B_P99 < <(round "$URL_B"); read -r A_RPS A_P99 < <(round "$URL_A"); fi
  RATIO=$(awk -v a="$A_RPS" -v b="$B_RPS" 'BEGIN { printf "%.3f", b / a }')
  RATIOS+=("$RATIO")
  echo "$r | $A_RPS | $A_P99 | $B_RPS | $B_P99 | $RATIO"
done
printf '%s\n' "${RATIOS[@]}" | sort -n | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
  printf "median B/A over %d rounds: %.3f (lowest %.3f, highest %.3f)\n", NR, m, v[1], v[NR] }'
