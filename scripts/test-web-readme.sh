#!/usr/bin/env bash
# The README's browser example ("Browser kiosks", its ```sh block), run as written from the
# repository's root: the first line builds dist/ with the example clinic config and the content,
# the second serves it with Python's http.server, and the third's kiosk browser is Chromium,
# headless, with --kiosk, on that server (tests/web/readme.mjs: the welcome screen, the clinic's
# numbers, no page error). Two changes, said here: the port is a free one rather than 8080 (a
# shared machine may have 8080 taken), and the third line's address is the local server's.
# Run by scripts/test-web.sh (and so by .ci/run's browser step); needs what that script installs.
set -euo pipefail
cd "$(dirname "$0")/.."
block=$(awk '/^## Browser kiosks/ {s = 1} s && /^```sh$/ {b = 1; next} b && /^```$/ {exit} b' README.md)
[ "$(wc -l <<<"$block")" -eq 3 ] || { echo "FAIL the README's browser example is not 3 lines:"; echo "$block"; exit 1; }
build=$(sed -n 1p <<<"$block")
serve=$(sed -n 2p <<<"$block")
kiosk=$(sed -n 3p <<<"$block")
case "$build $serve $kiosk" in
  "scripts/build-web.sh "*"python3 -m http.server 8080 --directory dist"*"chromium --kiosk "*) ;;
  *) echo "FAIL the README's browser example changed shape; update scripts/test-web-readme.sh:"; echo "$block"; exit 1 ;;
esac
echo "\$ $build"
eval "$build"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
serve=${serve/ 8080 / $port }
echo "\$ $serve"
eval "exec $serve" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
echo "\$ ${kiosk%%#*}(headless, on http://localhost:$port/)"
node tests/web/readme.mjs "http://localhost:$port/"
