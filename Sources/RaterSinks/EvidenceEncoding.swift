import RaterCore

extension JSONWriter {
    /// Cue evidence as a JSON array of `{cue, clause[, negator]}`: in results, and in the databases' evidence
    /// columns, so both read the same.
    public mutating func evidence(_ items: [CueEvidence]) {
        beginArray()
        for item in items { evidenceItem(cue: item.cue, clause: item.clause, negator: item.negator) }
        endArray()
    }

    /// A dimension's evidence, `{cue, clause}` pairs, written like `evidence(_:)` without building `CueEvidence`s.
    public mutating func evidence(_ items: [(cue: String, clause: String)]) {
        beginArray()
        for item in items { evidenceItem(cue: item.cue, clause: item.clause, negator: nil) }
        endArray()
    }

    private mutating func evidenceItem(cue: String, clause: String, negator: String?) {
        beginObject()
        member("cue", cue)
        member("clause", clause)
        if let negator { member("negator", negator) }
        endObject()
    }
}

extension JSONWriter {
    /// The explanation's terms as a JSON array of `{term, base, weight, rules}`: in results and in the databases'
    /// `explanation` column.
    public mutating func terms(_ terms: [TermExplanation]) {
        beginArray()
        for term in terms {
            beginObject()
            member("term", term.term)
            member("base", term.base)
            member("weight", term.weight)
            member("rules")
            beginArray()
            for rule in term.rules { string(rule) }
            endArray()
            endObject()
        }
        endArray()
    }
}
