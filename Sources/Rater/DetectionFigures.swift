/// Precision, recall and F1 of detecting something (a dimension, an aspect, a signal) from its true positive, false
/// positive and false negative counts: one definition for every evaluation `rater eval` prints.
public protocol DetectionFigures {
    var truePositives: Int { get }
    var falsePositives: Int { get }
    var falseNegatives: Int { get }
}

extension DetectionFigures {
    public var precision: Double {
        truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
    }

    public var recall: Double {
        truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
    }

    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// Whether the gold data or the results mention it at all (otherwise it has no F1 to speak of).
    public var isObserved: Bool { truePositives + falsePositives + falseNegatives > 0 }
}
