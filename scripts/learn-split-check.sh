#!/usr/bin/env bash
# Overfitting check for the learned lexicons: learns each language's lexicon from one half of its development set
# (odd data rows) exactly as scripts/learn-lexicons.sh does, evaluates on the other half (even rows), and prints the
# held-out accuracy next to the in-sample accuracy of the same half-learned lexicon. Nothing is written to the project.
# The learning options default to those of learn-lexicons.sh; ZH_LEARN_OPTIONS / EN_LEARN_OPTIONS try others.
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=${EVAL_DIR:-../shared/eval}
rater=.build/release/rater
[ -x "$rater" ] || swift build -c release
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# split FILE: header plus odd data rows → learn.EXT, header plus even data rows → test.EXT (one record per line).
split() {
    local file=$1 ext=${1##*.}
    awk -v learn="$tmp/learn.$ext" -v test="$tmp/test.$ext" 'NR == 1 { print > learn; print > test; next }
        NR % 2 == 0 { print > learn; next } { print > test }' "$file"
}
accuracy() { "$rater" eval --worst 0 "$@" | awk '/^accuracy:/ { print $2 }'; }

mkdir -p "$tmp/hand"
cp -r Lexicons/. "$tmp/hand/"
find "$tmp/hand" -name 'learned-*' -delete

# Chinese: online shopping.
split "$eval_dir/zh/online_shopping_dev.csv"
mkdir -p "$tmp/zh" && cp -r "$tmp/hand/." "$tmp/zh/"
"$rater" lexicon learn --lexicons "$tmp/hand" --gold "$tmp/learn.csv" --text-column review \
    --language zh ${ZH_LEARN_OPTIONS:---min-documents 8 --min-z 3 --scale 0.7 --recount-matches} --output "$tmp/zh/zh/learned-reviews.tsv" 2>/dev/null
echo "zh online_shopping: learned on odd rows: in-sample $(accuracy --lexicons "$tmp/zh" --gold "$tmp/learn.csv" --text-column review), held-out $(accuracy --lexicons "$tmp/zh" --gold "$tmp/test.csv" --text-column review)"

# English: UCI sentences (the aspect sentences of learn-lexicons.sh are always in the learning half: they are not
# evaluated here).
split "$eval_dir/en/uci_sentences.tsv"
python3 scripts/aspect_sentences.py "$eval_dir/en/semeval14_restaurants_train.xml" "$eval_dir/en/mams_acsa_train.xml" \
    > "$tmp/aspect_sentences.tsv"
mkdir -p "$tmp/en" && cp -r "$tmp/hand/." "$tmp/en/"
"$rater" lexicon learn --lexicons "$tmp/hand" --gold "$tmp/learn.tsv" --gold "$tmp/aspect_sentences.tsv" \
    --language en ${EN_LEARN_OPTIONS:---min-documents 3 --min-z 2 --scale 0.7 --source-column source --min-sources 2} --output "$tmp/en/en/learned-reviews.tsv" 2>/dev/null
echo "en uci_sentences: learned on odd rows: in-sample $(accuracy --lexicons "$tmp/en" --gold "$tmp/learn.tsv"), held-out $(accuracy --lexicons "$tmp/en" --gold "$tmp/test.tsv"), hand-written lexicons only $(accuracy --lexicons "$tmp/hand" --gold "$tmp/test.tsv")"
