#!/usr/bin/env bash
# The browser kiosk end to end: builds the page (scripts/build-web.sh) with the test clinic
# config and the default content as files beside it, serves it on 127.0.0.1, and drives Debian's
# headless Chromium through a full triage by taps and keys, the idle privacy reset, a resize and a
# refused clinic file (tests/web/e2e.mjs), then double taps and near-miss taps on the first safety
# screen (tests/web/taps.mjs), then its accessibility (tests/web/a11y.mjs: axe-core at six sizes and zooms, reflow,
# button sizes, a keyboard-only walk, focus, the live region), then the README's browser example
# as written (scripts/test-web-readme.sh). Installs Chromium, playwright-core and axe-core if
# missing.
#
#   scripts/test-web.sh [--screenshot docs/web-outcome.png] [--shots docs]
#
# --shots DIR also writes screenshots of the first safety question and an outcome at phone,
# tablet and desktop size and at 400 % zoom into DIR (tests/web/shots.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."

shot=
shots=
while [ $# -gt 0 ]; do
  case "$1" in
    --screenshot) shot=$(realpath -m "$2"); shift 2 ;;
    --shots) shots=$(realpath -m "$2"); shift 2 ;;
    *) echo "usage: scripts/test-web.sh [--screenshot FILE.png] [--shots DIR]" >&2; exit 2 ;;
  esac
done

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Debian's Chromium"
  (apt-get install -y -qq chromium || (apt-get update -qq && apt-get install -y -qq chromium)) >/dev/null
fi
if [ ! -d tests/web/node_modules/playwright-core ] || [ ! -d tests/web/node_modules/jsqr ] || [ ! -d tests/web/node_modules/pngjs ] || [ ! -d tests/web/node_modules/axe-core ]; then
  echo "== installing playwright-core (its own browser download is not used), jsqr, pngjs and axe-core"
  (cd tests/web && npm ci --no-audit --no-fund --silent)
fi

out=target/web-e2e
scripts/build-web.sh --out "$out" --config tests/web/clinic.toml --content data

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$out" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

echo "== the page in headless Chromium"
WEB_DIST=$out node tests/web/e2e.mjs "http://127.0.0.1:$port/" ${shot:+"$shot"}
echo "== double taps and near-miss taps on the first safety screen"
node tests/web/taps.mjs "http://127.0.0.1:$port/"
echo "== accessibility: axe-core, keyboard only, accessible text, tap target sizes"
node tests/web/a11y.mjs "http://127.0.0.1:$port/"
echo "== nothing of the last person in the page's memory after the reset"
node tests/web/memory.mjs "http://127.0.0.1:$port/"
if [ -n "$shots" ]; then
  echo "== screenshots into $shots"
  node tests/web/shots.mjs "http://127.0.0.1:$port/" "$shots"
fi
echo "== the README's browser example, as written (scripts/test-web-readme.sh)"
scripts/test-web-readme.sh
