#!/usr/bin/env bash
# Runs the fuzz targets with libFuzzer via cargo-fuzz. Needs the nightly toolchain and cargo-fuzz;
# without them it says so and exits 0, so a stable-only machine can still run CI.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]             each target for SECONDS (default 60)
#   scripts/fuzz.sh --campaign [SECONDS] [TARGET...]  a long campaign (default 3600 s a target)
#
# Every run starts from the seeds (copied at run time from where they live, so they never go
# stale) and from the corpus kept in the repository, fuzz/kept/TARGET (what earlier campaigns
# found, minimised). A short run writes only to fuzz/corpus/TARGET (not in git). A campaign
# then merges what it found into fuzz/kept/TARGET, keeping only inputs that add coverage
# (libFuzzer's -merge=1), so the kept corpus grows by what is new and stays small: commit it
# (`git add fuzz/kept && git commit`) and every later run, CI's included, starts from there.
#
# Seeds: the app target's input sequences (fuzz/seeds/app); the config target's example and web
# configs and every config fixture; the content target's fixtures (a few KB each) and the shipped
# content files cut at their tables into pieces of at most 4 KB, plus the shipped files joined as
# one seed. Content inputs are at most 8 KB (-max_len, and the target skips longer ones): a few
# tables reach every rule, and one 100 KB input costs as much as fifty small ones (the target ran
# 98 inputs a second on the whole files as seeds, against thousands on small ones).
set -uo pipefail
cd "$(dirname "$0")/../fuzz"
campaign=0
if [ "${1:-}" = "--campaign" ]; then campaign=1; shift; fi
secs="${1:-$([ $campaign = 1 ] && echo 3600 || echo 60)}"; shift || true
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
    content) echo ../tests/fixtures/starter ../tests/fixtures/valid ../tests/fixtures/invalid \
                  ../tests/fixtures/fuzz ;;
    config) echo ../data/clinic.example.toml ../tests/web/clinic.toml ../tests/fixtures/config ;;
    app) echo seeds/app ;;
  esac
}
# libFuzzer options of each target.
target_args() {
  case "$1" in
    content) echo -max_len=8192 ;;
    # About 64 inputs of 2 to 6 bytes (the target stops after 64).
    app) echo -max_len=256 ;;
  esac
}
# cargo-fuzz options of each target. The app target runs without AddressSanitizer: it reaches
# aftercare (which forbids unsafe code) and ratatui-core (which has none), loads its content once
# at start, and ASan tripled the cost of every frame it draws. The content and config targets
# keep it: their parsers (toml-spanner's arena) use unsafe code. Its own target folder, so the
# two builds do not undo each other. FUZZ_SANITIZER=address puts the app target under ASan too.
build_args() {
  case "$1" in
    app) [ "${FUZZ_SANITIZER:-none}" = none ] && echo -s none --target-dir target-noasan ;;
  esac
}
# Cuts each shipped content file at its top-level tables into seeds of at most 4 KB (a table
# longer than that is a seed of its own), into folder $1; and joins them all as one seed.
cut_content() {
  local out=$1 f
  for f in ../data/tree.toml ../data/flags.toml ../data/hazards.toml ../data/sources.toml ../data/topics.toml; do
    awk -v out="$out/$(basename "$f" .toml)" '
      function flush() { if (buf != "") { n++; printf "%s", buf > (out "-" n ".toml"); close(out "-" n ".toml"); buf = "" } }
      /^\[/ { if (length(buf) + length(table) > 4096) flush(); buf = buf table; table = "" }
      { table = table $0 "\n" }
      END { if (length(buf) + length(table) > 4096) flush(); buf = buf table; flush() }
    ' "$f"
  done
  cat ../data/tree.toml ../data/flags.toml ../data/hazards.toml ../data/sources.toml ../data/topics.toml >"$out/data-all.toml"
}
status=0
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "kept/$t"
  # A fresh folder of copies: libFuzzer reads every file in it once and writes only to the
  # first corpus folder. Numbered names, since fixtures in different folders share names.
  seeds=$(mktemp -d)
  n=0
  # shellcheck disable=SC2046 # seed_sources prints space-free paths
  while IFS= read -r -d '' f; do
    n=$((n + 1)); cp "$f" "$seeds/$n-$(basename "$f")"
  done < <(find $(seed_sources "$t") -type f -print0 2>/dev/null)
  [ "$t" = content ] && cut_content "$seeds"
  n=$(find "$seeds" -type f | wc -l); k=$(find "kept/$t" -type f | wc -l)
  echo "== fuzz $t for ${secs}s ($n seeds, $k kept)"
  log=$(mktemp)
  # shellcheck disable=SC2046 # target_args and build_args print space-free options
  cargo +nightly fuzz run $(build_args "$t") "$t" "corpus/$t" "kept/$t" "$seeds" -- -max_total_time="$secs" -rss_limit_mb=2048 \
    -print_final_stats=1 $(target_args "$t") >"$log" 2>&1
  rc=$?
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+== ERROR|SUMMARY|Done)|panicked at" "$log"
  units=$(grep -o "stat::number_of_executed_units: [0-9]*" "$log" | grep -o "[0-9]*$")
  [ -n "$units" ] && echo "fuzz: $t ran $((units / secs)) inputs a second"
  if [ $rc != 0 ]; then echo "fuzz: $t FOUND A CRASH (exit $rc; see fuzz/artifacts/$t)"; tail -30 "$log"; status=1; fi
  if [ $campaign = 1 ] && [ $rc = 0 ]; then
    # Keep what adds coverage: merge the kept corpus and everything this run found into a fresh
    # folder, which replaces the kept one.
    merged=$(mktemp -d)
    # shellcheck disable=SC2046
    cargo +nightly fuzz run $(build_args "$t") "$t" "$merged" "kept/$t" "corpus/$t" -- -merge=1 $(target_args "$t") >"$log" 2>&1 &&
      rm -rf "kept/$t" && mkdir -p "kept/$t" && cp "$merged"/* "kept/$t"/ 2>/dev/null
    echo "fuzz: kept/$t now holds $(find "kept/$t" -type f | wc -l) inputs; commit fuzz/kept to keep them"
    rm -rf "$merged"
  fi
  rm -rf "$log" "$seeds"
done
exit $status
