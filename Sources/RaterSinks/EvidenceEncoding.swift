import RaterCore

// The explanation's arrays are most of a result's JSON (some 13 terms and 6 evidence items per Chinese comment), so
// their elements, whose shape is fixed, are written in one run each: the keys as literal text and the values
// without the per-key comma bookkeeping of `member`, which cost more than the writing. `FixedShapeWritingTests`
// holds them to the same elements written key by key.

extension JSONWriter {
    /// Cue evidence as a JSON array of `{cue, clause[, negator]}`: in results, and in the databases' evidence
    /// columns, so both read the same.
    public mutating func evidence(_ items: [CueEvidence]) {
        beginArray()
        for index in items.indices {
            evidenceItem(cue: items[index].cue, clause: items[index].clause, negator: items[index].negator)
        }
        endArray()
    }

    /// A dimension's evidence, `{cue, clause}` pairs, written like `evidence(_:)` without building `CueEvidence`s.
    public mutating func evidence(_ items: [(cue: String, clause: String)]) {
        beginArray()
        for index in items.indices { evidenceItem(cue: items[index].cue, clause: items[index].clause, negator: nil) }
        endArray()
    }

    private mutating func evidenceItem(cue: String, clause: String, negator: String?) {
        value()
        append(contentsOf: #"{"cue":"#)
        appendString(cue)
        append(contentsOf: #","clause":"#)
        appendString(clause)
        if let negator {
            append(contentsOf: #","negator":"#)
            appendString(negator)
        }
        append(UInt8(ascii: "}"))
    }
}

extension JSONWriter {
    /// The explanation's terms as a JSON array of `{term, base, weight, rules[, source][, learned]}`: in results and
    /// in the databases' `explanation` column. `source` (the lexicon file of the base weight) is left out when no
    /// file gave it, and `learned` is written only for a learned weight (`true`), so a term without either reads as
    /// one written before they were recorded does.
    public mutating func terms(_ terms: [TermExplanation]) {
        beginArray()
        // The last file named and where its `,"source":…` was written: a comment's terms come from a few files,
        // mostly in runs, and each file is one string of the engine's (`TermSources`), so a term of the same file
        // as the last copies those bytes rather than reading and escaping the name again.
        var lastSource: String?
        var lastSourceStart = 0
        var lastSourceLength = 0
        // Read in place: a copy of each term retained and released its text and rule list.
        for index in terms.indices {
            value()
            append(contentsOf: #"{"term":"#)
            appendString(terms[index].term)
            append(contentsOf: #","base":"#)
            appendNumber(terms[index].base)
            append(contentsOf: #","weight":"#)
            appendNumber(terms[index].weight)
            append(contentsOf: #","rules":["#)
            for (position, rule) in terms[index].rules.enumerated() {
                if position > 0 { append(UInt8(ascii: ",")) }
                appendString(rule)
            }
            append(UInt8(ascii: "]"))
            if let source = terms[index].source {
                if source == lastSource {
                    appendWritten(from: lastSourceStart, length: lastSourceLength)
                } else {
                    lastSourceStart = byteCount
                    append(contentsOf: #","source":"#)
                    appendString(source)
                    lastSourceLength = byteCount - lastSourceStart
                    lastSource = source
                }
            }
            if terms[index].isLearned { append(contentsOf: #","learned":true"#) }
            append(UInt8(ascii: "}"))
        }
        endArray()
    }
}
