import RaterCore

/// What aggregation needs of one analysed comment. Built from a `CommentResult` in a run, or from a result line
/// read back by `rater aggregate`, so both paths aggregate the same way.
public struct Observation: Sendable, Equatable {
    public struct Mention: Sendable, Equatable {
        public var dimension: ServiceDimension
        public var label: SentimentLabel
        public var score: Double

        public init(dimension: ServiceDimension, label: SentimentLabel, score: Double) {
            self.dimension = dimension
            self.label = label
            self.score = score
        }
    }

    /// A non-RATER aspect the comment speaks to (price, product, location), with its sentiment there.
    public struct AspectMention: Sendable, Equatable {
        public var aspect: Aspect
        public var label: SentimentLabel
        public var score: Double

        public init(aspect: Aspect, label: SentimentLabel, score: Double) {
            self.aspect = aspect
            self.label = label
            self.score = score
        }
    }

    public var label: SentimentLabel
    public var score: Double
    public var mentions: [Mention]
    /// The aspects mentioned, in `Aspect` order.
    public var aspects: [AspectMention]
    /// Signal values as `signal.value` (`loyalty.at_risk`), sorted.
    public var signals: [String]
    public var fields: [Field]

    public init(label: SentimentLabel, score: Double, mentions: [Mention], aspects: [AspectMention] = [],
                signals: [String], fields: [Field]) {
        self.label = label
        self.score = score
        self.mentions = mentions
        self.aspects = aspects.sorted { $0.aspect < $1.aspect }
        self.signals = signals
        self.fields = fields
    }

    public init(_ result: CommentResult) {
        self.init(label: result.sentiment.label, score: result.sentiment.score,
                  mentions: result.dimensions.map { Mention(dimension: $0.dimension, label: $0.label, score: $0.score) },
                  aspects: result.aspects.map { AspectMention(aspect: $0.aspect, label: $0.label, score: $0.score) },
                  signals: result.signals.map { "\($0.kind.rawValue).\($0.value.rawValue)" }.sorted(),
                  fields: result.fields)
    }

    public func field(_ name: String) -> String? {
        fields.value(ofColumn: name)
    }
}
