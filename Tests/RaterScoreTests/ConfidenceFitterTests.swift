import Foundation
import Rater
import Testing

/// Platt scaling recovers a known curve and lowers the calibration error of a badly calibrated start.
@Suite struct ConfidenceFitterTests {
    /// Samples whose chance of being right follows `truth`, drawn with a fixed linear congruential generator.
    static func samples(truth: LogisticCurve, count: Int, language: Language) -> [ConfidenceFitter.Sample] {
        var state: UInt64 = 0x2545F4914F6CDD1D
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        return (0..<count).map { _ in
            let score = uniform() * 0.9 + 0.05
            let evidence = uniform() * 8 + 0.5
            let right = uniform() < truth.probability(strength: score, evidence: evidence)
            return ConfidenceFitter.Sample(file: 0, gold: right ? .positive : .negative, predicted: .positive,
                                           score: score, evidence: evidence, binaryGold: true, language: language)
        }
    }

    @Test func recoversTheCurveThatMadeTheData() throws {
        let truth = LogisticCurve(intercept: -1, strengthWeight: 4, evidenceWeight: 0.5)
        let data = Self.samples(truth: truth, count: 5_000, language: .und)
        let badStart = ConfidenceModel(polar: LogisticCurve(intercept: 2, strengthWeight: 0, evidenceWeight: 0),
                                       polarByLanguage: [:])
        let fitted = try ConfidenceFitter().fit(data, start: badStart)
        #expect(abs(fitted.polar.intercept - truth.intercept) < 0.5)
        #expect(abs(fitted.polar.strengthWeight - truth.strengthWeight) < 1.0)
        #expect(abs(fitted.polar.evidenceWeight - truth.evidenceWeight) < 0.2)
        #expect(ConfidenceFitter.calibrationError(data, fitted.polar)
                    < ConfidenceFitter.calibrationError(data, badStart.polar) - 0.05)
    }

    @Test func tooFewSamplesIsAnError() {
        let data = Self.samples(truth: LogisticCurve(intercept: 0, strengthWeight: 1, evidenceWeight: 0), count: 5,
                                language: .en)
        #expect(throws: ConfidenceFitter.FitError.self) { try ConfidenceFitter().fit(data, start: ConfidenceModel()) }
    }

    @Test func emptyCommentsTakeTheNeutralShareOfThreeWayGold() throws {
        var data = Self.samples(truth: LogisticCurve(intercept: 0, strengthWeight: 2, evidenceWeight: 0), count: 100,
                                language: .en)
        for index in 0..<8 {
            data.append(ConfidenceFitter.Sample(file: 1, gold: index < 6 ? .neutral : .positive, predicted: .neutral,
                                                score: 0, evidence: 0, binaryGold: false, language: .en))
        }
        let fitted = try ConfidenceFitter().fit(data, start: ConfidenceModel())
        #expect(abs(fitted.emptyNeutral - 7.0 / 10.0) < 1e-9)
    }

    /// Separable samples (every label right) have no finite unpenalised optimum: the intercept ran to 28 and every
    /// polar label got confidence 1.0. The intercept's small penalty keeps it finite.
    @Test func separableSamplesKeepAFiniteCurve() throws {
        let data = Self.samples(truth: LogisticCurve(intercept: 40, strengthWeight: 0, evidenceWeight: 0), count: 60,
                                language: .und)
        #expect(data.allSatisfy { $0.isRight })
        let (fitted, notes) = try ConfidenceFitter().fitWithNotes(data, start: ConfidenceModel(polarByLanguage: [:]))
        let curve = fitted.polar
        #expect([curve.intercept, curve.strengthWeight, curve.evidenceWeight].allSatisfy { $0.isFinite && abs($0) < 15 })
        #expect(curve.probability(strength: 0.5, evidence: 2) < 0.9999)
        #expect(notes.contains { $0.hasPrefix("polar:") })
    }

    /// Where the curve is flat (a start far off, every probability near 1) a full Newton step overshoots; halving
    /// the step while the loss rises finds the coin-flip curve the data follows.
    @Test func aFarStartConvergesInsteadOfDiverging() throws {
        let data = Self.samples(truth: LogisticCurve(intercept: 0, strengthWeight: 0, evidenceWeight: 0), count: 400,
                                language: .und)
        let far = ConfidenceModel(polar: LogisticCurve(intercept: 30, strengthWeight: 0, evidenceWeight: 0),
                                  polarByLanguage: [:])
        let (fitted, notes) = try ConfidenceFitter().fitWithNotes(data, start: far)
        #expect(abs(fitted.polar.intercept) < 1, "\(fitted.polar)")
        #expect(abs(fitted.polar.strengthWeight) < 2 && abs(fitted.polar.evidenceWeight) < 1)
        #expect(notes.contains { $0.hasPrefix("polar: the new fit is kept") })
    }
}
