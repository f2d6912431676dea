import RaterCore

/// What a comment says about a non-RATER aspect (price, product, location), scored like a dimension.
public struct AspectResult: Sendable, Equatable {
    public var aspect: Aspect
    public var score: Double
    public var label: SentimentLabel
    public var mentions: Int
    public var evidence: [Evidence]

    public init(aspect: Aspect, score: Double, label: SentimentLabel, mentions: Int, evidence: [Evidence]) {
        self.aspect = aspect
        self.score = score
        self.label = label
        self.mentions = mentions
        self.evidence = evidence
    }
}
