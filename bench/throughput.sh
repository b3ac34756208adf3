#!/usr/bin/env bash
# End-to-end throughput on one large ccmsetup-style log, next to baselines
# measured in the same run (the machine is small and noisy: compare ratios).
#
#   bench/throughput.sh [SIZE_MB] [RUNS]      (defaults: 200 MB, 3 runs)
#
# Builds ccmlog (Release) if needed, generates the log once in $BENCH_DIR
# (default /tmp/ccmlog-bench), then times each command RUNS times and prints
# the median wall time, MB/s, peak RSS and the ratio to 'wc -l'. analyze runs
# on one core (-j 1) and on all of them (the default). lnav (a
# Debian package) is timed with the CMTrace format in bench/cmtrace.lnav.json
# when it is installed, unless SKIP_LNAV is set (it is far slower than the rest).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
size=${1:-200}
runs=${2:-3}
dir=${BENCH_DIR:-/tmp/ccmlog-bench}
ccmlog=${CCMLOG:-$root/build/bin/ccmlog}
mkdir -p "$dir"
log=$dir/ccmsetup-${size}mb.log
[ -x "$ccmlog" ] || "$root/scripts/build" >&2
[ -f "$log" ] || python3 "$root/bench/make_ccmsetup_log.py" "$log" "$size"
bytes=$(stat -c %s "$log")

# measure NAME COMMAND...: median wall seconds and max peak RSS over $runs runs.
results=()
measure() {
  local name=$1; shift
  local times=() rss=0
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f "%e %M" -o "$dir/time.txt" "$@" >/dev/null 2>&1 || true
    read -r t m < <(tail -n 1 "$dir/time.txt")  # a first line may report the exit status
    times+=("$t")
    ((m > rss)) && rss=$m
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
  results+=("$name|$median|$rss")
}

cat "$log" >/dev/null  # warm the page cache
measure "wc -l" wc -l "$log"
measure "ccmlog records" "$ccmlog" records "$log"
measure "ccmlog analyze -j 1" "$ccmlog" analyze -j 1 "$log"
measure "ccmlog analyze -j $(nproc)" "$ccmlog" analyze -j "$(nproc)" "$log"
if [ -z "${SKIP_LNAV:-}" ] && command -v lnav >/dev/null; then
  export HOME=$dir/lnav-home
  mkdir -p "$HOME"
  lnav -i "$root/bench/cmtrace.lnav.json" >/dev/null 2>&1
  measure "lnav (CMTrace format)" lnav -n -c ';SELECT count(*) FROM cmtrace_log' "$log"
fi

base=$(echo "${results[0]}" | cut -d'|' -f2)
printf '%s, %d MB (%d bytes), median of %d runs, %s cores\n' "$log" "$size" "$bytes" "$runs" "$(nproc)"
printf '%-24s %9s %10s %12s %14s\n' command seconds MB/s "peak RSS MB" "x wc -l time"
for r in "${results[@]}"; do
  IFS='|' read -r name t rss <<<"$r"
  awk -v n="$name" -v t="$t" -v b="$bytes" -v rss="$rss" -v base="$base" 'BEGIN {
    mbs = (t > 0) ? b / 1048576 / t : 0
    printf "%-24s %9.2f %10.0f %12.1f %14.1f\n", n, t, mbs, rss / 1024, (base > 0) ? t / base : 0 }'
done
