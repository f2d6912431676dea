import Foundation
import RaterCore

/// Turns a score and the evidence behind it into the probability that the label is right.
///
/// Positive and negative labels read |score| and the evidence mass; a neutral label reads how close the score is to
/// 0 and the evidence mass, on a curve of its own. A comment with no evidence at all is neutral with a fixed
/// confidence.
///
/// The default coefficients were fitted on 2026-11-26 with
/// `rater calibrate --gold ../shared/eval/zh/online_shopping_dev.csv --gold ../shared/eval/en/uci_sentences.tsv
///  --gold Corpora/gold/service_gold_zh.csv --gold Corpora/gold/service_gold_en.csv`
/// (Platt scaling by Newton's method, every file weighted equally). The polar curves come from the binary
/// development sets: a pooled one, and for each language the best calibrated of its own fit, its previous curve and
/// the pooled one (Chinese keeps a curve of its own; English uses the pooled curve). `emptyNeutral` is the share of
/// neutral gold labels among comments with no evidence in the three-way files. The neutral curve keeps its hand-set
/// coefficients: the three-way files hold fewer than 30 neutral predictions with evidence, too few to fit.
/// Expected calibration error (10 bins), hand-set curve → these defaults, same engine: zh online shopping 0.021 →
/// 0.009, en UCI 0.085 → 0.065 (0.054 → 0.012 over comments with evidence: on binary gold a comment without any can
/// never be right), team gold zh 0.117 → 0.043, team gold en 0.078 → 0.087 (0.094 → 0.093 with evidence; its empty
/// comments are less often neutral than Chinese ones). In-sample: three coefficients per curve.
/// `rater eval` prints the reliability table and the expected calibration error to check it on any labelled file.
public struct ConfidenceModel: Sendable, Equatable {
    /// The curve for polar labels of comments whose language has no curve of its own (mixed, undetermined).
    public var polar: LogisticCurve
    /// Polar curves per language: the same score means more in one language's lexicons than in the other's.
    public var polarByLanguage: [Language: LogisticCurve]
    public var neutral: LogisticCurve
    /// Confidence given to a neutral label with no evidence at all.
    public var emptyNeutral: Double

    public init(polar: LogisticCurve = LogisticCurve(intercept: -0.754, strengthWeight: 4.320, evidenceWeight: 0.524),
                polarByLanguage: [Language: LogisticCurve] = [
                    .zh: LogisticCurve(intercept: -0.722, strengthWeight: 3.828, evidenceWeight: 0.448),
                ],
                neutral: LogisticCurve = LogisticCurve(intercept: -0.4, strengthWeight: 2.6, evidenceWeight: 0.55),
                emptyNeutral: Double = 0.75) {
        self.polar = polar
        self.polarByLanguage = polarByLanguage
        self.neutral = neutral
        self.emptyNeutral = emptyNeutral
    }

    /// The feature a label's curve reads as strength: |score| for a polar label, nearness to 0 for a neutral one.
    public static func strength(score: Double, label: SentimentLabel) -> Double {
        label == .neutral ? 1 - min(1, abs(score) * 10) : abs(score)
    }

    public func confidence(score: Double, evidence: Double, label: SentimentLabel, language: Language = .und)
        -> Double
    {
        if evidence == 0 { return emptyNeutral }
        let curve = label == .neutral ? neutral : polarByLanguage[language] ?? polar
        return curve.probability(strength: Self.strength(score: score, label: label), evidence: evidence)
    }
}
