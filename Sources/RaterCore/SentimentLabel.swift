/// The label a score maps to. Thresholds live in `LabelThresholds` so they can be configured and documented.
public enum SentimentLabel: String, Sendable, Codable, CaseIterable {
    case positive
    case negative
    case neutral
}

/// Where a score stops being neutral. A score above `positive` is positive, below `negative` is negative.
public struct LabelThresholds: Sendable, Equatable {
    public var positive: Double
    public var negative: Double

    /// The defaults: a comment needs a net lean of 0.05 either way to leave neutral.
    public static let standard = LabelThresholds(positive: 0.05, negative: -0.05)

    public init(positive: Double, negative: Double) {
        precondition(negative <= positive, "the negative threshold must not exceed the positive one")
        self.positive = positive
        self.negative = negative
    }

    public func label(for score: Double) -> SentimentLabel {
        if score > positive { return .positive }
        if score < negative { return .negative }
        return .neutral
    }
}
