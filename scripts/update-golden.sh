#!/usr/bin/env bash
# Regenerates Corpora/expected/*.jsonl, the golden outputs pinned by the end-to-end tests. Run it after a
# deliberate change to rules or lexicons, and review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release
rater=.build/release/rater
out=Corpora/expected
mkdir -p "$out"
for file in hotel_reviews_zh.csv restaurant_delivery_en.csv bank_telecom_mixed.tsv hospital_zh.txt retail_en.txt airline_en.xml; do
    "$rater" analyze "Corpora/samples/$file" --output "$out/$file.jsonl"
done
"$rater" analyze Corpora/samples/itops_tickets.xml --xml-record ticket --xml-text feedback --output "$out/itops_tickets.xml.jsonl"
echo "golden files updated in $out; review with: git diff $out"
