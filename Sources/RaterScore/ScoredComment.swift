import RaterCore
import RaterLexicon
import RaterNormalize
import RaterSegment

/// The score stage's output: the comment, its segmentation, the lexicon terms found, and the sentiment of each
/// scoring unit and of the whole. The dimension stage reads the units; it never re-segments or re-matches.
public struct ScoredComment: Sendable {
    public var comment: NormalizedComment
    public var segmented: SegmentedText
    /// Sorted by start offset, never overlapping: units take contiguous ranges of them and the dimension stage's
    /// negator search bisects them (checked in debug builds by `Scorer.score`).
    public var matches: [TermMatch]
    public var units: [ScoringUnit]
    public var contributions: [Contribution]
    public var sentiment: Sentiment
    /// Word positions of `segmented`'s tokens, counted once for the scorer's modifier windows and kept for the
    /// dimension stage's term windows.
    public let wordOrdinals: WordOrdinals
}

/// A clause, or the part of a clause on one side of a contrast word: the span sentiment and dimensions are
/// attributed to.
public struct ScoringUnit: Sendable, Equatable {
    /// Indexes into `SegmentedText.tokens`.
    public var tokens: Range<Int>
    public var sentence: Int
    /// Index into `SegmentedText.clauses` of the clause the unit belongs to.
    public var clause: Int
    /// Indexes into `ScoredComment.matches` of the terms inside the unit.
    public var matches: Range<Int>
    /// The summed positive and (absolute) negative contribution weights of the unit's terms.
    public var positive: Double
    public var negative: Double
    /// Whether a hand-written term (not a learned weight) in the unit was left with a weight by the rules: the
    /// comment's sentiment rests on learned weights alone when no unit has one (`Sentiment.isLearnedOnly`). Kept per
    /// unit for a second scoring that keeps some units as they were (`Scorer.score(again:waiving:)`).
    public var hasOpinion = false

    /// The unit's own leaning, −1…1, on the same formula as the comment score.
    public func score(damping: Double) -> Double {
        (positive - negative) / (positive + negative + damping)
    }
}

extension ScoringUnit {
    /// Sums the positive and negative weights of unit `unit` (this one's index; `Contribution.clause` counts units)
    /// again from `contributions`, after a rule changed some of them once the unit was scored (a withdrawn measure,
    /// sarcastic praise, a problem gone).
    mutating func retally(unit: Int, from contributions: [Contribution]) {
        var positive = 0.0
        var negative = 0.0
        for contribution in contributions where contribution.clause == unit {
            if contribution.weight > 0 { positive += contribution.weight } else { negative -= contribution.weight }
        }
        self.positive = positive
        self.negative = negative
    }
}
