#!/usr/bin/env bash
# Runs every fuzz target for a bounded time (default 60 s each) with libFuzzer via cargo-fuzz.
# Needs the nightly toolchain and cargo-fuzz; without them it says so and exits 0, so a stable-only
# machine can still run CI. Seeds come from fuzz/seeds (the data files and test fixtures).
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
status=0
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  seeds="seeds/$t"; [ -d "$seeds" ] || seeds=""
  echo "== fuzz $t for ${secs}s"
  log=$(mktemp)
  cargo +nightly fuzz run "$t" "corpus/$t" $seeds -- -max_total_time="$secs" -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1
  rc=$?
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+== ERROR|SUMMARY|Done)|panicked at" "$log"
  if [ $rc != 0 ]; then echo "fuzz: $t FOUND A CRASH (exit $rc; see fuzz/artifacts/$t)"; tail -30 "$log"; status=1; fi
  rm -f "$log"
done
exit $status
