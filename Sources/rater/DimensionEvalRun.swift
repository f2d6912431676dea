import Foundation
import Rater
import RaterCore

/// `rater eval` in dimension mode: reads the gold file, analyses each comment, and prints per-target precision,
/// recall, F1 and polarity accuracy.
struct DimensionEvalRun {
    /// The labelled files, read one after the other as one set.
    var gold: [String]
    var scheme: AspectScheme
    var ingest: IngestOptions
    var engine: Engine
    var limit: Int
    var misses: Int

    func run() throws -> String {
        var options = ingest
        if options.textColumn == nil { options.textColumn = scheme.textColumn }
        let analyzer = try Analyzer(engine: engine)
        if case .elements = scheme.layout, options.xmlRecord == nil { options.xmlRecord = "sentence" }
        var evaluation = DimensionEvaluation(targets: scheme.targets, thresholds: engine.scorer.thresholds)
        evaluation.missLimit = max(misses, 0)
        // By the comment's position, not its id: ids may repeat, and a miss must quote its own comment.
        var texts = [Int: String]()
        var skipped = 0
        // Rows of a workspace export on which an analyst judged no dimension (a label alone).
        var unjudged = 0
        files: for path in gold {
            var reader = try LabelledInput.reader(path: path, options: options)
            while let event = try reader.next() {
                guard case let .record(record) = event else { skipped += 1; continue }
                let labels: [EvaluationTarget: GoldPolarity]
                if case let .elements(element, keyAttribute, polarityAttribute) = scheme.layout {
                    labels = scheme.gold(pairs: NestedGoldLabels.pairs(in: record.fields, element: element,
                                                                       keyAttribute: keyAttribute,
                                                                       polarityAttribute: polarityAttribute))
                } else {
                    labels = scheme.gold(fields: record.fields)
                }
                let judged = JudgedDimensions.of(record.fields)
                if judged?.isEmpty == true {
                    unjudged += 1
                    continue
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
        lines.append("records:   \(evaluation.comments) analysed"
            + (unjudged > 0 ? ", \(unjudged) with no judged dimension (left out)" : "")
            + (skipped > 0 ? ", \(skipped) rejected by ingest" : ""))
        lines.append("profile:   \(engine.profile.name) v\(engine.profile.version)")
        lines.append("target                  gold  pred    TP  precision  recall     F1  polarity (n)     3-way")
        for target in evaluation.targets {
            lines.append(row(target.name + (target.isAspect ? " *" : ""), evaluation.counts(for: target)))
        }
        let total = evaluation.dimensionTotal
        lines.append(row("RATER (micro)", total))
        let observed = evaluation.observedDimensionTargets.count
        let dimensions = evaluation.targets.filter { !$0.isAspect }.count
        lines.append("RATER macro-F1: \(fixed(evaluation.dimensionMacroF1))"
            + (observed < dimensions ? " over the \(observed) of \(dimensions) dimensions the gold or the results mention" : "")
            + "   (* = non-RATER aspect, not pooled)")
        lines.append("polarity: sign of the target's score on true positives with positive/negative gold; "
            + "3-way: exact label on all true positives (neutral gold must be neutral)")
        if misses > 0 {
            lines.append("\nmisses:")
            for miss in evaluation.misses.prefix(misses) {
                let predicted = miss.predicted.map { fixed($0) } ?? "—"
                lines.append("  [\(miss.kind)] \(miss.target) gold \(miss.gold?.rawValue ?? "—") predicted \(predicted): "
                    + TerminalText.visible(texts[miss.comment] ?? miss.id))
            }
        }
        return lines.joined(separator: "\n")
    }

    private func row(_ name: String, _ counts: DimensionEvaluation.Counts) -> String {
        let gold = counts.truePositives + counts.falseNegatives
        let predicted = counts.truePositives + counts.falsePositives
        let name = name.padding(toLength: max(22, name.count + 1), withPad: " ", startingAt: 0)
        // Neither the gold nor the results mention it: no precision, recall or F1 (not 0).
        guard counts.isObserved else {
            return name + String(format: "%6d%6d%6d", 0, 0, 0) + "          —       —      —"
        }
        return name
            + String(format: "%6d%6d%6d  %9.3f  %6.3f  %5.3f  %5.3f (%4d)  %8.3f", gold, predicted,
                     counts.truePositives, counts.precision, counts.recall, counts.f1, counts.polarityAccuracy,
                     counts.polarTotal, counts.strictPolarityAccuracy)
    }

    private func fixed(_ value: Double) -> String { String(format: "%.3f", value) }
}
