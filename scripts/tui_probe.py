#!/usr/bin/env python3
"""tui_probe.py: what a person feels of a terminal program, measured through a pseudo-terminal.

Python 3 standard library only, Linux only (/proc). One run:

  1. opens a pty of --size, forks, and runs the command as a session leader with the pty as
     its controlling terminal (TERM=xterm-256color);
  2. times spawn -> first byte and spawn -> --marker on screen (the first frame: the marker's
     characters in the output with escape sequences and blanks taken out, since a program may
     draw the words of one line with cursor moves between them), and the program's CPU time
     to then (/proc/PID/task/*/schedstat, nanoseconds);
  3. sends each of --keys once the screen has been quiet for --quiet ms: key -> first byte of
     the answer, bytes written, CPU time spent;
  4. idles --idle seconds: CPU time, voluntary context switches (the program waking up) and
     bytes written, then its resident memory (VmRSS);
  5. quits with --quit (a key name, or SIGTERM/SIGINT/SIGHUP), times quit -> exit, and checks
     that the terminal is restored: the alternate screen left, the cursor shown, mouse and
     bracketed-paste reporting off, and the pty back in cooked mode (ICANON, ECHO).

Usage:
  tui_probe.py run --label NAME [--size 80x24] --marker TEXT [--keys DOWN,UP] [--idle 10]
                   [--quit SIGTERM] --out FILE.json -- COMMAND [ARG...]
      appends the run's record to FILE.json (a JSON list), so rounds of two programs can be
      alternated into one file each;
  tui_probe.py table [--ref LABEL] FILE.json...
      prints a Markdown table of the medians (min-max) per label, with ratios to --ref.

Key names: UP DOWN LEFT RIGHT HOME END PGUP PGDN ENTER TAB ESC SPACE BS, C-c (any control key),
or one character.
Arrows follow the program's cursor-key mode (ESC[?1h: ESC O A, as a real xterm sends).
"""

import argparse
import fcntl
import json
import os
import re
import select
import signal
import statistics
import struct
import sys
import termios
import time

now = time.perf_counter

ARROWS = {"UP": "A", "DOWN": "B", "RIGHT": "C", "LEFT": "D", "HOME": "H", "END": "F"}
KEYS = {
    "ENTER": b"\r",
    "TAB": b"\t",
    "ESC": b"\x1b",
    "SPACE": b" ",
    "BS": b"\x7f",
    "PGUP": b"\x1b[5~",
    "PGDN": b"\x1b[6~",
}
SIGNALS = {"SIGTERM": signal.SIGTERM, "SIGINT": signal.SIGINT, "SIGHUP": signal.SIGHUP}

# An escape sequence (CSI, OSC, charset, keypad and save/restore), or a blank or control byte.
NOISE = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]"
    rb"|\x1b[=>78DEM]|[\x00-\x20\x7f]"
)


def key_bytes(name, app_cursor):
    up = name.upper()
    if up in ARROWS:
        return (b"\x1bO" if app_cursor else b"\x1b[") + ARROWS[up].encode()
    if up in KEYS:
        return KEYS[up]
    if len(up) == 3 and up.startswith("C-") and "@" <= up[2] <= "_":
        return bytes([ord(up[2]) - 64])
    if len(name) == 1:
        return name.encode()
    sys.exit(f"tui_probe: unknown key {name!r}")


def cpu_ns(pid):
    """CPU time of every thread of `pid`, in nanoseconds (0 once it is gone)."""
    total = 0
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/schedstat") as f:
                total += int(f.read().split()[0])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return total


def status(pid, field):
    """A number from /proc/PID/status, summed over the threads for context switches."""
    total = 0
    tasks = os.listdir(f"/proc/{pid}/task") if field.endswith("ctxt_switches") else [None]
    for task in tasks:
        path = f"/proc/{pid}/status" if task is None else f"/proc/{pid}/task/{task}/status"
        with open(path) as f:
            for line in f:
                if line.startswith(field + ":"):
                    total += int(line.split()[1])
    return total


def busy_ticks():
    """(busy, total) jiffies of the whole machine, from /proc/stat."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


class Pty:
    """The program in its pty, and everything it wrote, with the time each read came."""

    def __init__(self, cmd, cols, rows):
        self.master, self.slave = os.openpty()
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = dict(os.environ, TERM="xterm-256color")
        self.out = bytearray()
        self.start = now()
        pid = os.fork()
        if pid == 0:
            try:
                os.setsid()
                os.close(self.master)
                fcntl.ioctl(self.slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(self.slave, fd)
                os.execvpe(cmd[0], cmd, env)
            finally:
                os._exit(127)
        self.pid = pid
        # Readable once the program has exited: a wait for output ends at its exit too.
        self.pidfd = os.pidfd_open(pid)
        self.status = None
        os.set_blocking(self.master, False)

    def read(self, timeout):
        """Reads what comes within `timeout` seconds; returns (bytes, time of the read)."""
        ready, _, _ = select.select([self.master, self.pidfd], [], [], max(timeout, 0))
        if self.master not in ready:
            return b"", None
        try:
            data = os.read(self.master, 65536)
        except (BlockingIOError, OSError):
            return b"", None
        self.out += data
        return data, now()

    def until(self, done, timeout):
        """Reads until `done()` or `timeout` seconds; the time `done()` first held, or None."""
        end = now() + timeout
        while not done():
            if now() > end:
                return None
            data, _ = self.read(min(0.05, end - now()))
            if not data and self.exited() and not done():
                return None
        return now()

    def first_byte(self, timeout):
        """The time of the next byte the program writes, or None."""
        end = now() + timeout
        while now() < end:
            data, at = self.read(end - now())
            if data:
                return at
            if self.exited():
                return None
        return None

    def quiet(self, ms, timeout=5.0):
        """Reads until nothing came for `ms` milliseconds."""
        end = now() + timeout
        while now() < end:
            data, _ = self.read(ms / 1000)
            if not data:
                return

    def app_cursor(self):
        on, off = self.out.rfind(b"\x1b[?1h"), self.out.rfind(b"\x1b[?1l")
        return on > off

    def exited(self):
        if self.status is None:
            pid, st = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = st
        return self.status is not None

    def kill(self):
        if not self.exited():
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        for fd in (self.master, self.slave, self.pidfd):
            os.close(fd)


def restored(out, slave):
    """What of the terminal the program left changed: an empty list when all is restored."""
    problems = []
    modes = {b"1049": "alternate screen", b"25": "cursor", b"1000": "mouse",
             b"1002": "mouse", b"1003": "mouse", b"1006": "mouse", b"2004": "bracketed paste"}
    for mode, what in modes.items():
        on = out.rfind(b"\x1b[?" + mode + b"h")
        off = out.rfind(b"\x1b[?" + mode + b"l")
        # The cursor is shown by 'h'; the others are left by 'l'.
        if mode == b"25":
            if off > on:
                problems.append("cursor hidden")
        elif on > off:
            problems.append(what + " still on")
    lflag = termios.tcgetattr(slave)[3]
    if not lflag & termios.ICANON or not lflag & termios.ECHO:
        problems.append("pty left in raw mode")
    return sorted(set(problems))


def run(args):
    cols, rows = (int(x) for x in args.size.split("x"))
    cmd = args.command[1:] if args.command[:1] == ["--"] else args.command
    marker = NOISE.sub(b"", args.marker.encode())
    busy0 = busy_ticks()
    p = Pty(cmd, cols, rows)
    r = {"label": args.label, "command": cmd, "size": args.size}
    try:
        first = p.first_byte(args.timeout)
        frame = p.until(lambda: marker in NOISE.sub(b"", bytes(p.out)), args.timeout)
        if first is None or frame is None:
            r["ok"] = False
            r["error"] = "no first frame: marker not seen"
            return r
        r["first_byte_ms"] = (first - p.start) * 1000
        r["first_frame_ms"] = (frame - p.start) * 1000
        r["startup_cpu_ms"] = cpu_ns(p.pid) / 1e6
        p.quiet(args.quiet)
        r["first_frame_bytes"] = len(p.out)
        r["keys"] = []
        for name in [k for k in args.keys.split(",") if k]:
            before, cpu = len(p.out), cpu_ns(p.pid)
            sent = now()
            os.write(p.master, key_bytes(name, p.app_cursor()))
            answer = p.first_byte(args.timeout)
            p.quiet(args.quiet)
            r["keys"].append({
                "key": name,
                "first_byte_ms": None if answer is None else (answer - sent) * 1000,
                "bytes": len(p.out) - before,
                "cpu_ms": (cpu_ns(p.pid) - cpu) / 1e6,
            })
        before, cpu = len(p.out), cpu_ns(p.pid)
        switches = status(p.pid, "voluntary_ctxt_switches")
        deadline = now() + args.idle
        while now() < deadline and not p.exited():
            p.read(deadline - now())
        r["idle"] = {
            "seconds": args.idle,
            "cpu_ms": (cpu_ns(p.pid) - cpu) / 1e6,
            "wakeups": status(p.pid, "voluntary_ctxt_switches") - switches,
            "bytes": len(p.out) - before,
        }
        r["rss_kib"] = status(p.pid, "VmRSS")
        quit_at = now()
        if args.quit.upper() in SIGNALS:
            os.kill(p.pid, SIGNALS[args.quit.upper()])
        else:
            os.write(p.master, key_bytes(args.quit, p.app_cursor()))
        gone = p.until(p.exited, args.timeout)
        p.quiet(50, timeout=1.0)
        r["quit_ms"] = None if gone is None else (gone - quit_at) * 1000
        r["restore_problems"] = restored(bytes(p.out), p.slave)
        r["restored"] = gone is not None and not r["restore_problems"]
        r["ok"] = gone is not None
    finally:
        if args.dump:
            with open(args.dump, "wb") as f:
                f.write(bytes(p.out))
        p.kill()
        busy1 = busy_ticks()
        spent = busy1[1] - busy0[1]
        r["machine_busy_pct"] = 100 * (busy1[0] - busy0[0]) / spent if spent else 0.0
    return r


def append(path, record):
    runs = []
    if os.path.exists(path):
        with open(path) as f:
            runs = json.load(f)
    runs.append(record)
    with open(path, "w") as f:
        json.dump(runs, f, indent=1)


# The table's rows: (title, how to read the figures from a run).
ROWS = [
    ("spawn -> first byte, ms", lambda r: [r["first_byte_ms"]]),
    ("spawn -> first frame (marker drawn), ms", lambda r: [r["first_frame_ms"]]),
    ("start-up CPU to first frame, ms", lambda r: [r["startup_cpu_ms"]]),
    ("first frame, bytes", lambda r: [r["first_frame_bytes"]]),
    ("key -> first byte, ms (every key)",
     lambda r: [k["first_byte_ms"] for k in r["keys"] if k["first_byte_ms"] is not None]),
    ("bytes per key", lambda r: [k["bytes"] for k in r["keys"]]),
    ("CPU per key, ms", lambda r: [k["cpu_ms"] for k in r["keys"]]),
    ("idle CPU, ms", lambda r: [r["idle"]["cpu_ms"]]),
    ("idle wake-ups (voluntary context switches)", lambda r: [r["idle"]["wakeups"]]),
    ("idle bytes written", lambda r: [r["idle"]["bytes"]]),
    ("RSS, KiB", lambda r: [r["rss_kib"]]),
    ("quit -> exit, ms", lambda r: [r["quit_ms"]] if r.get("quit_ms") is not None else []),
    ("machine busy during the run, %", lambda r: [r["machine_busy_pct"]]),
]


def fmt(x):
    if x == int(x) and abs(x) >= 10:
        return str(int(x))
    return f"{x:.2f}" if abs(x) < 100 else f"{x:.0f}"


def table(args):
    by_label = {}
    for path in args.files:
        with open(path) as f:
            for r in json.load(f):
                by_label.setdefault(r["label"], []).append(r)
    labels = list(by_label)
    if args.ref in labels:
        labels.remove(args.ref)
        labels.insert(0, args.ref)
    lines = ["| metric | " + " | ".join(labels) + " |", "|---" * (len(labels) + 1) + "|"]
    ok = {label: [r for r in runs if r.get("ok")] for label, runs in by_label.items()}
    lines.append("| runs ok | " + " | ".join(
        f"{len(ok[label])}/{len(by_label[label])}" for label in labels) + " |")
    for title, get in ROWS:
        medians, cells = {}, []
        for label in labels:
            # Each run's median, then the median and range of those.
            per_run = [statistics.median(v) for v in (get(r) for r in ok[label]) if v]
            if not per_run:
                cells.append("–")
                continue
            m = statistics.median(per_run)
            medians[label] = m
            lo, hi = min(per_run), max(per_run)
            cell = fmt(m) if lo == hi else f"{fmt(m)} ({fmt(lo)}-{fmt(hi)})"
            ref = medians.get(args.ref)
            if label != args.ref and ref:
                cell += f" [x{m / ref:.2f}]"
            cells.append(cell)
        lines.append(f"| {title} | " + " | ".join(cells) + " |")
    def restored_cell(label):
        if not ok[label]:
            return "–"
        n = sum(r["restored"] for r in ok[label])
        return ("yes" if n == len(ok[label]) else "NO") + f" ({n}/{len(ok[label])})"

    lines.append("| terminal restored | " + " | ".join(map(restored_cell, labels)) + " |")
    print("\n".join(lines))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    r = sub.add_parser("run", help="measure one run and append it to --out")
    r.add_argument("--label", required=True)
    r.add_argument("--size", default="80x24")
    r.add_argument("--marker", required=True, help="text on the first frame")
    r.add_argument("--keys", default="", help="keys to time, comma separated")
    r.add_argument("--idle", type=float, default=10.0, help="seconds of idle to measure")
    r.add_argument("--quit", default="SIGTERM", help="a key or SIGTERM/SIGINT/SIGHUP")
    r.add_argument("--quiet", type=float, default=150.0,
                   help="ms without output that count as a finished frame")
    r.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for anything")
    r.add_argument("--out", required=True)
    r.add_argument("--dump", help="also write everything the program wrote to this file")
    r.add_argument("command", nargs=argparse.REMAINDER)
    t = sub.add_parser("table", help="a Markdown table of the runs in FILES")
    t.add_argument("--ref", default="")
    t.add_argument("files", nargs="+")
    args = ap.parse_args()
    if args.what == "run":
        record = run(args)
        append(args.out, record)
        if not record.get("ok"):
            print(f"tui_probe: {args.label}: {record.get('error', 'did not exit')}", file=sys.stderr)
            return 1
        return 0
    table(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
