import RaterCore

extension JSONWriter {
    /// Cue evidence as a JSON array of `{cue, clause[, negator]}`: in results, and in the databases' evidence
    /// columns, so both read the same.
    public mutating func evidence(_ items: [CueEvidence]) {
        beginArray()
        for item in items {
            beginObject()
            key("cue", item.cue)
            key("clause", item.clause)
            if let negator = item.negator { key("negator", negator) }
            endObject()
        }
        endArray()
    }
}
