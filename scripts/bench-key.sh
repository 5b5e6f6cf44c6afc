#!/usr/bin/env bash
# Counts the work of cold keys at 80x24 (callgrind with its cache simulator): instructions, and
# first-level data (D1) and last-level (LL) misses, of what the terminal runner does for a key
# (update, render, diff, the bytes written), each key after the caches were flushed; first up to
# the write (where the first byte would reach the terminal), then in all. Unlike a time, the
# counts are the same on a busy machine, so two commits can be compared one after the other:
#   scripts/bench-key.sh [KEYS]   (default 50)
# Needs valgrind. Times: cargo bench --bench render (key_to_bytes).
set -euo pipefail
cd "$(dirname "$0")/.."
keys="${1:-50}"
command -v valgrind >/dev/null || { echo "bench-key: needs valgrind (apt-get install valgrind)"; exit 2; }
# Symbols, not stripped, in the target folder bench-load.sh uses, so the release build stays.
export CARGO_TARGET_DIR=target/bench-load CARGO_PROFILE_BENCH_STRIP=false \
  CARGO_PROFILE_BENCH_DEBUG=line-tables-only
cargo build --quiet --profile bench --example key_instructions
bin="$CARGO_TARGET_DIR/release/examples/key_instructions"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# A fixed cache (32 KiB first level, 8 MiB last level): valgrind reads the host's, and a virtual
# machine may report anything (this one: a direct-mapped 256 MiB last level).
grind() {
  valgrind --tool=callgrind --cache-sim=yes --I1=32768,8,64 --D1=32768,8,64 \
    --LL=8388608,16,64 --callgrind-out-file="$dir/out" "$@" >/dev/null 2>&1
}
# Sums the summaries (events: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw) of the files given.
sum() {
  awk '/^summary:/ { ir += $2; d1 += $6 + $7; ll += $9 + $10; i1 += $5 }
    END { printf "%12d %10d %10d %8d\n", ir, d1, ll, i1 }' "$@"
}
echo "$keys cold keys at 80x24, callgrind --cache-sim=yes:"
printf '  %-22s %12s %10s %10s %8s\n' "" Ir "D1 misses" "LL misses" "I1mr"
for screen in welcome question; do
  # Up to the write: a dump as each key starts and as its bytes are written.
  grind --dump-before='key_instructions::Pty::written' \
    --dump-before='key_instructions::one_key' "$bin" "$screen" "$keys"
  # The first write is the first frame's, before the keys.
  mapfile -t before < <(grep -l 'Trigger: --dump-before=key_instructions::Pty::written' \
    "$dir"/out.* | grep -v '/out\.1$' || true)
  # A key that writes nothing has no dump of its own: its work would count in the next key's.
  if [ "${#before[@]}" -ne "$keys" ]; then
    echo "bench-key: only ${#before[@]} of $keys keys wrote something on $screen" >&2
    exit 1
  fi
  printf '  %-22s %s\n' "$screen, until the write" "$(sum "${before[@]}")"
  rm -f "$dir"/out*
  grind --toggle-collect='key_instructions::one_key' "$bin" "$screen" "$keys"
  printf '  %-22s %s\n' "$screen, in all" "$(sum "$dir/out")"
  rm -f "$dir"/out*
done
