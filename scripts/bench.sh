#!/usr/bin/env bash
# The throughput benchmark (not a test): generates exports from Corpora/, builds release binaries, and prints
# MB/s, comments/s and peak RSS for each layer, the ratio of Rater's per-core throughput to ICU's word break alone,
# the parallel speed-up, and the ratios against VADER (English) and jieba + lexicon lookup (Chinese).
#
#   scripts/bench.sh [SIZE_MB] [--large]      default 100 MB; --large adds 1 GB runs for peak RSS (without --db)
#
# Inputs go to Benchmarks/data/ (ignored by git). Run it on a quiet machine: figures depend on the hardware and
# on whatever else is running.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-100}
data=Benchmarks/data
mkdir -p "$data"
sizes=("$size")
[ "${2:-}" = "--large" ] && sizes+=(1024)
for s in "${sizes[@]}"; do
    [ -f "$data/mixed_${s}mb.txt" ] || python3 scripts/bench-inputs.py "$data" "$s" >/dev/null
done
# One product per command: given two --product flags, swift build builds only the last.
swift build -c release --product rater 2>&1 | tail -1
swift build -c release --product rater-bench 2>&1 | tail -1
jobs=$(nproc)

for language in zh en; do
    echo "== $language, ${size} MB, release build"
    .build/release/rater-bench "$data/${language}_${size}mb.csv" --text-column comment --jobs "$jobs" | tee "$data/bench-$language.txt"
done

echo "== rater analyze, peak RSS (GNU time)"
# Results go to a temporary file, not /dev/null: the run then measures writing a real file as users do, and the
# benchmark never touches the device.
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
peak_rss() {  # peak_rss LABEL COMMAND…: one line of time and peak RSS; a failed run prints its output and stops
    local label=$1 output
    shift
    if output=$(/usr/bin/time -f "$label: %e s, peak RSS %M KB" "$@" 2>&1); then
        echo "${output##*$'\n'}"
    else
        echo "$output" >&2
        echo "bench: $label failed" >&2
        return 1
    fi
}
for s in "${sizes[@]}"; do
    for input in "$data/mixed_${s}mb.csv" "$data/mixed_${s}mb.xml"; do
        peak_rss "$input" .build/release/rater analyze "$input" --no-explanation -o "$results/results.jsonl" \
            --log-level error
    done
done
# The nightly database path, at the main size only: the CSV's rows keyed by their export ids, the plain text's by
# their texts' digests (with #2, #3 … for repeats, counted in bounded memory). Each run writes a fresh database.
# At 1 GB these runs take 7 and 39 minutes and about twice the database's 13 and 19 GB of disk at the commit, so
# --large leaves them out; the README gives the commands.
for input in "$data/mixed_${size}mb.csv" "$data/mixed_${size}mb.txt"; do
    rm -f "$results"/results.sqlite*
    peak_rss "$input --db" .build/release/rater analyze "$input" --no-explanation -o "$results/results.jsonl" \
        --db "$results/results.sqlite" --log-level error
    rm -f "$results"/results.sqlite*
done

echo "== open tools on the same exports (one core)"
venv=.build-bench-venv
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q vaderSentiment jieba; }
for language in en zh; do
    read -r tool seconds comments mbps cps < <("$venv/bin/python" scripts/bench-baselines.py "$language" "$data/${language}_${size}mb.csv")
    rater=$(awk '/pipeline, 1 core/ { for (i = 2; i <= NF; i++) if ($i == "comments/s") print $(i - 1) }' "$data/bench-$language.txt")
    echo "$tool: $cps comments/s ($mbps MB/s); rater one core: $rater comments/s; ratio $(python3 -c "print(round($rater / $cps, 1))")×"
done

echo "== rater analyze end to end (start-up, reading, writing the results file included)"
# The issue's own measures: the whole command on one core (pinned with taskset, --jobs 1) against the ICU stage of
# the rater-bench run above, and the whole command on all cores against one core. Figures from separate processes
# run one after the other, so they are noisier than rater-bench's in-process ratios.
command -v taskset >/dev/null || { echo "bench: taskset (util-linux) is needed to pin a run to one core" >&2; exit 1; }
end_to_end() {  # end_to_end INPUT JOBS [PREFIX…]: prints seconds and peak RSS in KB, or fails with the run
    local input=$1 workers=$2 measured
    shift 2
    measured=$(/usr/bin/time -f "%e %M %x" "$@" .build/release/rater analyze "$input" --text-column comment \
        --jobs "$workers" -o "$results/end-to-end.jsonl" --log-level error 2>&1 >/dev/null | tail -1)
    # GNU time reports a run that failed too; its exit status (%x) says so.
    [ "${measured##* }" = 0 ] || { echo "bench: rater analyze $input --jobs $workers failed: $measured" >&2; return 1; }
    echo "${measured% *}"
}
for language in zh en; do
    input="$data/${language}_${size}mb.csv"
    icu=$(awk '/^ingest \+ ICU word break/ { for (i = 2; i <= NF; i++) if ($i == "MB/s") { print $(i - 1); exit } }' "$data/bench-$language.txt")
    one_core=$(end_to_end "$input" 1 taskset -c 0)
    every_core=$(end_to_end "$input" "$jobs")
    read -r one one_rss <<< "$one_core"
    read -r all all_rss <<< "$every_core"
    comments=$(wc -l < "$results/end-to-end.jsonl")
    python3 - "$language" "$input" "$comments" "$one" "$one_rss" "$all" "$all_rss" "$jobs" "$icu" <<'PY'
import os, sys
language, path, comments, one, one_rss, every, every_rss, jobs, icu = sys.argv[1:]
megabytes = os.path.getsize(path) / 1048576
comments, one, every = int(comments), float(one), float(every)
print(f"{language}: one core {megabytes / one:.2f} MB/s, {comments / one:.0f} comments/s, peak RSS {int(one_rss) // 1024} MB; "
      f"{jobs} cores {megabytes / every:.2f} MB/s, {comments / every:.0f} comments/s, peak RSS {int(every_rss) // 1024} MB")
print(f"{language}: end-to-end speed-up {one / every:.2f}×; one core / ICU word break {megabytes / one / float(icu):.2f}")
PY
done
