import Foundation
import RaterCore

/// Turns a score and the evidence behind it into the probability that the label is right.
///
/// A logistic curve over |score| and log(1 + evidence mass). The coefficients were fitted on the development sets
/// (binary labels) so that, for example, comments given 0.8 are right about 80% of the time; `rater eval` prints the
/// calibration table to check this on any labelled file.
public struct ConfidenceModel: Sendable, Equatable {
    public var intercept: Double
    public var scoreWeight: Double
    public var evidenceWeight: Double
    /// Confidence given to a neutral label with no evidence at all.
    public var emptyNeutral: Double

    public init(intercept: Double = -0.4, scoreWeight: Double = 2.6, evidenceWeight: Double = 0.55,
                emptyNeutral: Double = 0.5) {
        self.intercept = intercept
        self.scoreWeight = scoreWeight
        self.evidenceWeight = evidenceWeight
        self.emptyNeutral = emptyNeutral
    }

    public func confidence(score: Double, evidence: Double, label: SentimentLabel) -> Double {
        if evidence == 0 { return emptyNeutral }
        let strength = label == .neutral ? 1 - min(1, abs(score) * 10) : abs(score)
        let z = intercept + scoreWeight * strength + evidenceWeight * log1p(evidence)
        return 1 / (1 + exp(-z))
    }
}
