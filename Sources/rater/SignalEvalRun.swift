import Foundation
import Rater
import RaterCore

/// `rater eval` in signal mode: reads the gold file, analyses each comment, and prints per signal the precision,
/// recall and F1 of detecting it, the accuracy of its value where both gold and Rater have one, and a confusion
/// table with "none" as a row and a column.
struct SignalEvalRun {
    /// The labelled files, read one after the other as one set.
    var gold: [String]
    var columns: [SignalKind: String]
    var ingest: IngestOptions
    var engine: Engine
    var limit: Int
    var misses: Int

    func run() throws -> String {
        let analyzer = try Analyzer(engine: engine)
        var evaluation = SignalEvaluation(kinds: Array(columns.keys))
        evaluation.missLimit = max(misses, 0)
        // By the comment's position, not its id: ids may repeat, and a miss must quote its own comment.
        var texts = [Int: String]()
        var skipped = 0
        var unjudged = 0
        files: for path in gold {
            var reader = try LabelledInput.reader(path: path, options: ingest)
            while let event = try reader.next() {
                guard case let .record(record) = event else { skipped += 1; continue }
                // A review-workspace gold row scores only the signals an analyst set; one that set none of those
                // asked for is left out (and counted), not read as "no signal".
                let judged = JudgedSignals.of(record.fields)
                if let judged, judged.isDisjoint(with: columns.keys) { unjudged += 1; continue }
                var labels = [SignalKind: Set<SignalValue>]()
                for (kind, column) in columns {
                    labels[kind] = try SignalGold.values(of: record, column: column, kind: kind)
                }
                let result = try analyzer.analyze(record)
                evaluation.add(result, gold: labels, judged: judged)
                // Only comments with a listed miss keep their text.
                let position = evaluation.comments - 1
                if evaluation.misses.last?.comment == position { texts[position] = result.text }
                if limit > 0 && evaluation.comments >= limit { break files }
            }
        }
        var lines = [String]()
        lines.append("records:   \(evaluation.comments) analysed" + (skipped > 0 ? ", \(skipped) rejected by ingest" : "")
            + (unjudged > 0 ? ", \(unjudged) judging none of these signals (left out)" : ""))
        lines.append("profile:   \(engine.profile.name) v\(engine.profile.version)")
        lines.append("signal                  gold  pred    TP  precision  recall     F1  value (n)")
        for kind in evaluation.kinds {
            lines.append(row(kind.rawValue, evaluation.counts(for: kind)))
        }
        if evaluation.kinds.count > 1 { lines.append(row("all (micro)", evaluation.total)) }
        lines.append("detection: gold and Rater both give the signal any value; "
            + "value: exactly the gold value on those comments")
        for kind in evaluation.kinds {
            lines.append("\nconfusion, \(kind.rawValue) (rows gold, columns predicted):")
            let readings = evaluation.readings(of: kind)
            let width = max(12, (readings.map(\.name.count).max() ?? 0) + 2)
            func cell(_ text: String) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
            lines.append("  " + cell("") + readings.map { cell($0.name) }.joined())
            for gold in readings {
                let row = readings.map { cell(String(evaluation.confusion(kind, gold: gold, predicted: $0))) }
                guard row.contains(where: { $0.trimmingCharacters(in: .whitespaces) != "0" }) || gold.values.count < 2
                else { continue }
                lines.append("  " + cell(gold.name) + row.joined())
            }
        }
        if misses > 0 {
            lines.append("\nmisses:")
            for miss in evaluation.misses.prefix(misses) {
                lines.append("  [\(miss.miss)] \(miss.kind.rawValue) gold \(miss.gold.name) predicted \(miss.predicted.name): "
                    + TerminalText.visible(texts[miss.comment] ?? miss.id))
            }
        }
        return lines.joined(separator: "\n")
    }

    private func row(_ name: String, _ counts: SignalEvaluation.Counts) -> String {
        let gold = counts.truePositives + counts.falseNegatives
        let predicted = counts.truePositives + counts.falsePositives
        return name.padding(toLength: max(22, name.count + 1), withPad: " ", startingAt: 0)
            + String(format: "%6d%6d%6d  %9.3f  %6.3f  %5.3f  %5.3f (%3d)", gold, predicted, counts.truePositives,
                     counts.precision, counts.recall, counts.f1, counts.valueAccuracy, counts.truePositives)
    }
}
