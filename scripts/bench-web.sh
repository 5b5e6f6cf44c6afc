#!/usr/bin/env bash
# Idle cost of the browser kiosk: builds the page with the default 90 s idle timeout, serves it on
# 127.0.0.1 and reads Chromium's renderer CPU time over SECONDS of idleness (tests/web/idle.mjs).
#   scripts/bench-web.sh [SECONDS]      (default 30; keep it under the 90 s idle timeout)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
[ -d tests/web/node_modules/playwright-core ] || (cd tests/web && npm ci --no-audit --no-fund --silent)
out=target/web-bench
scripts/build-web.sh --out "$out" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$out" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 0.5
( cd "$out" && printf 'page: %s bytes gzipped (wasm %s, js %s, html %s); font %s gzipped\n' \
    "$(cat aftercare_bg.wasm aftercare.js index.html boot.js sw.js | gzip -9c | wc -c)" \
    "$(gzip -9c aftercare_bg.wasm | wc -c)" "$(gzip -9c aftercare.js | wc -c)" \
    "$(gzip -9c index.html | wc -c)" "$(gzip -9c fonts/DejaVuSansMono.ttf | wc -c)" )
CLK_TCK=$(getconf CLK_TCK) node tests/web/idle.mjs "http://127.0.0.1:$port/" "$secs"
