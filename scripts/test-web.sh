#!/usr/bin/env bash
# The browser kiosk end to end: builds the page (scripts/build-web.sh) with the test clinic
# config and the default content as files beside it, serves it on 127.0.0.1, and drives Debian's
# headless Chromium through a full triage by taps and keys, the idle privacy reset, a resize and a
# refused clinic file, then the same in Spanish (the welcome screen's switch, a walk by taps, the
# reset back to the clinic's language, a clinic whose language is Spanish; tests/web/e2e.mjs),
# then content sign-off (tests/web/signoff.mjs, on a copy
# of the page whose clinic.toml requires sign-off and whose content `aftercare sign` signed), then double taps and near-miss taps on the first safety
# screen (tests/web/taps.mjs), then its accessibility (tests/web/a11y.mjs: axe-core at six sizes and zooms in English and Spanish, lang, reflow,
# button sizes, a keyboard-only walk, focus, the live region), then the README's browser example
# as written (scripts/test-web-readme.sh). Installs Chromium, playwright-core and axe-core if
# missing.
#
#   scripts/test-web.sh [--screenshot docs/web-outcome.png] [--shots docs] [--only NAME]
#
# --only NAME runs only tests/web/NAME.mjs (e2e, signoff, taps, a11y, memory; readme for the
# README's example), after the same build.
#
# --shots DIR also writes screenshots of the first safety question and an outcome at phone,
# tablet and desktop size and at 400 % zoom, and the two in Spanish on the phone, into DIR
# (tests/web/shots.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."

shot=
shots=
only=
while [ $# -gt 0 ]; do
  case "$1" in
    --screenshot) shot=$(realpath -m "$2"); shift 2 ;;
    --shots) shots=$(realpath -m "$2"); shift 2 ;;
    --only) only=$2; shift 2 ;;
    *) echo "usage: scripts/test-web.sh [--screenshot FILE.png] [--shots DIR] [--only NAME]" >&2; exit 2 ;;
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

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_port() {
  for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return
    sleep 0.1
  done
}
run() { [ -z "$only" ] || [ "$only" = "$1" ]; }

port=$(free_port)
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$out" >/dev/null 2>&1 &
server=$!
signed_server=
trap 'kill $server $signed_server 2>/dev/null || true' EXIT
wait_port "$port"

if run e2e; then
  echo "== the page in headless Chromium"
  WEB_DIST=$out node tests/web/e2e.mjs "http://127.0.0.1:$port/" ${shot:+"$shot"}
fi
if run signoff; then
  # The same page with `require_signoff = true` (a top-level key: before the first table) and its
  # content signed by the real binary, on a port of its own (its own origin: its own last good copy).
  signed=target/web-signoff
  rm -rf "$signed"
  cp -r "$out" "$signed"
  { echo 'require_signoff = true'; cat tests/web/clinic.toml; } >"$signed/clinic.toml"
  target/release/aftercare sign --by "Test Clinician" "$signed/content" >/dev/null
  signed_port=$(free_port)
  python3 -m http.server "$signed_port" --bind 127.0.0.1 --directory "$signed" >/dev/null 2>&1 &
  signed_server=$!
  wait_port "$signed_port"
  echo "== content sign-off: require_signoff, an unsigned edit on the server, signed again"
  WEB_DIST=$signed AFTERCARE=target/release/aftercare node tests/web/signoff.mjs "http://127.0.0.1:$signed_port/"
fi
if run taps; then
  echo "== double taps and near-miss taps on the first safety screen"
  node tests/web/taps.mjs "http://127.0.0.1:$port/"
fi
if run a11y; then
  echo "== accessibility: axe-core, keyboard only, accessible text, tap target sizes"
  node tests/web/a11y.mjs "http://127.0.0.1:$port/"
fi
if run memory; then
  echo "== nothing of the last person in the page's memory after the reset"
  node tests/web/memory.mjs "http://127.0.0.1:$port/"
fi
if [ -n "$shots" ]; then
  echo "== screenshots into $shots"
  node tests/web/shots.mjs "http://127.0.0.1:$port/" "$shots"
fi
if run readme; then
  echo "== the README's browser example, as written (scripts/test-web-readme.sh)"
  scripts/test-web-readme.sh
fi
