import Foundation
import RaterCore

/// Which group and period a tally belongs to. Empty `groups` is the whole population; nil `period` is all time.
public struct AggregateKey: Sendable, Hashable, Codable, Comparable {
    public var groups: [String]
    public var period: String?

    public init(groups: [String], period: String?) {
        self.groups = groups
        self.period = period
    }

    public static func < (lhs: AggregateKey, rhs: AggregateKey) -> Bool {
        if lhs.groups != rhs.groups {
            if lhs.groups.isEmpty != rhs.groups.isEmpty { return lhs.groups.isEmpty }
            return lhs.groups.lexicographicallyPrecedes(rhs.groups)
        }
        switch (lhs.period, rhs.period) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case let (left?, right?): return left < right
        }
    }
}

/// Everything counted for one group and period: overall, per-dimension and per-aspect sentiment, signal counts per
/// scope, ratings, and driver statistics. All of it merges by addition.
public struct GroupAggregate: Sendable, Equatable, Codable {
    public static let overall = "overall"

    public var overall = SentimentTally()
    public var dimensions: [String: SentimentTally] = [:]
    /// Per non-RATER aspect (`price`, `product`, `location`), counted like a dimension. Their scope names are not
    /// dimension names, so one `signals` map serves both.
    public var aspects: [String: SentimentTally] = [:]
    /// scope (`overall` or a dimension) → signal value → comments.
    public var signals: [String: [String: Int]] = [:]
    public var ratings = RatingTally()
    public var drivers = DriverStatistics(predictors: ServiceDimension.allCases.count)

    public init() {}

    /// Counts one comment; `answers` are its rating cells as read once by `Aggregation` (so a value the NPS, CSAT or
    /// CES figures refuse is not fitted by the driver table either).
    public mutating func add(_ observation: Observation, ratings answers: ObservedRatings) {
        overall.add(label: observation.label, score: observation.score)
        for signal in observation.signals { signals[Self.overall, default: [:]][signal, default: 0] += 1 }
        for mention in observation.mentions {
            let scope = mention.dimension.rawValue
            dimensions[scope, default: SentimentTally()].add(label: mention.label, score: mention.score)
            for signal in observation.signals { signals[scope, default: [:]][signal, default: 0] += 1 }
        }
        for mention in observation.aspects {
            let scope = mention.aspect.rawValue
            aspects[scope, default: SentimentTally()].add(label: mention.label, score: mention.score)
            for signal in observation.signals { signals[scope, default: [:]][signal, default: 0] += 1 }
        }
        if let value = answers.nps { ratings.addNPS(value) }
        if let value = answers.csat { ratings.addCSAT(value) }
        if let value = answers.ces { ratings.addCES(value) }
        if let outcome = answers.driverOutcome {
            // A dimension the comment does not mention counts as neutral (0) for that comment.
            let values = ServiceDimension.allCases.map { dimension in
                observation.mentions.first { $0.dimension == dimension }?.score ?? 0
            }
            drivers.add(outcome: outcome, predictors: values)
        }
    }

    /// Counts the ratings of a survey answer without a comment (`RatingOnlyAnswer`): in the rating figures only, not
    /// as a comment (no sentiment, signals or dimensions) nor in the driver table, which needs a comment's
    /// dimensions to explain the rating by.
    public mutating func addRatings(_ answers: ObservedRatings) {
        if let value = answers.nps { ratings.addNPS(value) }
        if let value = answers.csat { ratings.addCSAT(value) }
        if let value = answers.ces { ratings.addCES(value) }
    }

    /// Why these counts cannot have been made by `add` (a partial's contents are checked with it), or nil.
    var problem: String? {
        if let problem = drivers.problem(predictors: ServiceDimension.allCases.count) { return problem }
        for (scope, tally) in [(Self.overall, overall)] + dimensions.sorted(by: { $0.key < $1.key })
            + aspects.sorted(by: { $0.key < $1.key }) {
            if let problem = tally.problem { return "\(scope): \(problem)" }
        }
        if signals.values.contains(where: { $0.values.contains { $0 < 0 } }) { return "a negative signal count" }
        return ratings.problem
    }

    public mutating func merge(_ other: GroupAggregate) {
        overall.merge(other.overall)
        for (scope, tally) in other.dimensions { dimensions[scope, default: SentimentTally()].merge(tally) }
        for (scope, tally) in other.aspects { aspects[scope, default: SentimentTally()].merge(tally) }
        for (scope, counts) in other.signals {
            signals[scope, default: [:]].merge(counts, uniquingKeysWith: +)
        }
        ratings.merge(other.ratings)
        drivers.merge(other.drivers)
    }
}

extension GroupAggregate {
    private enum CodingKeys: String, CodingKey {
        case overall, dimensions, aspects, signals, ratings, drivers
    }

    /// Set to true in an encoder's `userInfo` to leave `aspects` out, as partials without aspect counts have it
    /// (`AggregationPartial.carriesAspectCounts`).
    static let withoutAspectsKey = CodingUserInfoKey(rawValue: "rater.withoutAspects")!

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(overall, forKey: .overall)
        try container.encode(dimensions, forKey: .dimensions)
        if encoder.userInfo[Self.withoutAspectsKey] as? Bool != true { try container.encode(aspects, forKey: .aspects) }
        try container.encode(signals, forKey: .signals)
        try container.encode(ratings, forKey: .ratings)
        try container.encode(drivers, forKey: .drivers)
    }

    /// Decodes a partial's entry. `aspects` may be absent: partials written before aspects were counted merge as
    /// before, their comments simply not in the aspect rows (as their comments are not in the column reports).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        overall = try container.decode(SentimentTally.self, forKey: .overall)
        dimensions = try container.decode([String: SentimentTally].self, forKey: .dimensions)
        aspects = try container.decodeIfPresent([String: SentimentTally].self, forKey: .aspects) ?? [:]
        signals = try container.decode([String: [String: Int]].self, forKey: .signals)
        ratings = try container.decode(RatingTally.self, forKey: .ratings)
        drivers = try container.decode(DriverStatistics.self, forKey: .drivers)
    }
}
