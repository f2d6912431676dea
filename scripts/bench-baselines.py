#!/usr/bin/env python3
"""The open tools Rater is compared with, on the same exports the benchmark reads:

- English: VADER (vaderSentiment), the standard rule-based sentiment scorer, on every comment.
- Chinese: jieba word segmentation plus a lookup of each word in Rater's own Chinese sentiment lexicon (the usual
  "segment + dictionary" approach), on every comment.

    bench-baselines.py en|zh EXPORT.csv   → prints "<tool> <seconds> <comments> <MB/s> <comments/s>"

Reading the CSV is included in the timing, as it is for Rater. Single process, single core.
"""
import csv
import os
import sys
import time

ROOT = os.path.join(os.path.dirname(__file__), "..")


def comments(path):
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get("comment"):
                yield row["comment"]


def vader(path):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    analyzer = SentimentIntensityAnalyzer()
    count = 0
    for text in comments(path):
        analyzer.polarity_scores(text)
        count += 1
    return "vader", count


def jieba_lexicon(path):
    import jieba
    lexicon = {}
    for name in ("sentiment.tsv", "learned-reviews.tsv"):
        with open(os.path.join(ROOT, "Lexicons", "zh", name), encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#") or "\t" not in line:
                    continue
                term, value = line.rstrip("\n").split("\t")[:2]
                try:
                    lexicon[term] = float(value)
                except ValueError:
                    pass
    jieba.initialize()
    count = 0
    for text in comments(path):
        sum(lexicon.get(word, 0.0) for word in jieba.lcut(text))
        count += 1
    return "jieba+lexicon", count


def main():
    language, path = sys.argv[1], sys.argv[2]
    size = os.path.getsize(path) / 1_048_576
    start = time.perf_counter()
    name, count = vader(path) if language == "en" else jieba_lexicon(path)
    seconds = time.perf_counter() - start
    print(f"{name} {seconds:.2f} {count} {size / seconds:.3f} {count / seconds:.0f}")


if __name__ == "__main__":
    main()
