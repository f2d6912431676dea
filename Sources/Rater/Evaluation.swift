import Foundation
import RaterCore

/// Accuracy figures for predicted labels against gold labels: what `rater eval` prints.
public struct Evaluation: Sendable {
    public struct Item: Sendable {
        /// The item's place in the order added (0-based): ids need not be unique, so a caller that kept its records
        /// finds the one an item came from by this.
        public var position: Int
        public var id: String
        public var gold: SentimentLabel
        public var predicted: SentimentLabel
        public var score: Double
        public var confidence: Double
    }

    public private(set) var items: [Item] = []
    /// Gold label → predicted label → count.
    public private(set) var confusion: [SentimentLabel: [SentimentLabel: Int]] = [:]

    public init() {}

    public mutating func add(id: String, gold: SentimentLabel, predicted: SentimentLabel, score: Double,
                             confidence: Double) {
        items.append(Item(position: items.count, id: id, gold: gold, predicted: predicted, score: score, confidence: confidence))
        confusion[gold, default: [:]][predicted, default: 0] += 1
    }

    public var count: Int { items.count }

    /// The labels that occur in the gold data.
    public var goldLabels: [SentimentLabel] {
        SentimentLabel.allCases.filter { label in items.contains { $0.gold == label } }
    }

    /// True when the gold data has no neutral class: then a neutral prediction is resolved by the sign of the score.
    public var isBinary: Bool { !goldLabels.contains(.neutral) }

    /// The label a prediction counts as: in binary gold data, neutral predictions fall to the side their score
    /// leans to (a score of exactly 0 stays neutral and counts as a miss).
    public func effectiveLabel(_ item: Item) -> SentimentLabel {
        guard isBinary, item.predicted == .neutral else { return item.predicted }
        if item.score > 0 { return .positive }
        if item.score < 0 { return .negative }
        return .neutral
    }

    public var accuracy: Double {
        guard !items.isEmpty else { return 0 }
        return Double(items.filter { effectiveLabel($0) == $0.gold }.count) / Double(items.count)
    }

    /// Accuracy counting every neutral prediction as itself (strict three-way labels).
    public var strictAccuracy: Double {
        guard !items.isEmpty else { return 0 }
        return Double(items.filter { $0.predicted == $0.gold }.count) / Double(items.count)
    }

    /// Precision, recall and F1 of one label, with predictions resolved as `effectiveLabel`.
    public func scores(for label: SentimentLabel) -> (precision: Double, recall: Double, f1: Double) {
        var truePositive = 0, predictedCount = 0, goldCount = 0
        for item in items {
            let predicted = effectiveLabel(item)
            if predicted == label { predictedCount += 1 }
            if item.gold == label { goldCount += 1 }
            if predicted == label && item.gold == label { truePositive += 1 }
        }
        let precision = predictedCount == 0 ? 0 : Double(truePositive) / Double(predictedCount)
        let recall = goldCount == 0 ? 0 : Double(truePositive) / Double(goldCount)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return (precision, recall, f1)
    }

    /// Mean F1 over the labels present in the gold data.
    public var macroF1: Double {
        let labels = goldLabels
        guard !labels.isEmpty else { return 0 }
        return labels.map { scores(for: $0).f1 }.reduce(0, +) / Double(labels.count)
    }

    /// Reliability table: confidence bins with their observed accuracy, and the expected calibration error.
    public func calibration(bins: Int = 10) -> (rows: [(range: ClosedRange<Double>, count: Int, confidence: Double, accuracy: Double)], ece: Double) {
        var rows = [(range: ClosedRange<Double>, count: Int, confidence: Double, accuracy: Double)]()
        var ece = 0.0
        for bin in 0..<bins {
            let low = Double(bin) / Double(bins)
            let high = Double(bin + 1) / Double(bins)
            let members = items.filter { $0.confidence >= low && ($0.confidence < high || (bin == bins - 1 && $0.confidence <= high)) }
            guard !members.isEmpty else { continue }
            let confidence = members.map(\.confidence).reduce(0, +) / Double(members.count)
            let accuracy = Double(members.filter { effectiveLabel($0) == $0.gold }.count) / Double(members.count)
            rows.append((low...high, members.count, confidence, accuracy))
            ece += Double(members.count) / Double(items.count) * abs(confidence - accuracy)
        }
        return (rows, ece)
    }

    /// The misses the engine was most sure of: the first place to look when improving lexicons or rules.
    public func worstMisses(_ limit: Int) -> [Item] {
        items.filter { effectiveLabel($0) != $0.gold }
            .sorted { abs($0.score) * $0.confidence > abs($1.score) * $1.confidence }
            .prefix(limit).map { $0 }
    }
}

/// Maps gold label values ("1", "0", "positive", "neg", star ratings …) to labels.
public struct GoldLabelMap: Sendable {
    public var mapping: [String: SentimentLabel]

    public static let standard = GoldLabelMap(mapping: [
        "1": .positive, "positive": .positive, "pos": .positive, "+1": .positive,
        "0": .negative, "-1": .negative, "negative": .negative, "neg": .negative,
        "neutral": .neutral, "neu": .neutral,
    ])

    public init(mapping: [String: SentimentLabel]) { self.mapping = mapping }

    /// Parses "1=negative,2=negative,3=neutral,4=positive,5=positive".
    public init(parsing text: String) throws {
        var mapping = [String: SentimentLabel]()
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let label = SentimentLabel(rawValue: parts[1].lowercased()) else {
                throw EvaluationError.badLabelMap(String(pair))
            }
            mapping[parts[0].lowercased()] = label
        }
        self.mapping = mapping
    }

    public func label(for value: String) -> SentimentLabel? {
        mapping[value.trimmingCharacters(in: .whitespaces).lowercased()]
    }

    /// The gold label of `record` in `column`, as `rater eval`, `rater calibrate` and `rater lexicon learn` read
    /// it: nil for a blank cell (a row nobody has labelled yet, which the caller counts and leaves out); a missing
    /// column or a value outside the map is a mistake in the file that would change the figures, so it throws,
    /// naming the row as `gold.csv:12 (record 11)`.
    public func label(of record: SourceRecord, column: String) throws -> SentimentLabel? {
        guard let value = record.fields.value(ofColumn: column) else {
            throw EvaluationError.missingLabel(record: record.location, column: column)
        }
        if value.allSatisfy(\.isWhitespace) { return nil }
        guard let label = label(for: value) else {
            throw EvaluationError.unknownLabel(record: record.location, value: value)
        }
        return label
    }
}

public enum EvaluationError: Error, CustomStringConvertible {
    case badLabelMap(String)
    case missingLabel(record: String, column: String)
    case unknownLabel(record: String, value: String)
    case unknownTarget(String)
    case badAspectMap(String)
    case unknownScheme(String)
    case unknownSignalValue(record: String, column: String, value: String, kind: SignalKind)

    public var description: String {
        switch self {
        case let .badLabelMap(pair): return "--label-map: '\(pair)' is not VALUE=positive|negative|neutral"
        case let .missingLabel(record, column): return "\(record): no '\(column)' field"
        case let .unknownLabel(record, value):
            return "\(record): gold label '\(value)' is not in the label map (use --label-map)"
        case let .unknownTarget(text):
            return "'\(text)' is not a dimension (reliability, assurance, tangibles, empathy, responsiveness), "
                + "an aspect (price, product, location), service, staff, or dimensions joined by |"
        case let .badAspectMap(pair):
            return "--aspect-map: '\(pair)' is not GOLD_KEY=TARGET"
        case let .unknownScheme(name):
            return "--aspect-scheme: unknown scheme '\(name)' (known: rater, asap, semeval, mams)"
        case let .unknownSignalValue(record, column, value, kind):
            let known = SignalValue.allCases.filter { $0.kind == kind }.map(\.rawValue).joined(separator: ", ")
            return "\(record): '\(column)' holds '\(value)', not a value of \(kind.rawValue) (\(known); blank for none)"
        }
    }
}
