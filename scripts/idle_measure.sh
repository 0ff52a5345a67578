#!/usr/bin/env bash
# What an idle dashboard costs: frames drawn and CPU used while nobody touches it.
#
# Two runs of the release binary in a private 120x40 tmux session, each on fresh demo data:
#   fixed   --now fixed (HEARBACK_NOW): time stands still        target: 0 draws
#   clock   the real clock, with countdowns in the queue visible  target: <= 1 draw a second
# Each run waits for the first screen, lets it settle for 2 s, then measures for SECONDS
# (default 60): draws from the HEARBACK_DRAW_COUNT_FILE diagnostics hook (the wall-clock time of
# every draw, written on exit), CPU from utime+stime in /proc/PID/stat (target < 0.5 % of one
# CPU). Needs tmux.
#
# Usage: scripts/idle_measure.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
command -v tmux >/dev/null || { echo "idle_measure: tmux is required" >&2; exit 1; }

cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/hearback
tck=$(getconf CLK_TCK)
work=$(mktemp -d)
sock="hearback-idle-$$"
cleanup() {
  for s in fixed clock; do tmux -L "$sock-$s" kill-server 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

ms() { date +%s%3N; }
cpu_ticks() { # utime + stime of a pid; fields counted after the ")" that ends the command name
  awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}

# measure NAME NOW: NOW is a time for --now, or empty for the real clock.
measure() {
  # A tmux server per run: a server keeps the environment it was started with.
  local name=$1 now=$2 dir="$work/$1" sock="$sock-$1"
  mkdir -p "$dir"
  : >"$dir/config.toml"
  local -a env=(HEARBACK_DATA="$dir/data" HEARBACK_CONFIG="$dir/config.toml"
    HEARBACK_DRAW_COUNT_FILE="$dir/draws")
  [ -n "$now" ] && env+=(HEARBACK_NOW="$now")
  env -u HEARBACK_NOW -u TMUX "${env[@]}" "$bin" demo >/dev/null
  env -u HEARBACK_NOW -u TMUX "${env[@]}" \
    tmux -L "$sock" -f /dev/null new-session -d -s "$name" -x 120 -y 40 "exec '$bin'"
  local pid
  pid=$(tmux -L "$sock" display-message -p -t "$name" '#{pane_pid}')
  for _ in $(seq 100); do
    tmux -L "$sock" capture-pane -p -t "$name" | grep -q 'Follow-up queue' && break
    sleep 0.1
  done
  sleep 2
  local t0 c0 t1 c1
  t0=$(ms); c0=$(cpu_ticks "$pid")
  sleep "$secs"
  t1=$(ms); c1=$(cpu_ticks "$pid")
  local countdowns
  countdowns=$(tmux -L "$sock" capture-pane -p -t "$name" | grep -cE 'overdue [0-9]|in [0-9]+[dhm]' || true)
  tmux -L "$sock" send-keys -t "$name" q
  for _ in $(seq 100); do [ -s "$dir/draws" ] && break; sleep 0.1; done
  local total idle
  total=$(head -n1 "$dir/draws")
  idle=$(tail -n +2 "$dir/draws" | awk -v a="$t0" -v b="$t1" '$1 >= a && $1 < b' | wc -l)
  awk -v n="$name" -v w="$(( (t1 - t0) ))" -v d="$idle" -v tot="$total" -v c="$(( c1 - c0 ))" \
    -v t="$tck" -v cd="$countdowns" 'BEGIN {
      s = w / 1000
      printf "%-6s window %5.1f s  idle draws %4d (%.2f/s)  total draws %4d  cpu %.3f %%  (%d ticks)  countdown rows on screen %d\n",
        n, s, d, d / s, tot, 100 * c / t / s, c, cd
    }'
}

echo "hearback idle: $(nproc) CPU, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
measure fixed 2026-11-23T09:00:00Z
measure clock ""
