import RaterCore

/// What a comment says about one RATER dimension, with the evidence behind it.
public struct DimensionResult: Sendable, Equatable {
    public var dimension: ServiceDimension
    public var score: Double
    public var label: SentimentLabel
    /// How many cue words for the dimension the comment contains.
    public var mentions: Int
    public var evidence: [Evidence]
    /// The dimension's weight in the industry profile in force.
    public var weight: Double

    public init(dimension: ServiceDimension, score: Double, label: SentimentLabel, mentions: Int, evidence: [Evidence],
                weight: Double = 0.2) {
        self.dimension = dimension
        self.weight = weight
        self.score = score
        self.label = label
        self.mentions = mentions
        self.evidence = evidence
    }
}

/// A cue word and the clause it was found in.
public struct Evidence: Sendable, Equatable {
    public var cue: String
    public var clause: String
    /// The clause's own sentiment, −1…1.
    public var clauseScore: Double

    public init(cue: String, clause: String, clauseScore: Double) {
        self.cue = cue
        self.clause = clause
        self.clauseScore = clauseScore
    }
}
