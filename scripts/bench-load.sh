#!/usr/bin/env bash
# Counts the instructions of loading and checking generated content (callgrind), split into the
# TOML parser and the validator. Unlike a time, the count is the same on a busy machine, so two
# commits can be compared one after the other:   scripts/bench-load.sh [NODES]   (default 10000)
# Needs valgrind. The time, on two threads: cargo bench --bench content.
set -euo pipefail
cd "$(dirname "$0")/.."
nodes="${1:-10000}"
command -v valgrind >/dev/null || { echo "bench-load: needs valgrind (apt-get install valgrind)"; exit 2; }
# Symbols, not stripped, in a target folder of its own so the release build stays as it is.
export CARGO_TARGET_DIR=target/bench-load CARGO_PROFILE_BENCH_STRIP=false \
  CARGO_PROFILE_BENCH_DEBUG=line-tables-only
cargo build --quiet --profile bench --example load_instructions
out=$(mktemp)
valgrind --tool=callgrind --callgrind-out-file="$out" \
  "$CARGO_TARGET_DIR/release/examples/load_instructions" "$nodes" 2>/dev/null
report=$(callgrind_annotate --inclusive=yes "$out" 2>/dev/null)
# The largest inclusive count of a function (callgrind also lists the parts inlined elsewhere).
count() {
  grep -E ":$1( |\$)" <<<"$report" | awk '{gsub(",", "", $1); if ($1 + 0 > m + 0) m = $1} END {print m}'
}
all=$(count 'aftercare::content::load::check_files')
parse=$(count 'aftercare::content::load::parse_one')
validate=$(count 'aftercare::content::validate::check')
echo "$nodes nodes, instructions (callgrind, one thread):"
printf '  %-28s %12s\n' "load + check (check_files)" "$all" "TOML parser (parse_one)" "$parse" \
  "validator (validate::check)" "$validate"
rm -f "$out"
