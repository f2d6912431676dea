import RaterCore

/// Mergeable sentiment counts of one group, period and scope. Only sums are kept, so two tallies of disjoint data
/// merge into exactly the tally of the union, whatever the order.
///
/// Scores are summed as integers in units of 1/10,000 — the precision results are written with — because
/// floating-point sums depend on the order of addition, and "merge equals whole" must hold to the last digit.
public struct SentimentTally: Sendable, Equatable, Codable {
    public var count = 0
    public var positive = 0
    public var negative = 0
    public var neutral = 0
    /// The sum of scores in units of `FixedPoint.scale`.
    public var scoreUnits = 0

    public init() {}

    public mutating func add(label: SentimentLabel, score: Double) {
        count += 1
        switch label {
        case .positive: positive += 1
        case .negative: negative += 1
        case .neutral: neutral += 1
        }
        scoreUnits += FixedPoint.units(score)
    }

    /// Why these counts cannot have been made by `add` — a negative count, or labels that do not add up to the
    /// count (Wilson intervals of a share above 1 are no range) — or nil.
    var problem: String? {
        guard count >= 0, positive >= 0, negative >= 0, neutral >= 0 else { return "a negative count" }
        guard positive + negative + neutral == count else {
            return "positive \(positive) + negative \(negative) + neutral \(neutral) is not the count \(count)"
        }
        return nil
    }

    public mutating func merge(_ other: SentimentTally) {
        count += other.count
        positive += other.positive
        negative += other.negative
        neutral += other.neutral
        scoreUnits += other.scoreUnits
    }

    private func share(_ part: Int) -> Double { count > 0 ? Double(part) / Double(count) : 0 }
    public var sharePositive: Double { share(positive) }
    public var shareNegative: Double { share(negative) }
    public var shareNeutral: Double { share(neutral) }
    public var meanScore: Double { count > 0 ? FixedPoint.value(scoreUnits) / Double(count) : 0 }
    public var netSentiment: Double { sharePositive - shareNegative }
}

/// Values as integers in units of 1/10,000, so sums are exact and independent of order.
public enum FixedPoint {
    public static let scale = 10_000.0

    /// The largest magnitude `units` gives: 2^50, about 1.1 × 10^11 in value. Scores lie in [-1, 1] and ratings
    /// on their scales, so only a value nothing should have let through gets here — clamped, because a value too
    /// large for `Int` is a trap that ends the whole run, and an overflow of the sums is one too.
    public static let maximumUnits = 1 << 50

    /// `value` in units of 1/10,000, rounded; 0 for NaN and infinities, clamped to ±`maximumUnits`.
    public static func units(_ value: Double) -> Int {
        guard value.isFinite else { return 0 }
        let scaled = (value * scale).rounded()
        let limit = Double(maximumUnits)
        return scaled >= limit ? maximumUnits : scaled <= -limit ? -maximumUnits : Int(scaled)
    }

    public static func value(_ units: Int) -> Double { Double(units) / scale }
}
