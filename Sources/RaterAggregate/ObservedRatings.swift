/// The rating answers of one comment, each cell read once by its column's scale (`RatingScale.read`), so what the
/// NPS, CSAT and CES figures count and what the driver table explains are the same values: a `99` or a `nan` in a
/// 1–5 column is in neither, and a `1e16` can no longer overflow the driver table's sums.
public struct ObservedRatings: Sendable, Equatable {
    public var nps: Double?
    public var csat: Double?
    public var ces: Double?
    /// The answer the driver table explains (`AggregationOptions.driverScale`): nil when that column's cell is
    /// blank or unreadable, even if another rating column has an answer, so every rated comment of a table answers
    /// the same question.
    public var driverOutcome: Double?

    public init(nps: Double? = nil, csat: Double? = nil, ces: Double? = nil, driverScale: RatingScale? = nil) {
        self.nps = nps
        self.csat = csat
        self.ces = ces
        driverOutcome = driverScale.flatMap { self[$0] }
    }

    public subscript(scale: RatingScale) -> Double? {
        switch scale {
        case .nps: return nps
        case .csat: return csat
        case .ces: return ces
        }
    }
}
