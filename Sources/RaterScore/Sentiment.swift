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

    public init(score: Double, label: SentimentLabel, positiveShare: Double, negativeShare: Double,
                neutralShare: Double, confidence: Double, positiveMass: Double, negativeMass: Double) {
        self.score = score
        self.label = label
        self.positiveShare = positiveShare
        self.negativeShare = negativeShare
        self.neutralShare = neutralShare
        self.confidence = confidence
        self.positiveMass = positiveMass
        self.negativeMass = negativeMass
    }
}
