# Sourced by the bench scripts: the machine a figure was measured on, and how busy it was, for
# the head of each generated file (the figures of a busy run swing more; instruction counts do
# not move).
#   machine_line          "AMD EPYC, 2 cores, 23 GiB, Linux 6.18.44, rustc 1.95.0"
#   busy_start; ...; busy_line
#                         "the machine was 83% busy during the run (all programs), load 3.1"

machine_line() {
  local cpu
  cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
  echo "${cpu:-unknown CPU}, $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $(rustc --version | cut -d' ' -f1-2)"
}

# Busy and total jiffies of the whole machine (/proc/stat: idle and iowait are not busy).
busy_ticks() {
  awk '/^cpu / {t = 0; for (i = 2; i <= NF; i++) t += $i; print t - $5 - $6, t; exit}' /proc/stat
}

busy_start() {
  read -r busy0 total0 < <(busy_ticks)
}

busy_line() {
  local busy1 total1
  read -r busy1 total1 < <(busy_ticks)
  awk -v b=$((busy1 - busy0)) -v t=$((total1 - total0)) -v l="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN { printf "the machine was %d%% busy during the run (every program on it, not only this one), load average %s at the end\n", (t ? 100 * b / t : 0), l }'
}
