#!/usr/bin/env bash
# Peak memory of the CLI against log size: streaming must keep it flat.
#
#   bench/peak_rss.sh [SIZE_MB...]      (default: 10 100 1024)
#
# Builds ccmlog (Release) if needed, generates ccmsetup-style logs of each
# size in $BENCH_DIR (default /tmp/ccmlog-bench; never in the repository),
# then runs 'ccmlog analyze' and 'ccmlog records' once on each and prints the
# peak resident set size (/usr/bin/time -f %M) and the wall time.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@")
((${#sizes[@]})) || sizes=(10 100 1024)
dir=${BENCH_DIR:-/tmp/ccmlog-bench}
ccmlog=${CCMLOG:-$root/build/bin/ccmlog}
"$root/scripts/setup" bench
[ -x "$ccmlog" ] || "$root/scripts/build" >&2
mkdir -p "$dir"

printf '%-10s %-16s %14s %9s\n' size command "peak RSS MB" seconds
for size in "${sizes[@]}"; do
  log=$dir/ccmsetup-${size}mb.log
  [ -f "$log" ] || python3 "$root/bench/make_ccmsetup_log.py" "$log" "$size"
  for command in analyze records; do
    /usr/bin/time -f "%M %e" -o "$dir/time.txt" "$ccmlog" "$command" "$log" >/dev/null 2>&1 || true
    read -r kb seconds < <(tail -n 1 "$dir/time.txt")  # a first line may report the exit status
    awk -v s="$size MB" -v c="ccmlog $command" -v kb="$kb" -v t="$seconds" \
      'BEGIN { printf "%-10s %-16s %14.1f %9.2f\n", s, c, kb / 1024, t }'
  done
done
