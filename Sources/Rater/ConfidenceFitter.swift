import Foundation
import RaterCore
import RaterScore

/// Fits `ConfidenceModel` to labelled predictions (Platt scaling): logistic regression of "the label was right" on
/// the model's two features, by Newton's method, each sample weighted so every gold file counts equally.
public struct ConfidenceFitter: Sendable {
    /// One prediction with its gold label.
    public struct Sample: Sendable {
        public var file: Int
        public var gold: SentimentLabel
        public var predicted: SentimentLabel
        public var score: Double
        public var evidence: Double
        /// Whether the file's gold labels are binary (no neutral class).
        public var binaryGold: Bool
        public var language: Language

        public init(file: Int, gold: SentimentLabel, predicted: SentimentLabel, score: Double, evidence: Double,
                    binaryGold: Bool, language: Language) {
            self.language = language
            self.file = file
            self.gold = gold
            self.predicted = predicted
            self.score = score
            self.evidence = evidence
            self.binaryGold = binaryGold
        }

        /// The label the prediction counts as, as `Evaluation` resolves it: in binary gold data a neutral label
        /// with a non-zero score falls to the side it leans to.
        public var effective: SentimentLabel {
            guard binaryGold, predicted == .neutral else { return predicted }
            return score > 0 ? .positive : score < 0 ? .negative : .neutral
        }

        public var isRight: Bool { effective == gold }
    }

    public enum FitError: Error, CustomStringConvertible {
        case tooFewSamples(curve: String, count: Int)

        public var description: String {
            switch self {
            case let .tooFewSamples(curve, count):
                return "too few samples to fit the \(curve) curve (\(count)); add labelled files"
            }
        }
    }

    /// Fewer samples than this leave a curve at its current coefficients.
    public var minimumSamples = 30
    /// L2 penalty on the weights: keeps the fit stable on small files.
    public var ridge = 1e-3
    /// L2 penalty on the intercept. Small beside any file's weight (each file weighs 1 in all), it only binds when
    /// the samples are separable (every label right, or right exactly above a score), where the unpenalised
    /// intercept grows without bound.
    public var interceptRidge = 1e-4

    public init() {}

    /// The fitted model, starting from `start` for any part the samples cannot fit.
    public func fit(_ samples: [Sample], start: ConfidenceModel) throws -> ConfidenceModel {
        try fitWithNotes(samples, start: start).model
    }

    /// The fitted model and one line per curve saying which was kept and why: a new fit is kept only when it does
    /// not calibrate worse (expected calibration error, as `rater eval` reports it) than the curve it replaces.
    public func fitWithNotes(_ samples: [Sample], start: ConfidenceModel) throws
        -> (model: ConfidenceModel, notes: [String])
    {
        var notes = [String]()
        var model = start
        // Polar labels (after binary resolution), with evidence. Binary files fit this curve when there are any:
        // they are the large development sets, while the three-way files are small hand-labelled samples whose
        // equal weight would drown them.
        let hasBinary = samples.contains { $0.binaryGold }
        let polar = samples.filter { $0.evidence > 0 && $0.effective != .neutral && (!hasBinary || $0.binaryGold) }
        guard polar.count >= minimumSamples else { throw FitError.tooFewSamples(curve: "polar", count: polar.count) }
        let pooled = fitCurve(polar, strength: { abs($0.score) }, start: start.polar)
        let pooledJudged = samples.filter { $0.evidence > 0 && (!hasBinary || $0.binaryGold) }
        var pooledTrial = model
        pooledTrial.polar = pooled
        let (pooledStart, pooledFit) = (Self.calibrationError(pooledJudged, model),
                                        Self.calibrationError(pooledJudged, pooledTrial))
        if pooledFit <= pooledStart {
            model.polar = pooled
            notes.append("polar: the new fit is kept (ECE \(Self.fixed(pooledStart)) → \(Self.fixed(pooledFit)))")
        } else {
            notes.append("polar: the starting curve is kept: the new fit calibrates worse "
                + "(ECE \(Self.fixed(pooledStart)) → \(Self.fixed(pooledFit)))")
        }
        for language in [Language.zh, .en] {
            let own = polar.filter { $0.language == language }
            guard own.count >= minimumSamples else { continue }
            let curve = fitCurve(own, strength: { abs($0.score) }, start: start.polarByLanguage[language] ?? start.polar)
            // Log-loss and binned calibration error need not agree: a language keeps whichever of its own new fit,
            // its current curve and the pooled curve gives the best calibrated model on its comments with evidence
            // (judged as `rater eval` judges it, neutral labels included; nil stands for the pooled curve).
            let judged = samples.filter { $0.language == language && $0.evidence > 0 && (!hasBinary || $0.binaryGold) }
            let candidates: [LogisticCurve?] = [nil, curve, start.polarByLanguage[language]]
            let errors = candidates.map { candidate -> Double in
                var trial = model
                trial.polarByLanguage[language] = candidate
                return Self.calibrationError(judged, trial)
            }
            let best = errors.indices.min { errors[$0] < errors[$1] }!
            model.polarByLanguage[language] = candidates[best]
            let hasOwn = start.polarByLanguage[language] != nil
            let kept = ["the pooled curve", "its new fit", "its starting curve"][best]
            notes.append("\(language.rawValue): \(kept) is kept, the best calibrated on its comments (ECE pooled "
                + "\(Self.fixed(errors[0])), new fit \(Self.fixed(errors[1]))"
                + (hasOwn ? ", starting \(Self.fixed(errors[2])))" : "; it had no curve of its own)"))
        }
        // Neutral labels can only be judged against three-way gold.
        let threeWay = samples.filter { !$0.binaryGold }
        let neutral = threeWay.filter { $0.evidence > 0 && $0.predicted == .neutral }
        if neutral.count >= minimumSamples {
            var trial = model
            trial.neutral = fitCurve(neutral, strength: { ConfidenceModel.strength(score: $0.score, label: .neutral) },
                                     start: start.neutral)
            let judged = threeWay.filter { $0.evidence > 0 }
            let (before, after) = (Self.calibrationError(judged, model), Self.calibrationError(judged, trial))
            if after <= before {
                model = trial
                notes.append("neutral: the new fit is kept (ECE \(Self.fixed(before)) → \(Self.fixed(after)))")
            } else {
                notes.append("neutral: the starting curve is kept: the new fit calibrates worse "
                    + "(ECE \(Self.fixed(before)) → \(Self.fixed(after)))")
            }
        }
        let empty = threeWay.filter { $0.evidence == 0 }
        if !empty.isEmpty {
            // Laplace-smoothed share of empty comments whose gold label is neutral.
            model.emptyNeutral = (Double(empty.filter { $0.gold == .neutral }.count) + 1) / (Double(empty.count) + 2)
        }
        return (model, notes)
    }

    static func fixed(_ value: Double) -> String { String(format: "%.3f", value) }

    private func fitCurve(_ samples: [Sample], strength: (Sample) -> Double, start: LogisticCurve) -> LogisticCurve {
        var perFile = [Int: Int]()
        for sample in samples { perFile[sample.file, default: 0] += 1 }
        let rows = samples.map { sample -> (x: [Double], y: Double, w: Double) in
            let (x1, x2) = LogisticCurve.features(strength: strength(sample), evidence: sample.evidence)
            return ([1, x1, x2], sample.isRight ? 1 : 0, 1 / Double(perFile[sample.file]!))
        }
        let penalty = [interceptRidge, ridge, ridge]
        // The penalised, weighted log-loss the steps must lower, computed without overflow for any z.
        func loss(_ beta: [Double]) -> Double {
            var total = 0.0
            for row in rows {
                let z = zip(beta, row.x).map(*).reduce(0, +)
                // −log p = log(1 + e^−z), −log(1 − p) = log(1 + e^z), each as max(0, ±z) + log1p(e^−|z|).
                let softplus = log1p(exp(-abs(z)))
                total += row.w * (row.y == 1 ? max(0, -z) + softplus : max(0, z) + softplus)
            }
            for i in 0..<3 { total += penalty[i] / 2 * beta[i] * beta[i] }
            return total
        }
        var beta = [start.intercept, start.strengthWeight, start.evidenceWeight]
        var current = loss(beta)
        for _ in 0..<100 {
            var gradient = [Double](repeating: 0, count: 3)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: 3), count: 3)
            for row in rows {
                let z = zip(beta, row.x).map(*).reduce(0, +)
                let p = 1 / (1 + exp(-z))
                for i in 0..<3 {
                    gradient[i] += row.w * (row.y - p) * row.x[i]
                    for j in 0..<3 { hessian[i][j] += row.w * p * (1 - p) * row.x[i] * row.x[j] }
                }
            }
            for i in 0..<3 {
                gradient[i] -= penalty[i] * beta[i]
                hessian[i][i] += penalty[i]
            }
            guard let step = Self.solve(hessian, gradient), step.allSatisfy(\.isFinite) else { break }
            // A full Newton step can overshoot far where the curve is flat (p near 0 or 1): halve it until the loss
            // falls. The plain steps sent one 60-row file's intercept to −4.5 million.
            var scale = 1.0
            var trial = beta
            var trialLoss = Double.infinity
            while scale > 1e-10 {
                trial = zip(beta, step).map { $0 + scale * $1 }
                trialLoss = loss(trial)
                if trialLoss <= current { break }
                scale /= 2
            }
            guard trialLoss <= current else { break }
            let moved = step.map { abs($0) * scale }.max()!
            beta = trial
            current = trialLoss
            if moved < 1e-9 { break }
        }
        return LogisticCurve(intercept: beta[0], strengthWeight: beta[1], evidenceWeight: beta[2])
    }

    /// The expected calibration error (ten equal-width bins, as `Evaluation.calibration`) of a polar curve alone,
    /// over polar samples.
    public static func calibrationError(_ samples: [Sample], _ curve: LogisticCurve) -> Double {
        calibrationError(samples) { curve.probability(strength: abs($0.score), evidence: $0.evidence) }
    }

    /// The expected calibration error of a whole model, as `rater eval` reports it.
    public static func calibrationError(_ samples: [Sample], _ model: ConfidenceModel) -> Double {
        calibrationError(samples) {
            model.confidence(score: $0.score, evidence: $0.evidence, label: $0.predicted, language: $0.language)
        }
    }

    private static func calibrationError(_ samples: [Sample], confidence: (Sample) -> Double) -> Double {
        var evaluation = Evaluation()
        for (index, sample) in samples.enumerated() {
            evaluation.add(id: String(index), gold: sample.gold, predicted: sample.predicted, score: sample.score,
                           confidence: confidence(sample))
        }
        return evaluation.calibration().ece
    }

    /// Solves the 3×3 system a·x = b by Gaussian elimination with partial pivoting; nil when singular.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        var m = a
        var v = b
        let n = v.count
        for column in 0..<n {
            let pivot = (column..<n).max { abs(m[$0][column]) < abs(m[$1][column]) }!
            guard abs(m[pivot][column]) > 1e-12 else { return nil }
            m.swapAt(column, pivot)
            v.swapAt(column, pivot)
            for row in (column + 1)..<n {
                let factor = m[row][column] / m[column][column]
                for k in column..<n { m[row][k] -= factor * m[column][k] }
                v[row] -= factor * v[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = v[row]
            for k in (row + 1)..<n { sum -= m[row][k] * x[k] }
            x[row] = sum / m[row][row]
        }
        return x
    }
}
