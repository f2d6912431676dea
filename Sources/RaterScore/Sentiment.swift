import RaterCore

/// A comment's (or a clause's) sentiment: the number dashboards plot and the evidence analysts check.
public struct Sentiment: Sendable, Equatable {
    /// −1 … 1. Computed as (positive − negative) / (positive + negative + damping), so a long review does not
    /// saturate to ±1 and a short strong complaint inside it still moves the score.
    public var score: Double
    public var label: SentimentLabel
    /// Shares of the comment's clauses that lean positive, negative or neither; they sum to 1 (0 for empty text).
    public var positiveShare: Double
    public var negativeShare: Double
    public var neutralShare: Double
    /// How likely the label is right, 0…1 (see `ConfidenceModel`).
    public var confidence: Double
    /// The summed positive and negative weight behind the score.
    public var positiveMass: Double
    public var negativeMass: Double
    /// Whether every term that moved the score has a learned weight (see `LexiconEntry.isLearnedValence`) and no
    /// opinion word does: the score is corpus statistics about the words ("ordered", "said", 三次), not an opinion
    /// the customer voiced. `rater explain` says so. (A confidence curve of its own for such scores was fitted on
    /// held-out halves of the development sets on 2026-11-28 and not kept: it calibrated the held-out halves
    /// slightly better, ECE 0.012 → 0.011 and 0.073 → 0.069, and the team gold worse, 0.060 → 0.085 and 0.067 → 0.089.)
    public var isLearnedOnly: Bool

    public init(score: Double, label: SentimentLabel, positiveShare: Double, negativeShare: Double,
                neutralShare: Double, confidence: Double, positiveMass: Double, negativeMass: Double,
                isLearnedOnly: Bool = false) {
        self.score = score
        self.label = label
        self.positiveShare = positiveShare
        self.negativeShare = negativeShare
        self.neutralShare = neutralShare
        self.confidence = confidence
        self.positiveMass = positiveMass
        self.negativeMass = negativeMass
        self.isLearnedOnly = isLearnedOnly
    }
}
