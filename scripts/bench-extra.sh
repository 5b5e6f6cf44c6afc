#!/usr/bin/env bash
# The measurements scripts/bench-tui.sh does not take, with ../shared/tools/tui_probe.py on the
# release binary at 80x24: how fast Esc and Back react; a kiosk idle for 60 s on the welcome
# screen; a kiosk idle for 60 s with a session in progress (idle timeout 20 s, countdown 15 s,
# so the countdown ticks and the privacy reset happen inside the minute); and whether the
# terminal is restored after every way out. Prints one line per figure; raw JSON in $out.
#   scripts/bench-extra.sh [RUNS]      (default 5 runs for the latency figures)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
probe=../shared/tools/tui_probe.py
bin=target/release/aftercare
[ -x "$bin" ] || cargo build --release --quiet
out=$(mktemp -d)
p() { python3 "$probe" --size 80x24 --marker "Check a symptom" "$@"; }
show() { # file, then python expressions over s (summary) and f (first run)
  python3 - "$@" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); s = d["summary"]; f = d.get("first_run") or {}
def med(k): return s[k]["median"] if isinstance(s.get(k), dict) else s.get(k)
for expr in sys.argv[2:]:
    print("  " + expr + " = " + str(eval(expr)))
PY
}

echo "== Esc (close help) and Back (Left, on a question), $runs runs"
p --runs "$runs" --keys "?,ESC,ENTER,2,LEFT" --quit-keys SIGTERM --out "$out/esc.json" -- "$bin"
show "$out/esc.json" "[(k['key'], k['first_byte_ms']['median'], k['settled_ms']['median'], k['bytes']['median']) for k in s['keys']]"

echo "== kiosk idle 60 s on the welcome screen"
p --runs 1 --idle 60 --quit-keys SIGTERM --out "$out/kiosk-idle.json" -- "$bin" --kiosk
show "$out/kiosk-idle.json" "f['idle']" "med('rss_kb')" "s['restored']"

echo "== kiosk idle 60 s with a session in progress (timeout 20 s, countdown 15 s)"
printf '[kiosk]\nidle_timeout_secs = 20\ncountdown_secs = 15\n' > "$out/clinic.toml"
p --runs 1 --keys "ENTER,2" --idle 60 --quit-keys SIGTERM --dump "$out/kiosk-session" \
  --out "$out/kiosk-session.json" -- "$bin" --kiosk --config "$out/clinic.toml"
show "$out/kiosk-session.json" "f['idle']" "med('rss_kb')" "s['restored']"
python3 - "$out/kiosk-session.run0.bin" <<'PY'
import re, sys
d = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b" ", open(sys.argv[1], "rb").read())
print("  'Still there?' drawn:", b"Still" in d, "; welcome drawn again after it:",
      d.rfind(b"Check a symptom") > d.find(b"Still"))
PY

echo "== terminal restored after each way out"
for q in q C-c SIGTERM SIGINT SIGHUP; do
  p --runs 1 --quit-keys "$q" --out "$out/quit-$q.json" -- "$bin"
  show "$out/quit-$q.json" "('$q', s['restored'], med('quit_to_exit_ms'))"
done
echo "raw JSON in $out"
