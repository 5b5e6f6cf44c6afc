#!/usr/bin/env bash
# Builds the browser kiosk into a folder of static files (default dist/): index.html, the
# wasm-bindgen glue and the .wasm (the page uses the system's fonts). Serve the folder with any static web
# server and point the kiosk browser at it; nothing is fetched from anywhere else.
#
#   scripts/build-web.sh [--out DIR] [--config clinic.toml] [--content DIR] [--sizes FILE]
#
# --sizes FILE also writes the page's sizes, with the date, the machine and the tools, to FILE:
# docs/web-size.md, which the README and docs/web.md quote, is made with --sizes docs/web-size.md.
#
# --config and --content are checked with `aftercare check` first (the page checks them again
# when it loads) and copied beside the page: clinic.toml and content/ with content/files.txt
# (and content/signoff.toml, not listed there, if the folder is signed: see docs/clinic-review.md),
# the content's translation (content/es/*.toml) with it.
# Without them the page uses the defaults compiled in. Staff may also edit the copies in place
# and reload the page.
set -euo pipefail

# Paths are the caller's, taken before moving to the repository's root.
abs() { realpath -m -- "$1"; }
out=
config=
content=
sizes=
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$(abs "$2"); shift 2 ;;
    --config) config=$(abs "$2"); shift 2 ;;
    --content) content=$(abs "$2"); shift 2 ;;
    --sizes) sizes=$(abs "$2"); shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
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

# The native tools: `aftercare check`, and `aftercare-web-pack`, which writes the verdict on the
# clinic's files beside the page (built together: their two link steps run side by side).
cargo build --release --quiet --bin aftercare --bin aftercare-web-pack
if [ -n "$config$content" ]; then
  echo "== checking the clinic's files"
  args=()
  [ -n "$content" ] && args+=("$content")
  [ -n "$config" ] && args+=(--config "$config")
  target/release/aftercare check "${args[@]}"
fi

echo "== building the page (profile web: size-optimised)"
cargo build --quiet --profile web --target "$target" --no-default-features --features web --bin aftercare-web --bin aftercare-web-check
wasm=target/$target/web/aftercare-web.wasm
# The checker: loaded by the page only for clinic files it has no verdict for (src/web_pack.rs).
check_wasm=target/$target/web/aftercare-web-check.wasm

rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section --out-dir "$out" --out-name aftercare "$wasm"
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section --out-dir "$out" --out-name check "$check_wasm"
cp web/index.html web/boot.js web/sw.js "$out/"
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
      # The sign-off record goes beside the content, never in the list of content files.
      [ "$(basename "$f")" = signoff.toml ] && continue
      basename "$f" >>"$out/content/files.txt"
    done
    # A translation (es/*.toml, as `aftercare check` reads it: the languages of src/i18n.rs but
    # English) goes in a folder of its own, listed after the original as es/NAME.toml: the page
    # checks it with the original and against it, and speaks it.
    for lang in es; do
      [ -d "$content/$lang" ] || continue
      for f in "$content/$lang"/*.toml; do
        [ -e "$f" ] || continue
        case "$f" in *.example.toml) continue ;; esac
        mkdir -p "$out/content/$lang"
        cp "$f" "$out/content/$lang/"
        echo "$lang/$(basename "$f")" >>"$out/content/files.txt"
      done
    done
  else
    cp "$content" "$out/content/"
    basename "$content" >"$out/content/files.txt"
  fi
fi

# The verdict on the files just put beside the page (the same check as `aftercare check`), so the
# page runs on them without loading its checker: checked-SHA256.bin (src/web_pack.rs).
echo "== the verdict on the clinic's files, for the page"
target/release/aftercare-web-pack "$out" >/dev/null

echo "== $out/"
table=$(cd "$out" && {
  echo "| file | bytes | gzipped (gzip -9) |"
  echo "|---|---|---|"
  for f in aftercare_bg.wasm aftercare.js index.html boot.js sw.js check_bg.wasm check.js; do
    printf '| %s | %d | %d |\n' "$f" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)"
  done
})
echo "$table"
# The page: the wasm, its glue, the HTML (with its CSS), boot.js and sw.js.
total=$(cd "$out" && cat aftercare_bg.wasm aftercare.js index.html boot.js sw.js | gzip -9c | wc -c)
echo "page: $total bytes gzipped"
# The checker, apart: the page loads it only for clinic files it has no verdict for.
checker=$(cd "$out" && cat check_bg.wasm check.js | gzip -9c | wc -c)
echo "checker (loaded only for files without a verdict): $checker bytes gzipped"
if [ -n "$sizes" ]; then
  {
    echo "<!-- generated by scripts/build-web.sh --sizes; do not edit by hand -->"
    echo "Built on $(date -u '+%Y-%m-%d %H:%M UTC') by \`scripts/build-web.sh --sizes docs/web-size.md\`"
    echo "(profile \`web\`: \`opt-level = \"z\"\`, LTO, one codegen unit) with $(rustc --version | cut -d' ' -f1-2),"
    echo "$(wasm-bindgen --version), on $(nproc) cores, $(uname -sr)."
    echo
    echo "Page: **$total bytes gzipped** (about $(( (total + 500) / 1000 )) KB), the five files"
    echo "(wasm, JS, HTML with its CSS, boot.js, sw.js) gzipped together; it ships no font."
    echo
    echo "The checker: **$checker bytes gzipped** (check_bg.wasm and check.js gzipped together),"
    echo "loaded by the page only for clinic files it has no verdict for (docs/web.md, \"The page's weight\")."
    echo
    echo "$table"
  } >"$sizes"
  echo "wrote $sizes"
fi
