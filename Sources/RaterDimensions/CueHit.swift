import RaterLexicon

/// A cue word found in a comment whose context conditions hold: what the dimension, aspect and signal tallies
/// read.
public struct CueHit: Sendable, Equatable {
    /// The cue as written in the comment.
    public var cue: String
    /// Index into `SegmentedText.tokens` of the token the cue starts in.
    public var token: Int
    /// Index into `ScoredComment.units` of the scoring unit (clause part) the cue is in.
    public var unit: Int
    /// The cue's lexicon entry (its dimension, aspect and signal roles, with the conditions already checked).
    public var entry: LexiconEntry
    /// A negator governs the cue (不会*再来*, "would not *recommend*").
    public var negated: Bool
    /// The negator, when there is one.
    public var negator: String?
}
