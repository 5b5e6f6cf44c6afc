#!/usr/bin/env bash
# Builds the browser kiosk into a folder of static files (default dist/): index.html, the
# wasm-bindgen glue, the .wasm, and a local monospace font. Serve the folder with any static web
# server and point the kiosk browser at it; nothing is fetched from anywhere else.
#
#   scripts/build-web.sh [--out DIR] [--config clinic.toml] [--content DIR]
#
# --config and --content are checked with `aftercare check` first (the page checks them again
# when it loads) and copied beside the page: clinic.toml and content/ with content/files.txt.
# Without them the page uses the defaults compiled in. Staff may also edit the copies in place
# and reload the page.
set -euo pipefail

# Paths are the caller's, taken before moving to the repository's root.
abs() { realpath -m -- "$1"; }
out=
config=
content=
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$(abs "$2"); shift 2 ;;
    --config) config=$(abs "$2"); shift 2 ;;
    --content) content=$(abs "$2"); shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "build-web.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
out=${out:-$PWD/dist}
# The folder is emptied first: only ever one that is empty, absent, or an earlier build.
if [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null)" ] && [ ! -e "$out/.aftercare-web" ]; then
  echo "build-web.sh: $out is not empty and is not an earlier build; choose another --out" >&2
  exit 2
fi

target=wasm32-unknown-unknown
rustup target add "$target" >/dev/null 2>&1 || true

# wasm-bindgen's command must match the library version in Cargo.lock exactly.
want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  echo "== installing wasm-bindgen-cli $want (was: ${have:-none}); about 3 minutes on 2 cores"
  # --locked fails on this kind of machine (a pinned dependency is not served): install unlocked.
  cargo install wasm-bindgen-cli --version "$want" --quiet
fi

font=/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf
if [ ! -f "$font" ]; then
  echo "== installing the DejaVu fonts (Debian: fonts-dejavu-core)"
  (apt-get install -y -qq fonts-dejavu-core || (apt-get update -qq && apt-get install -y -qq fonts-dejavu-core)) >/dev/null
fi

if [ -n "$config$content" ]; then
  echo "== checking the clinic's files"
  args=()
  [ -n "$content" ] && args+=("$content")
  [ -n "$config" ] && args+=(--config "$config")
  cargo run --release --quiet -- check "${args[@]}"
fi

echo "== building the page (profile web: size-optimised)"
cargo build --quiet --profile web --target "$target" --no-default-features --features web --bin aftercare-web
wasm=target/$target/web/aftercare-web.wasm

rm -rf "$out"
mkdir -p "$out/fonts"
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section --out-dir "$out" --out-name aftercare "$wasm"
cp web/index.html web/boot.js web/sw.js "$out/"
cp "$font" "$out/fonts/DejaVuSansMono.ttf"
if ! cp /usr/share/doc/fonts-dejavu-core/copyright "$out/fonts/LICENSE-DejaVu.txt" 2>/dev/null; then
  echo "build-web.sh: warning: the DejaVu licence was not found; add it to $out/fonts/ before publishing" >&2
fi
echo "built by scripts/build-web.sh; this folder is replaced on the next build" >"$out/.aftercare-web"
if [ -n "$config" ]; then
  cp "$config" "$out/clinic.toml"
fi
if [ -n "$content" ]; then
  mkdir -p "$out/content"
  if [ -d "$content" ]; then
    for f in "$content"/*.toml; do
      case "$f" in *.example.toml) continue ;; esac
      cp "$f" "$out/content/"
      basename "$f" >>"$out/content/files.txt"
    done
  else
    cp "$content" "$out/content/"
    basename "$content" >"$out/content/files.txt"
  fi
fi

echo "== $out/"
( cd "$out" && for f in aftercare_bg.wasm aftercare.js index.html fonts/DejaVuSansMono.ttf; do
    printf '%-28s %8d bytes, %8d gzipped\n' "$f" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)"
  done )
total=$(cd "$out" && cat aftercare_bg.wasm aftercare.js index.html | gzip -9c | wc -c)
echo "page without the font: $total bytes gzipped"
