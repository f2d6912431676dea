import RaterCore

/// Key-driver analysis as an importance–performance table: for each RATER dimension, how much its sentiment
/// explains the rating (relative importance, the Shapley share of R²) against how well it performs (net sentiment
/// where it is mentioned). The quadrant says where to act: important and weak first.
public struct DriverTable: Sendable, Equatable {
    public enum Quadrant: String, Sendable {
        case concentrateHere = "concentrate here"
        case keepUpTheGoodWork = "keep up the good work"
        case lowPriority = "low priority"
        case possibleOverkill = "possible overkill"
    }

    public struct Row: Sendable, Equatable {
        public var dimension: ServiceDimension
        /// Correlation of the dimension's per-comment sentiment with the rating.
        public var correlation: Double
        /// The dimension's share of R² (the rows sum to `rSquared`).
        public var importance: Double
        /// Importance as a share of the explained variance, in [0, 1].
        public var importanceShare: Double
        /// Net sentiment where the dimension is mentioned.
        public var performance: Double
        public var mentions: Int
        public var quadrant: Quadrant
    }

    public var rSquared: Double
    public var ratedComments: Int
    public var rows: [Row]

    /// Below this many rated comments (ten per dimension, the usual rule of thumb for a regression) the split of R²
    /// is too unstable to act on. The table is still made from `Aggregation.minimumRatedComments` on, but the
    /// report says so and leaves the quadrants out: with five dimensions and an intercept, six comments or fewer fit
    /// exactly (R² = 1) whatever they say, and the report of a four-comment night used to mark a dimension
    /// "concentrate here" on it.
    public static let stableRatedComments = 50

    /// Fewer rated comments than `stableRatedComments`.
    public var isThin: Bool { ratedComments < Self.stableRatedComments }

    init(statistics: DriverStatistics, aggregate: GroupAggregate) {
        let importance = statistics.relativeImportance
        let correlations = statistics.correlations
        let total = importance.reduce(0, +)
        rSquared = total
        ratedComments = statistics.count
        let dimensions = ServiceDimension.allCases
        // Quadrants split at the average importance and at neutral performance (net sentiment 0).
        let averageImportance = total / Double(dimensions.count)
        rows = dimensions.enumerated().map { index, dimension in
            let tally = aggregate.dimensions[dimension.rawValue] ?? SentimentTally()
            let important = importance[index] > averageImportance
            let performing = tally.netSentiment > 0
            let quadrant: Quadrant = important
                ? (performing ? .keepUpTheGoodWork : .concentrateHere)
                : (performing ? .possibleOverkill : .lowPriority)
            return Row(dimension: dimension, correlation: correlations[index], importance: importance[index],
                       importanceShare: total > 0 ? importance[index] / total : 0, performance: tally.netSentiment,
                       mentions: tally.count, quadrant: quadrant)
        }
    }
}
