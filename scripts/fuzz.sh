#!/usr/bin/env bash
# Fuzzes the ingestion readers, the encoding detector and the lexicon file parser with libFuzzer (plus
# AddressSanitizer).
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS]     e.g. scripts/fuzz.sh csv 3600 for a long run; CI runs all for 20 s each
#
# Targets: csv, xml, text, jsonl, encoding, lexicon (see Sources/RaterFuzz/FuzzTarget.swift for the properties each checks).
# The growing corpus lives in .build-fuzz/corpus/TARGET, seeded from Corpora/ (Lexicons/ for lexicon). A crash, hang (over 10 s on one
# input) or property violation stops the run and leaves the input in .build-fuzz/artifacts/; copy it into
# Corpora/fuzz-regressions/TARGET/ once fixed, and the normal test run replays it forever after.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-all}
seconds=${2:-60}
build=.build-fuzz

# SwiftPM links executables with main aliased to RaterFuzz_main; lld resolves that alias against libFuzzer's
# driver where gold fails.
swift build -c release --build-path "$build" --product rater-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
    -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld 2>&1 | grep -v "Cannot export local symbol" || true
binary="$build/release/rater-fuzz"
[ -x "$binary" ] || { echo "fuzz: build failed" >&2; exit 1; }

if [ "$target" = all ]; then targets=(csv xml text jsonl encoding lexicon); else targets=("$target"); fi
mkdir -p "$build/artifacts"
for name in "${targets[@]}"; do
    corpus="$build/corpus/$name"
    mkdir -p "$corpus"
    seeds=(Corpora/samples Corpora/malformed Corpora/unusual)
    [ "$name" = lexicon ] && seeds=(Lexicons)
    [ -d "Corpora/fuzz-regressions/$name" ] && seeds+=("Corpora/fuzz-regressions/$name")
    echo "fuzz: $name for ${seconds}s"
    RATER_FUZZ_TARGET=$name "$binary" "$corpus" "${seeds[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$build/artifacts/$name-" -print_final_stats=1 2>&1 \
        | grep -E "^#[0-9]+.*(DONE|pulse)|stat::number_of_executed_units|stat::peak_rss|ERROR|SUMMARY|violated|artifact" || true
    # libFuzzer's exit status is lost in the pipe: an artifact from this run is the failure signal.
    if ls "$build/artifacts/$name-"* >/dev/null 2>&1; then
        echo "fuzz: $name found a failing input:" "$build/artifacts/$name-"* >&2
        exit 1
    fi
done
echo "fuzz: no crash, hang or property violation"
