#!/usr/bin/env bash
# End-to-end throughput of 'ccmlog scan' on a generated fleet (bench/make_fleet.py),
# next to baselines in the same run that only read the same log files: 'wc -l'
# (reads every byte, the reference for x_baseline) and 'cat' into one file.
# (cat > /dev/null is not used: on some kernels it is slower than writing a file.)
#
#   bench/scan_bench.sh [MACHINES]     # default 2000; BUILD_DIR (default build/), RUNS (default 3)
#
# For each command: the best wall time of RUNS runs, machines/s, MB/s of the
# setup logs that scan reads, time relative to the baseline, and peak RSS
# (/usr/bin/time). The last line scans the same fleet packed into one zip
# (per-machine folders, deflated), read in memory. Not a test: the numbers
# depend on the machine and on what else runs on it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ccmlog=$(realpath "${BUILD_DIR:-$root/build}/bin/ccmlog")
machines=${1:-2000}
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$root/bench/make_fleet.py" "$work/fleet" "$machines" >&2
# The files scan reads (setup logs; CcmExec.log is left out), for the baseline and MB/s.
find "$work/fleet" -type f \( -name 'ccmsetup*' -o -name 'client.msi*' \) -print0 | sort -z > "$work/logs"
bytes=$(xargs -0 stat -c %s < "$work/logs" | awk '{ s += $1 } END { print s }')
python3 - "$work" <<'PY'
import pathlib, sys, zipfile
work = pathlib.Path(sys.argv[1])
with zipfile.ZipFile(work / "fleet.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for name in (work / "logs").read_bytes().decode().split("\0"):
        if name:
            z.write(name, pathlib.Path(name).relative_to(work / "fleet"))
PY
echo "cores: $(nproc); setup logs read: $(tr -cd '\0' < "$work/logs" | wc -c) files, $((bytes / 1000000)) MB" >&2

baseline=""
measure() {  # NAME OUTPUT COMMAND...
  local name=$1 output=$2 best="" rss=0 i start end seconds code
  shift 2
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    code=0
    /usr/bin/time -f %M -o "$work/rss" "$@" > "$output" 2> /dev/null || code=$?
    end=$(date +%s%N)
    if ((code > 1)); then echo "$name: exit code $code" >&2; exit 1; fi  # 1 = failed machines found
    seconds=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')
    if [[ -z $best ]] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$seconds; fi
    rss=$(tail -n 1 "$work/rss")
  done
  : "${baseline:=$best}"
  awk -v name="$name" -v s="$best" -v n="$machines" -v b="$bytes" -v base="$baseline" -v rss="$rss" 'BEGIN {
    printf "%-40s %8.3f %11.0f %8.1f %11.1f %6.1f MB\n", name, s, n / s, b / s / 1e6, s / base, rss / 1024 }'
}

cd "$work"
printf '%-40s %8s %11s %8s %11s %9s\n' command seconds machines/s MB/s x_baseline peak_RSS
measure "wc -l (baseline: read the logs)" /dev/null xargs -0 -a logs wc -l
measure "cat > one file" all.bin xargs -0 -a logs cat
measure "ccmlog scan -j1 --format ndjson" out-j1 "$ccmlog" scan -j1 --progress never --format ndjson fleet
measure "ccmlog scan -j2 --format ndjson" out-j2 "$ccmlog" scan -j2 --progress never --format ndjson fleet
measure "ccmlog scan -j2 --format csv" /dev/null "$ccmlog" scan -j2 --progress never --format csv fleet
measure "ccmlog scan -j2 --format csv fleet.zip" /dev/null "$ccmlog" scan -j2 --progress never --format csv fleet.zip
if cmp -s out-j1 out-j2; then echo "-j1 and -j2 outputs are identical" >&2; else echo "-j1 and -j2 outputs DIFFER" >&2; exit 1; fi
