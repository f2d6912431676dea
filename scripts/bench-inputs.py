#!/usr/bin/env python3
"""Generates benchmark exports from the team's own sample comments (Corpora/): CSV and XML, Chinese, English and
mixed, at a requested size, and the mixed comments as plain text (one a line, no id: a database run keys each by its
text's digest, the nightly case whose memory `RepeatCounter` bounds). Rows join one to three comments picked with a
fixed seed, so every run of the benchmark reads the same bytes.

    scripts/bench-inputs.py OUT_DIR SIZE_MB [SIZE_MB ...]
"""
import csv
import glob
import os
import random
import re
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

ROOT = os.path.join(os.path.dirname(__file__), "..")


def comments():
    texts = []
    for path in glob.glob(os.path.join(ROOT, "Corpora", "samples", "*.csv")) + glob.glob(
            os.path.join(ROOT, "Corpora", "gold", "*.csv")):
        with open(path, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                text = row.get("comment") or row.get("text") or ""
                texts.append(text)
    for path in glob.glob(os.path.join(ROOT, "Corpora", "samples", "*.tsv")):
        with open(path, encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                texts.append(row.get("comment", ""))
    for path in glob.glob(os.path.join(ROOT, "Corpora", "samples", "*.txt")):
        with open(path, encoding="utf-8") as handle:
            texts.extend(line.strip() for line in handle)
    for path in glob.glob(os.path.join(ROOT, "Corpora", "samples", "*.xml")):
        for element in ET.parse(path).iter():
            if element.tag in ("text", "feedback") and element.text:
                texts.append(element.text)
    texts = [" ".join(text.split()) for text in texts if text and text.strip()]
    han = re.compile(r"[\u4e00-\u9fff]")
    chinese = [text for text in texts if len(han.findall(text)) >= max(3, len(text) // 4)]
    english = [text for text in texts if not han.search(text)]
    return texts, chinese, english


def rows(pool, size, rng):
    written = 0
    index = 0
    branches = ["西湖店", "滨江店", "Queens Rd", "Canal St", "信义店", "airport"]
    while written < size:
        index += 1
        text = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 3)))
        row = (f"B{index}", rng.choice(branches), f"2026-11-{1 + index % 28:02d}", str(rng.randint(1, 5)), text)
        written += sum(len(cell.encode("utf-8")) for cell in row) + 8
        yield row


def main():
    out = sys.argv[1]
    sizes = [int(value) for value in sys.argv[2:]] or [100]
    os.makedirs(out, exist_ok=True)
    mixed, chinese, english = comments()
    for size in sizes:
        for name, pool in (("mixed", mixed), ("zh", chinese), ("en", english)):
            rng = random.Random(f"{name}-{size}")
            path = os.path.join(out, f"{name}_{size}mb.csv")
            with open(path, "w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(["id", "branch", "date", "rating", "comment"])
                for row in rows(pool, size * 1_048_576, rng):
                    writer.writerow(row)
            print(path)
        rng = random.Random(f"xml-{size}")
        path = os.path.join(out, f"mixed_{size}mb.xml")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write('<?xml version="1.0" encoding="UTF-8"?>\n<export>\n')
            for row in rows(mixed, size * 1_048_576, rng):
                handle.write(f'<review id="{row[0]}" branch="{escape(row[1])}" date="{row[2]}"><rating>{row[3]}</rating>'
                             f"<text>{escape(row[4])}</text></review>\n")
            handle.write("</export>\n")
        print(path)
        rng = random.Random(f"text-{size}")
        path = os.path.join(out, f"mixed_{size}mb.txt")
        with open(path, "w", encoding="utf-8") as handle:
            written = 0
            # rows() counts the CSV columns too; the text alone is counted here, so the file has the size named.
            for row in rows(mixed, 2 * size * 1_048_576, rng):
                if written >= size * 1_048_576:
                    break
                line = row[4] + "\n"
                handle.write(line)
                written += len(line.encode("utf-8"))
        print(path)


if __name__ == "__main__":
    main()
