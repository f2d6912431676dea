import RaterCore

/// An industry's view of service quality: which RATER dimensions weigh most, plus (in its lexicon folder) the
/// domain's own cue words.
///
/// Weights come from `Lexicons/profiles/profiles.tsv`; README explains the reasoning per industry. They shape the
/// comment's weighted service score, never whether a dimension is detected or its polarity.
public struct IndustryProfile: Sendable, Equatable {
    public var name: String
    public var version: String
    /// Relative importance per dimension; they sum to 1 in the shipped file, but only ratios matter.
    public var weights: [ServiceDimension: Double]
    public var summary: String

    public init(name: String, version: String, weights: [ServiceDimension: Double], summary: String = "") {
        self.name = name
        self.version = version
        self.weights = weights
        self.summary = summary
    }

    /// The cross-industry average importance of the five dimensions (Zeithaml, Parasuraman & Berry 1990) and no
    /// domain cues: the fallback when a lexicon folder ships no profiles file. Matches `generic` in profiles.tsv.
    public static let generic = IndustryProfile(
        name: "generic", version: "1",
        weights: [.reliability: 0.32, .assurance: 0.19, .tangibles: 0.11, .empathy: 0.16, .responsiveness: 0.22],
        summary: "cross-industry average; base cue lexicons only")

    public func weight(of dimension: ServiceDimension) -> Double { weights[dimension] ?? 0 }

    /// The weighted mean of the scores of the dimensions a comment speaks to, or nil when it speaks to none.
    /// Summed in a loop, in the order given (as `reduce` over mapped arrays did), without the two arrays.
    public func serviceScore(_ scores: [(ServiceDimension, Double)]) -> Double? {
        Self.weightedMean(scores.lazy.map { (weight(of: $0.0), $0.1) })
    }

    /// `serviceScore` from scores that carry their dimension's weight already (as `DimensionResult.weight` does):
    /// the mapper need not hash each dimension into `weights` twice more.
    public static func weightedMean(_ scores: some Collection<(weight: Double, score: Double)>) -> Double? {
        var total = 0.0
        for (weight, _) in scores { total += weight }
        guard total > 0 else { return nil }
        var weighted = 0.0
        for (weight, score) in scores { weighted += weight * score }
        return weighted / total
    }
}
