#!/usr/bin/env bash
# Lighthouse (npm lighthouse@12, its default mobile mode: emulated phone, simulated slow 4G and CPU)
# against Debian's Chromium, on Sentra's public pages: a Release build published and started on a fresh
# SQLite database with the demo sentra, on a free port, with map tiles from a tiny local tile server so
# that no request leaves this machine. Prints the four category scores per page, keeps the JSON reports
# in bench/results/ and exits non-zero when any score is below MIN_SCORE (95).
#
# Usage: bench/lighthouse.sh [path ...]
#   Without arguments it measures PAGES, and PAGES_IF_PRESENT where they exist. "@product" stands for
#   the first product linked from the sentra home (its featured products, photographed ones first).
#   MIN_SCORE=95, SENTRA_CHROMIUM=/usr/bin/chromium and KEEP_RUNNING=1 (leave Sentra up) are read.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PAGES=(/sentra/pondok-petir @product)
# Pages still being built elsewhere: measured once they answer, else skipped with a note.
PAGES_IF_PRESENT=(/katalog /direktori)
[ $# -gt 0 ] && { PAGES=("$@"); PAGES_IF_PRESENT=(); }

MIN_SCORE=${MIN_SCORE:-95}
CHROMIUM=${SENTRA_CHROMIUM:-/usr/bin/chromium}
TOOLS=bench/.lighthouse          # git-ignored: node_modules of lighthouse@12
APP=bench/out/lighthouse-app     # git-ignored: the published app
RESULTS=bench/results            # git-ignored: one JSON report per page and run
STAMP=$(date -u +%Y%m%dT%H%M%SZ)

[ -x "$CHROMIUM" ] || { echo "Chromium not found at $CHROMIUM (apt-get install chromium)" >&2; exit 2; }
command -v node >/dev/null || { echo "Node.js is needed for Lighthouse (apt-get install nodejs npm)" >&2; exit 2; }
LIGHTHOUSE=$TOOLS/node_modules/.bin/lighthouse
if [ ! -x "$LIGHTHOUSE" ]; then
  echo "Installing lighthouse@12 into $TOOLS (13 needs Node 22) ..."
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error lighthouse@12 >/dev/null
fi
echo "Lighthouse $("$LIGHTHOUSE" --version), $("$CHROMIUM" --version 2>/dev/null | head -1)"

echo "Publishing Sentra (Release) to $APP ..."
dotnet publish src/Sentra.Web -c Release -o "$APP" --nologo -v q -clp:ErrorsOnly >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
WORK=$(mktemp -d /tmp/sentra-lighthouse.XXXXXX)
APP_PID=""; TILES_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$TILES_PID" ] && kill "$TILES_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# Map tiles: one plain 256×256 PNG for every z/x/y, from 127.0.0.1 (this machine reaches no tile server).
TILE_PORT=$(free_port)
python3 - "$TILE_PORT" >"$WORK/tiles.log" 2>&1 <<'PY' &
import http.server, struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
rows = b"".join(b"\x00" + b"\xe8\xee\xe9" * 256 for _ in range(256))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 256, 256, 8, 2, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))
class Tiles(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(png)))
        self.send_header("Cache-Control", "public, max-age=86400")
        self.end_headers()
        self.wfile.write(png)
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Tiles).serve_forever()
PY
TILES_PID=$!

PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
echo "Starting Sentra on $BASE (SQLite in $WORK, demo sentra) ..."
(
  cd "$APP"
  # Not Development (no hot-reload static files, no developer pages) and not Production (which refuses the
  # demo data and the development keys).
  ASPNETCORE_ENVIRONMENT=Benchmark \
  ASPNETCORE_URLS="$BASE" \
  Database__Provider=Sqlite \
  ConnectionStrings__Sentra="Data Source=$WORK/sentra.db" \
  Sentra__Demo__Enabled=true \
  Sentra__Email__Mode=Pickup \
  Sentra__Email__PickupDirectory="$WORK/mail" \
  Sentra__PersonalData__EncryptionKey=ZGV2ZWxvcG1lbnQtb25seS1lbmNyeXB0aW9uLWtleSE= \
  Sentra__PersonalData__HashKey=ZGV2ZWxvcG1lbnQtb25seS1oYXNoLWtleS0wMDAwMDA= \
  Sentra__Map__TileUrl="http://127.0.0.1:$TILE_PORT/{z}/{x}/{y}.png" \
  Sentra__Map__Attribution="Local test tiles" \
  Logging__LogLevel__Default=Warning \
  exec dotnet Sentra.Web.dll
) >"$WORK/sentra.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$BASE/health" && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/sentra.log" >&2; exit 1; }
  sleep 1
done
curl -fs -o /dev/null "$BASE/health" || { echo "Sentra did not start" >&2; cat "$WORK/sentra.log" >&2; exit 1; }

resolve() {
  if [ "$1" = "@product" ]; then
    curl -fs "$BASE/sentra/pondok-petir" | grep -o 'href="/produk/[^"]*"' | head -1 | cut -d'"' -f2
  else
    echo "$1"
  fi
}
URLS=()
for page in "${PAGES[@]}"; do
  path=$(resolve "$page")
  [ -n "$path" ] || { echo "Cannot resolve $page" >&2; exit 1; }
  URLS+=("$path")
done
for page in "${PAGES_IF_PRESENT[@]}"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$page")
  if [ "$status" = 200 ]; then URLS+=("$page"); else echo "Skipping $page (answers $status: not there yet)"; fi
done

mkdir -p "$RESULTS"
# Warm up: the first request of each page pays for Razor compilation and EF Core's first queries.
for path in "${URLS[@]}"; do curl -fs -o /dev/null "$BASE$path"; curl -fs -o /dev/null "$BASE$path"; done

REPORTS=()
for path in "${URLS[@]}"; do
  name=$(echo "$path" | sed 's#^/##; s#[^A-Za-z0-9]#_#g'); name=${name:-home}
  report="$RESULTS/$STAMP-$name.json"
  echo "Lighthouse: $path"
  CHROME_PATH="$CHROMIUM" "$LIGHTHOUSE" "$BASE$path" --quiet \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
    --output=json --output-path="$report"
  REPORTS+=("$report")
done

status=0
node - "$MIN_SCORE" "${REPORTS[@]}" <<'JS' || status=$?
const fs = require('fs');
const [min, ...files] = process.argv.slice(2);
const cats = ['performance', 'accessibility', 'best-practices', 'seo'];
let failed = false;
console.log('\n| page | ' + cats.join(' | ') + ' |');
console.log('|---|' + cats.map(() => '---').join('|') + '|');
for (const file of files) {
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  const scores = cats.map(c => Math.round((r.categories[c]?.score ?? 0) * 100));
  if (scores.some(s => s < Number(min))) failed = true;
  console.log(`| ${new URL(r.finalDisplayedUrl ?? r.finalUrl).pathname} | ${scores.join(' | ')} |`);
  // What cost points: every scored audit below 90, so a low score says why.
  for (const c of cats) {
    for (const ref of r.categories[c].auditRefs.filter(a => a.weight > 0)) {
      const a = r.audits[ref.id];
      if (a.score !== null && a.score < 0.9) console.error(`    ${c}: ${a.id} ${Math.round(a.score * 100)} ${a.displayValue ?? ''} — ${a.title}`);
    }
  }
}
console.log(`\nReports: ${files.join(' ')}`);
if (failed) { console.log(`Some score is below ${min}.`); process.exit(1); }
console.log(`Every score is at least ${min}.`);
JS
if [ "${KEEP_RUNNING:-}" = 1 ]; then echo "Sentra stays up at $BASE (Ctrl-C to stop)"; wait "$APP_PID"; fi
exit $status
