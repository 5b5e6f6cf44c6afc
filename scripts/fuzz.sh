#!/usr/bin/env bash
# Runs the fuzz targets with libFuzzer via cargo-fuzz. Needs the nightly toolchain and cargo-fuzz;
# without them it says so and exits 0, so a stable-only machine can still run CI.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]             each target for SECONDS (default 60)
#   scripts/fuzz.sh --campaign [SECONDS] [TARGET...]  a long campaign (default 3600 s a target)
#
# Targets (all four when none is named, one after the other, never two at once): content (a
# content file checked as `aftercare check` does), quick_parse (the quick parse against `toml`),
# config (a clinic.toml) and app (input sequences into a normal app and a kiosk).
#
# Every run starts from the seeds (copied at run time from where they live, so they never go
# stale) and from the corpus kept in the repository, fuzz/kept/TARGET (what earlier campaigns
# found, minimised). A short run writes only to fuzz/corpus/TARGET (not in git). A campaign
# then merges what it found into fuzz/kept/TARGET, keeping only inputs that reach code the seeds
# and the other kept inputs do not (libFuzzer's -merge=1), so the kept corpus grows by what is
# new and stays small: commit it (`git add fuzz/kept && git commit`) and every later run, CI's
# included, starts from there.
#
# Seeds: the app target's input sequences (fuzz/seeds/app); the config target's example and web
# configs and every config fixture; the content and quick_parse targets' fixtures (a few KB each)
# and the shipped content files cut at their tables into pieces of at most the target's -max_len
# (2 KB for content, 4 KB for quick_parse; a table longer than that is a seed of its own, which
# libFuzzer cuts to -max_len as it reads it). An input costs the content target more than its
# length (a broken file is parsed again after each slip; each unresolved name is compared with
# every id), so small ones are where the runs are (docs/robustness.md has the rates).
#
# Sanitizers: config and quick_parse run under AddressSanitizer: the parsers use unsafe code
# (toml-spanner's arena above all), and those two targets put them to work on their own. content
# and app run without it: the code they add is aftercare's (which forbids unsafe code) and
# ratatui's, and ASan made them 3-4 times slower. FUZZ_SANITIZER=address (or none) sets it for
# every target. The app target is also built without libFuzzer's comparison tracing (half of
# perf's samples; a fixed corpus ran 3x faster without it; its inputs are decoded from bytes, not
# compared with words, and a 30 s run reached as much code without it); FUZZ_TRACE_COMPARES=1
# puts it back. Each set of build flags has its own target folder (fuzz/target,
# fuzz/target-noasan, ...), so builds do not undo each other.
set -uo pipefail
cd "$(dirname "$0")/../fuzz"
campaign=0
if [ "${1:-}" = "--campaign" ]; then campaign=1; shift; fi
secs="${1:-$([ $campaign = 1 ] && echo 3600 || echo 60)}"; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(content quick_parse config app)
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz: no nightly toolchain here; skipping (rustup toolchain install nightly to run it)"; exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz: cargo-fuzz is not installed; skipping (cargo install cargo-fuzz to run it)"; exit 0
fi
# The seed files and folders of each target, relative to fuzz/.
seed_sources() {
  case "$1" in
    content | quick_parse) echo ../tests/fixtures/starter ../tests/fixtures/valid \
                  ../tests/fixtures/invalid ../tests/fixtures/fuzz ;;
    config) echo ../data/clinic.example.toml ../tests/web/clinic.toml ../tests/fixtures/config ;;
    app) echo seeds/app ;;
  esac
}
# The longest input of each target (-max_len; the content targets also skip longer ones).
max_len() {
  case "$1" in
    content) echo 2048 ;;
    quick_parse) echo 4096 ;;
    # About 64 inputs of 2 to 6 bytes (the target stops after 64).
    app) echo 256 ;;
  esac
}
# libFuzzer options of each target.
target_args() {
  local n; n=$(max_len "$1")
  [ -n "$n" ] && echo "-max_len=$n"
}
# cargo-fuzz options of each target: its sanitizer, whether comparisons are traced, and the
# target folder of that set of flags (see the notes at the top).
build_args() {
  local san tc=1 dir
  case "$1" in
    content) san=${FUZZ_SANITIZER:-none} ;;
    app) san=${FUZZ_SANITIZER:-none}; tc=${FUZZ_TRACE_COMPARES:-0} ;;
    *) san=${FUZZ_SANITIZER:-address} ;;
  esac
  # An older cargo-fuzz without the option traces comparisons, as before.
  if [ "$tc" = 0 ] && [[ "$(cargo +nightly fuzz build --help 2>/dev/null)" != *--no-trace-compares* ]]; then
    tc=1
  fi
  case "$san" in
    address) dir=target ;;
    none) dir=target-noasan ;;
    *) dir=target-$san ;;
  esac
  if [ "$tc" = 0 ]; then dir=$dir-notc; echo --no-trace-compares; fi
  echo "-s $san --target-dir $dir"
}
# Cuts each shipped content file at its top-level tables into seeds of at most $2 bytes (a table
# longer than that is a seed of its own), into folder $1.
cut_content() {
  local out=$1 max=$2 f
  for f in ../data/tree.toml ../data/flags.toml ../data/hazards.toml ../data/sources.toml ../data/topics.toml; do
    awk -v out="$out/$(basename "$f" .toml)" -v max="$max" '
      function flush() { if (buf != "") { n++; printf "%s", buf > (out "-" n ".toml"); close(out "-" n ".toml"); buf = "" } }
      /^\[/ { if (length(buf) + length(table) > max) flush(); buf = buf table; table = "" }
      { table = table $0 "\n" }
      END { if (length(buf) + length(table) > max) flush(); buf = buf table; flush() }
    ' "$f"
  done
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
  case "$t" in content | quick_parse) cut_content "$seeds" "$(max_len "$t")" ;; esac
  n=$(find "$seeds" -type f | wc -l); k=$(find "kept/$t" -type f | wc -l)
  echo "== fuzz $t for ${secs}s ($n seeds, $k kept)"
  log=$(mktemp)
  # shellcheck disable=SC2046 # target_args and build_args print space-free options
  cargo +nightly fuzz run $(build_args "$t") "$t" "corpus/$t" "kept/$t" "$seeds" -- -max_total_time="$secs" -rss_limit_mb=2048 \
    -print_final_stats=1 $(target_args "$t") >"$log" 2>&1
  rc=$?
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+== ERROR|SUMMARY|Done)|panicked at" "$log"
  # The rate over the whole run, reading the corpus included: -max_total_time does not cut that
  # short, so a big local corpus/TARGET makes a run longer than asked (and its rate lower).
  runs= took=
  read -r runs took < <(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 \2/p' "$log")
  [ -n "${runs:-}" ] && echo "fuzz: $t ran $((runs / (took > 0 ? took : 1))) inputs a second ($runs in $took s)"
  if [ $rc != 0 ]; then echo "fuzz: $t FOUND A CRASH (exit $rc; see fuzz/artifacts/$t)"; tail -30 "$log"; status=1; fi
  if [ $campaign = 1 ] && [ $rc = 0 ]; then
    # Keep what adds code: merge the kept corpus and everything this run found into a fresh
    # folder that already holds the seeds (every run starts from them anyway), counting code
    # reached, not how often (-use_counters=0); what is left besides the seeds replaces the kept
    # folder. Counting how often too kept six times as much (5.8 MB after an 11-minute
    # campaign); the full corpus stays in fuzz/corpus/TARGET, where later runs here start.
    merged=$(mktemp -d)
    cp "$seeds"/* "$merged"/
    # shellcheck disable=SC2046
    if cargo +nightly fuzz run $(build_args "$t") "$t" "$merged" "kept/$t" "corpus/$t" -- -merge=1 \
      -use_counters=0 $(target_args "$t") >"$log" 2>&1; then
      for f in "$seeds"/*; do rm -f "$merged/$(basename "$f")"; done
      rm -rf "kept/$t" && mkdir -p "kept/$t" && cp "$merged"/* "kept/$t"/ 2>/dev/null
    fi
    echo "fuzz: kept/$t now holds $(find "kept/$t" -type f | wc -l) inputs ($(du -sk "kept/$t" | cut -f1) KB on disk); commit fuzz/kept to keep them"
    rm -rf "$merged"
  fi
  rm -rf "$log" "$seeds"
done
exit $status
