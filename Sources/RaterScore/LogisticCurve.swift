import Foundation

/// p = 1 / (1 + e^−(intercept + strengthWeight·strength + evidenceWeight·log(1 + evidence))): the shape of
/// `ConfidenceModel`, with coefficients fitted by `rater calibrate` (Platt scaling on two features).
public struct LogisticCurve: Sendable, Equatable {
    public var intercept: Double
    public var strengthWeight: Double
    public var evidenceWeight: Double

    public init(intercept: Double, strengthWeight: Double, evidenceWeight: Double) {
        self.intercept = intercept
        self.strengthWeight = strengthWeight
        self.evidenceWeight = evidenceWeight
    }

    /// The two features the curve reads, in the order of its weights.
    public static func features(strength: Double, evidence: Double) -> (Double, Double) {
        (strength, log1p(evidence))
    }

    public func probability(strength: Double, evidence: Double) -> Double {
        let (x1, x2) = Self.features(strength: strength, evidence: evidence)
        let z = intercept + strengthWeight * x1 + evidenceWeight * x2
        return 1 / (1 + exp(-z))
    }
}
