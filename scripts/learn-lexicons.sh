#!/usr/bin/env bash
# Regenerates the learned lexicons in Lexicons/*/learned-reviews.tsv from the labelled development sets in
# ../shared/eval (terms and weights only: no sentence from those sets enters the project).
#
# English sentence labels come from uci_sentences.tsv and, for SemEval-2014 / MAMS, from sentences whose aspect
# categories all share one polarity (scripts/aspect_sentences.py writes them to a temporary TSV).
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=${EVAL_DIR:-../shared/eval}
swift build -c release
rater=.build/release/rater
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Learn against the hand-written lexicons only, so the rule words they define are excluded.
# --scale 0.7 (valence = 0.7 × log-odds) keeps learned weights below the hand-written ones they compete with: measured
# 2026-11-26 it raised the held-out halves (scripts/learn-split-check.sh) a little and the team's three-way gold
# sets clearly (zh 0.783 → 0.85, en 0.783 → 0.81), where topical words learned from shopping and restaurant reviews
# ("reservations", "minutes") otherwise outweigh the service vocabulary.
mkdir -p "$tmp/hand"
cp -r Lexicons/. "$tmp/hand/"
find "$tmp/hand" -name 'learned-*' -delete

# --recount-matches (2026-11-28): a Han term is weighed again on the comments the scorer would match it in, at any
# character, not only where ICU made it a word: fragments such as 价比高 (of 性价比高) or 火龙 (of 火龙果) are left
# out. Measured: team gold zh 0.867/0.815/ECE 0.046 → 0.875/0.821/0.037, held-out half 0.899 → 0.897.
"$rater" lexicon learn --lexicons "$tmp/hand" --gold "$eval_dir/zh/online_shopping_dev.csv" --text-column review \
    --language zh --min-documents 8 --min-z 3 --scale 0.7 --recount-matches --output Lexicons/zh/learned-reviews.tsv

python3 scripts/aspect_sentences.py "$eval_dir/en/semeval14_restaurants_train.xml" "$eval_dir/en/mams_acsa_train.xml" \
    > "$tmp/aspect_sentences.tsv"
# --min-sources 2 (2026-11-28): a term must lean its way in two of the four sources (yelp, amazon_cells, imdb,
# semeval14_restaurants_train): "script", "plot", "acting", "reservations", "bagels" are left out as one source's topic.
# Measured: team gold en unchanged (0.833), held-out UCI half 0.845 → 0.836.
"$rater" lexicon learn --lexicons "$tmp/hand" --gold "$eval_dir/en/uci_sentences.tsv" --gold "$tmp/aspect_sentences.tsv" \
    --language en --min-documents 3 --min-z 2 --scale 0.7 --source-column source --min-sources 2 \
    --output Lexicons/en/learned-reviews.tsv
