import Foundation
import RaterCore

/// Detection and value figures for the business signals against signal-labelled gold data: what
/// `rater eval --expectation-column/--recovery-column/--loyalty-column` prints.
///
/// Per signal and comment, gold and prediction are each a set of that signal's values (usually none or one; a
/// comment can read expectation both exceeded and fell short). Detection: a true positive when both sets are
/// non-empty, a false positive when only the prediction has a value, a false negative when only gold has one.
/// Value accuracy is measured on the true positives: right when the predicted set equals the gold set, so a
/// comment read both recovered and unresolved is never right. The confusion table counts every comment, with
/// "none" as a row and a column, so the misses of detection and of value are seen together.
public struct SignalEvaluation: Sendable {
    public struct Counts: Sendable, Equatable, DetectionFigures {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        /// True positives whose predicted values are exactly the gold values.
        public var valueCorrect = 0

        public init() {}

        public var valueAccuracy: Double { truePositives == 0 ? 0 : Double(valueCorrect) / Double(truePositives) }

        mutating func add(_ other: Counts) {
            truePositives += other.truePositives
            falsePositives += other.falsePositives
            falseNegatives += other.falseNegatives
            valueCorrect += other.valueCorrect
        }
    }

    /// A cell of the confusion table: a set of one signal's values, in value order; empty means no signal.
    public struct Reading: Sendable, Hashable, Comparable {
        public var values: [SignalValue]

        public init<S: Sequence>(_ values: S) where S.Element == SignalValue { self.values = Set(values).sorted() }

        public static let none = Reading([])

        /// `none`, a value's name, or several joined by `+` (`exceeded+fell_short`).
        public var name: String { values.isEmpty ? "none" : values.map(\.rawValue).joined(separator: "+") }

        /// Single values first in value order, then combinations, then none.
        public static func < (lhs: Reading, rhs: Reading) -> Bool {
            func key(_ reading: Reading) -> (Int, [Int]) {
                (reading.values.isEmpty ? 2 : reading.values.count == 1 ? 0 : 1, reading.values.map(\.ordinal))
            }
            let (left, right) = (key(lhs), key(rhs))
            if left.0 != right.0 { return left.0 < right.0 }
            return left.1.lexicographicallyPrecedes(right.1)
        }
    }

    /// One comment's miss for a signal, for the report's examples.
    public struct Miss: Sendable {
        /// The comment's place in the order added (0-based): ids need not be unique.
        public var comment: Int
        public var id: String
        public var kind: SignalKind
        /// `missed`, `spurious` or `value`.
        public var miss: String
        public var gold: Reading
        public var predicted: Reading
    }

    public let kinds: [SignalKind]
    public private(set) var counts: [SignalKind: Counts] = [:]
    /// Per signal: gold reading → predicted reading → comments.
    public private(set) var confusion: [SignalKind: [Reading: [Reading: Int]]] = [:]
    public private(set) var comments = 0
    public private(set) var misses: [Miss] = []
    public var missLimit = 200

    public init(kinds: [SignalKind]) { self.kinds = Set(kinds).sorted() }

    /// Scores one comment: the gold and predicted values of each signal (absent or empty: none).
    /// With `judged`, only those signals are scored on this comment (`JudgedSignals`: a review-workspace gold row).
    public mutating func add(id: String, gold: [SignalKind: Set<SignalValue>], predicted: [SignalKind: Set<SignalValue>],
                             judged: Set<SignalKind>? = nil) {
        comments += 1
        for kind in kinds where judged?.contains(kind) ?? true {
            let goldReading = Reading(gold[kind, default: []].filter { $0.kind == kind })
            let predictedReading = Reading(predicted[kind, default: []].filter { $0.kind == kind })
            confusion[kind, default: [:]][goldReading, default: [:]][predictedReading, default: 0] += 1
            var count = counts[kind, default: Counts()]
            switch (goldReading.values.isEmpty, predictedReading.values.isEmpty) {
            case (false, false):
                count.truePositives += 1
                if goldReading == predictedReading {
                    count.valueCorrect += 1
                } else {
                    record(Miss(comment: comments - 1, id: id, kind: kind, miss: "value", gold: goldReading,
                                predicted: predictedReading))
                }
            case (false, true):
                count.falseNegatives += 1
                record(Miss(comment: comments - 1, id: id, kind: kind, miss: "missed", gold: goldReading,
                            predicted: predictedReading))
            case (true, false):
                count.falsePositives += 1
                record(Miss(comment: comments - 1, id: id, kind: kind, miss: "spurious", gold: goldReading,
                            predicted: predictedReading))
            case (true, true):
                break
            }
            counts[kind] = count
        }
    }

    /// Scores one result against its gold values.
    public mutating func add(_ result: CommentResult, gold: [SignalKind: Set<SignalValue>],
                             judged: Set<SignalKind>? = nil) {
        var predicted = [SignalKind: Set<SignalValue>]()
        for signal in result.signals { predicted[signal.kind, default: []].insert(signal.value) }
        add(id: result.id, gold: gold, predicted: predicted, judged: judged)
    }

    private mutating func record(_ miss: Miss) {
        if misses.count < missLimit { misses.append(miss) }
    }

    public func counts(for kind: SignalKind) -> Counts { counts[kind] ?? Counts() }

    /// Counts pooled over the signals evaluated.
    public var total: Counts {
        var total = Counts()
        for kind in kinds { total.add(counts(for: kind)) }
        return total
    }

    /// The comments with `gold` and `predicted` readings of `kind`.
    public func confusion(_ kind: SignalKind, gold: Reading, predicted: Reading) -> Int {
        confusion[kind]?[gold]?[predicted] ?? 0
    }

    /// The confusion table's rows and columns for `kind`: every single value of the signal and none, plus any
    /// combination that occurred, in `Reading` order.
    public func readings(of kind: SignalKind) -> [Reading] {
        var readings = Set(SignalValue.allCases.filter { $0.kind == kind }.map { Reading([$0]) })
        readings.insert(.none)
        for (gold, row) in confusion[kind] ?? [:] {
            readings.insert(gold)
            readings.formUnion(row.keys)
        }
        return readings.sorted()
    }
}

/// Reads a signal's gold cell: blank is no signal; otherwise one value or several joined by `;`, written as the
/// result schema spells them (`fell_short`, `at_risk`), case and the separator (`fell short`, `at-risk`) aside.
public enum SignalGold {
    public static func values(of record: SourceRecord, column: String, kind: SignalKind) throws -> Set<SignalValue> {
        guard let cell = record.fields.value(ofColumn: column) else {
            throw EvaluationError.missingLabel(record: record.location, column: column)
        }
        var values = Set<SignalValue>()
        for part in cell.split(separator: ";") {
            let text = part.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            let spelled = text.lowercased().replacingOccurrences(of: " ", with: "_")
                .replacingOccurrences(of: "-", with: "_")
            guard let value = SignalValue(rawValue: spelled), value.kind == kind else {
                throw EvaluationError.unknownSignalValue(record: record.location, column: column, value: text,
                                                         kind: kind)
            }
            values.insert(value)
        }
        return values
    }
}
