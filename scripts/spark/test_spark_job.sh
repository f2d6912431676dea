#!/usr/bin/env bash
# Runs scripts/spark/rater_job.py with PySpark in local mode and checks it against a single-machine run.
#
#   scripts/spark/test_spark_job.sh [RECORDS] [MASTER]       defaults: 3000 records, local[2]; 4 partitions
#
# The data: the sample corpora read by `rater records`, repeated with fresh ids (a few rejected records are mixed
# in on purpose) as JSON Lines and as CSV. Checks, for both formats: per-comment results, sorted by id and without
# the positional members (`source`, `record`, `line`, which count within a partition on Spark), equal the
# single-machine results; the aggregates CSV merged from the partitions' partials is byte-identical to a
# single-machine `--aggregate-csv`; the Parquet output has one row per result. Needs Java and pyspark: skipped with
# a message (exit 0) when either is missing, unless CI=true, where .ci/run installs both and a skip is a failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
records=${1:-3000}
master=${2:-local[2]}

skip() {
    if [ "${CI:-}" = true ]; then echo "spark test: $1 (CI must have it)" >&2; exit 1; fi
    echo "spark test: skipped, $1"; exit 0
}
command -v java >/dev/null || skip "no java (apt-get install openjdk-17-jre-headless)"
python3 -c "import pyspark" 2>/dev/null || skip "no pyspark (pip install pyspark)"

swift build --product rater >/dev/null
rater="$(swift build --show-bin-path)/rater"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export RATER_LEXICONS="$PWD/Lexicons"

# Test data: every sample record, repeated with distinct ids.
"$rater" records Corpora/samples/*.csv Corpora/samples/*.tsv Corpora/samples/*.txt Corpora/samples/*.xml \
    > "$work/samples.jsonl" 2>/dev/null || true
python3 - "$work" "$records" <<'PY'
import csv, json, sys
work, wanted = sys.argv[1], int(sys.argv[2])
samples = [json.loads(line) for line in open(f"{work}/samples.jsonl", encoding="utf-8") if line.strip()]
rows = []
for index in range(wanted):
    sample = samples[index % len(samples)]
    fields = sample.get("fields", {})
    rows.append({"id": f"c{index:06d}", "text": sample["text"],
                 "branch": str(fields.get("branch", fields.get("store", "none"))), "channel": str(fields.get("channel", "web"))})
rows[7]["text"] = "   "          # empty_text
with open(f"{work}/data.jsonl", "w", encoding="utf-8") as file:
    for row in rows:
        file.write(json.dumps(row, ensure_ascii=(int(row["id"][1:]) % 2 == 0)) + "\n")
    file.write('{"id":"bad","text":"not closed\n')  # malformed_json
with open(f"{work}/data.csv", "w", encoding="utf-8", newline="") as file:
    writer = csv.writer(file, lineterminator="\n")
    writer.writerow(["id", "branch", "channel", "text"])
    for row in rows:
        # Line-based splitting needs one record per line (see rater_job.py).
        writer.writerow([row["id"], row["branch"], row["channel"], row["text"].replace("\n", " ").replace("\r", " ")])
PY

compare() {
    python3 - "$1" "$2" <<'PY'
import json, sys
def load(path):
    results = {}
    for line in open(path, encoding="utf-8"):
        if line.strip():
            result = json.loads(line)
            for positional in ("source", "record", "line"):
                result.pop(positional, None)
            assert result["id"] not in results, f"duplicate id {result['id']} in {path}"
            results[result["id"]] = result
    return results
single, spark = load(sys.argv[1]), load(sys.argv[2])
assert len(single) == len(spark), f"{len(single)} single-machine results, {len(spark)} from Spark"
different = [key for key in single if single[key] != spark.get(key)]
assert not different, f"{len(different)} results differ, first {different[0]}"
print(f"spark test: {len(single)} results identical")
PY
}

for format in jsonl csv; do
    status=0
    "$rater" analyze "$work/data.$format" --group-by branch --output "$work/single-$format.jsonl" \
        --aggregate-csv "$work/single-$format.csv" 2>/dev/null || status=$?
    [ "$status" -eq 0 ] || [ "$status" -eq 3 ] || { echo "spark test: single-machine run failed ($status)" >&2; exit 1; }
    started=$(date +%s.%N)
    python3 scripts/spark/rater_job.py --master "$master" --rater "$rater" --lexicons Lexicons \
        --input "$work/data.$format" --format "$format" --partitions 4 --aggregate-args "--group-by branch" \
        --results "$work/spark-$format.parquet" --results-jsonl "$work/spark-$format.jsonl" \
        --rejects "$work/spark-$format-rejects.jsonl" --aggregate-csv "$work/spark-$format.csv" 2> "$work/spark.log" \
        || { tail -40 "$work/spark.log" >&2; exit 1; }
    echo "spark test: $format on $master, 4 partitions: $(echo "$(date +%s.%N) - $started" | bc) s (JVM start included)"
    compare "$work/single-$format.jsonl" "$work/spark-$format.jsonl"
    cmp "$work/single-$format.csv" "$work/spark-$format.csv"
    echo "spark test: aggregates identical ($(($(wc -l < "$work/single-$format.csv") - 1)) rows)"
    rows=$(python3 -c "import pyarrow.parquet as p, sys; print(p.read_table(sys.argv[1]).num_rows)" "$work/spark-$format.parquet" 2>/dev/null \
        || python3 -c "
from pyspark.sql import SparkSession; import sys
s = SparkSession.builder.master('local[1]').getOrCreate(); print(s.read.parquet(sys.argv[1]).count())" "$work/spark-$format.parquet" 2>/dev/null | tail -1)
    [ "$rows" -eq "$(wc -l < "$work/spark-$format.jsonl")" ] || { echo "spark test: Parquet has $rows rows" >&2; exit 1; }
    echo "spark test: Parquet has $rows rows, rejects: $(wc -l < "$work/spark-$format-rejects.jsonl")"
done
echo "spark test: passed"
