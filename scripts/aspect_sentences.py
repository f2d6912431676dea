#!/usr/bin/env python3
"""Writes id<TAB>source<TAB>label<TAB>text for aspect-annotated XML sentences (SemEval-2014, MAMS) whose aspect
categories all share one polarity: a sentence-level label for lexicon learning. The source is the XML file's name
without its extension (for `rater lexicon learn --source-column source --min-sources`). Output goes to stdout (a
temporary file), never into the project."""
import os
import sys
import xml.etree.ElementTree as ET

print("id\tsource\tlabel\ttext")
for path in sys.argv[1:]:
    source = os.path.splitext(os.path.basename(path))[0]
    for sentence in ET.parse(path).getroot().iter("sentence"):
        polarities = {c.get("polarity") for c in sentence.iter("aspectCategory")}
        text = (sentence.findtext("text") or "").replace("\t", " ").replace("\n", " ").strip()
        if len(polarities) == 1 and text:
            polarity = polarities.pop()
            if polarity in ("positive", "negative"):
                print(f"{sentence.get('id')}\t{source}\t{polarity}\t{text}")
