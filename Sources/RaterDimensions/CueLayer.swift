import RaterLexicon

/// The cue matches of one role (dimensions, aspects or signals) in a comment, with that layer's entries.
public struct CueLayer: Sendable {
    public var matches: [TermMatch]
    public var entries: [LexiconEntry]
    /// The layer's `CueTerms.Layer.shorterEntry` and `shorterLength`: the shorter cue a longer one hid, read where
    /// the longer one's conditions fail (empty: none).
    public var shorterEntry: [Int32]
    public var shorterLength: [Int32]

    public init(matches: [TermMatch], entries: [LexiconEntry], shorterEntry: [Int32] = [],
                shorterLength: [Int32] = []) {
        self.matches = matches
        self.entries = entries
        self.shorterEntry = shorterEntry
        self.shorterLength = shorterLength
    }
}
