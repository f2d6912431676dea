import RaterCore

/// What a run's summary counts of one result: its sentiment and the dimensions it mentions.
///
/// Small and free of references on purpose: workers that write JSON lines themselves hand this, not the whole
/// `CommentResult`, to the thread that keeps the summary, so the result can be freed where it was made.
public struct ResultTally: Sendable, Equatable {
    public var label: SentimentLabel
    /// Bit `d.ordinal` is set when the result scored dimension `d`.
    public var dimensionBits: UInt8

    public init(_ result: CommentResult) {
        label = result.sentiment.label
        dimensionBits = 0
        for dimension in result.dimensions { dimensionBits |= 1 << UInt8(dimension.dimension.ordinal) }
    }

    /// Whether the result scored `dimension`.
    public func mentions(_ dimension: ServiceDimension) -> Bool {
        dimensionBits & (1 << UInt8(dimension.ordinal)) != 0
    }

    /// The dimensions the result scored, in RATER order.
    public var dimensions: [ServiceDimension] { ServiceDimension.allCases.filter(mentions) }
}
