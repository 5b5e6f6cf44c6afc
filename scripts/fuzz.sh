#!/usr/bin/env bash
# Runs every fuzz target for a bounded time (default 60 s each) with libFuzzer via cargo-fuzz.
# Needs the nightly toolchain and cargo-fuzz; without them it says so and exits 0, so a stable-only
# machine can still run CI. Seeds are the files the tests already use, copied at run time from
# where they live (data/ and tests/fixtures/), so they never go stale; only the app target's
# input sequences, which nothing else uses, are kept in fuzz/seeds/app.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")/../fuzz"
secs="${1:-60}"; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(content config app)
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz: no nightly toolchain here; skipping (rustup toolchain install nightly to run it)"; exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz: cargo-fuzz is not installed; skipping (cargo install cargo-fuzz to run it)"; exit 0
fi
# The seed files and folders of each target, relative to fuzz/.
seed_sources() {
  case "$1" in
    content) echo ../data/tree.toml ../data/flags.toml ../data/hazards.toml ../data/sources.toml ../data/topics.toml \
                  ../tests/fixtures/starter ../tests/fixtures/valid ../tests/fixtures/invalid \
                  ../tests/fixtures/fuzz ;;
    config) echo ../data/clinic.example.toml ../tests/web/clinic.toml ;;
    app) echo seeds/app ;;
  esac
}
status=0
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  # A fresh folder of copies: libFuzzer reads every file in it once and writes only to corpus/$t.
  # Numbered names, since fixtures in different folders share names.
  seeds=$(mktemp -d)
  n=0
  # shellcheck disable=SC2046 # seed_sources prints space-free paths
  while IFS= read -r -d '' f; do
    n=$((n + 1)); cp "$f" "$seeds/$n-$(basename "$f")"
  done < <(find $(seed_sources "$t") -type f -print0 2>/dev/null)
  echo "== fuzz $t for ${secs}s ($n seeds)"
  log=$(mktemp)
  cargo +nightly fuzz run "$t" "corpus/$t" "$seeds" -- -max_total_time="$secs" -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1
  rc=$?
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+== ERROR|SUMMARY|Done)|panicked at" "$log"
  if [ $rc != 0 ]; then echo "fuzz: $t FOUND A CRASH (exit $rc; see fuzz/artifacts/$t)"; tail -30 "$log"; status=1; fi
  rm -rf "$log" "$seeds"
done
exit $status
