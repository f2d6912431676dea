#!/usr/bin/env bash
# Two worker threads against two separate processes (not a test): alternates, ROUNDS times per language, one
# `rater analyze --jobs 1` pinned to core 0, two such runs at once pinned to cores 0 and 1, and one `--jobs 2` run,
# on the exports `scripts/bench.sh SIZE_MB` generates. Prints each run's wall time, the busy and stolen CPU ticks
# (/proc/stat) and the load, then per language the speed-up of processes (2 × one / pair) and of threads
# (one / --jobs 2). Tells a host that slows two busy cores from a process that slows its own threads.
#
#   scripts/bench-scaling.sh [SIZE_MB] [ROUNDS]      default 20 MB, 4 rounds; run on a quiet 2-core machine
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-20}
rounds=${2:-4}
data=Benchmarks/data
[ -f "$data/zh_${size}mb.csv" ] || python3 scripts/bench-inputs.py "$data" "$size" >/dev/null
swift build -c release --product rater 2>&1 | tail -1
command -v taskset >/dev/null || { echo "bench-scaling: taskset (util-linux) is needed" >&2; exit 1; }
export RATER_LEXICONS=$PWD/Lexicons
rater=.build/release/rater
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
ticks() { awk '/^cpu / { print $2 + $3 + $4, $9 }' /proc/stat; }
log=$out/runs.txt
for round in $(seq "$rounds"); do
    for language in en zh; do
        run=(analyze "$data/${language}_${size}mb.csv" --text-column comment --log-level error)
        for mode in one pair threads; do
            read -r busy0 steal0 < <(ticks)
            start=$(date +%s.%N)
            case $mode in
                one) taskset -c 0 "$rater" "${run[@]}" --jobs 1 -o "$out/a.jsonl" ;;
                pair) taskset -c 0 "$rater" "${run[@]}" --jobs 1 -o "$out/a.jsonl" &
                      taskset -c 1 "$rater" "${run[@]}" --jobs 1 -o "$out/b.jsonl"
                      wait $! ;;
                threads) "$rater" "${run[@]}" --jobs 2 -o "$out/a.jsonl" ;;
            esac
            end=$(date +%s.%N)
            read -r busy1 steal1 < <(ticks)
            echo "$round $language $mode $(python3 -c "print(f'{$end - $start:.3f}')") busy $((busy1 - busy0)) steal $((steal1 - steal0)) load $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$log"
        done
    done
done
python3 - "$log" <<'PY'
import sys
runs = {}
for line in open(sys.argv[1]):
    round_, language, mode, seconds = line.split()[:4]
    runs[(round_, language, mode)] = float(seconds)
for language in ("en", "zh"):
    rounds = sorted({r for r, l, _ in runs if l == language})
    processes = [2 * runs[(r, language, "one")] / runs[(r, language, "pair")] for r in rounds]
    threads = [runs[(r, language, "one")] / runs[(r, language, "threads")] for r in rounds]
    print(f"{language}: processes {min(processes):.2f}–{max(processes):.2f}×, threads {min(threads):.2f}–{max(threads):.2f}× one core")
PY
