import RaterLexicon

/// The cue matches of one role (dimensions, aspects or signals) in a comment, with that layer's entries.
public struct CueLayer: Sendable {
    public var matches: [TermMatch]
    public var entries: [LexiconEntry]

    public init(matches: [TermMatch], entries: [LexiconEntry]) {
        self.matches = matches
        self.entries = entries
    }
}
