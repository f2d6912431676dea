import ArgumentParser
import Foundation
import Rater
import RaterCore

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure accuracy on labelled data: sentiment (accuracy, macro-F1, confusion, worst misses) or, with --aspect-scheme/--aspect-map, dimensions and aspects (precision, recall, F1, polarity accuracy), or, with --expectation-column/--recovery-column/--loyalty-column, the business signals (precision, recall, F1, value accuracy, confusion).")

    @Option(help: "The labelled file (CSV, TSV, XML or text); repeatable: the files are evaluated together, as one set, and each file's share is listed.")
    var gold: [String] = []

    @Option(help: "The column (or XML attribute/child) holding the gold label.")
    var labelColumn: String = "label"

    @Option(help: "Gold values to labels, e.g. '1=negative,3=neutral,5=positive' (default: 1/positive/pos, 0/-1/negative/neg, neutral/neu).")
    var labelMap: String?

    @Option(help: "How many of the worst misses to list with their explanations.")
    var worst: Int = 10

    @Option(help: "Evaluate only the first N labelled records (0: all).")
    var limit: Int = 0

    @OptionGroup var ingest: IngestArguments

    @OptionGroup var engineOptions: EngineOptions

    @OptionGroup var dimensionArguments: DimensionEvalArguments

    @OptionGroup var signalArguments: SignalEvalArguments

    func validate() throws {
        if gold.isEmpty { throw ValidationError("give the labelled file with --gold FILE (repeatable)") }
        if worst < 0 { throw ValidationError("--worst must be 0 or more") }
        if limit < 0 { throw ValidationError("--limit must be 0 (all) or more") }
        if dimensionArguments.isActive && signalArguments.isActive {
            throw ValidationError("score dimensions (--aspect-scheme/--aspect-map) or signals (--*-column) in one run, not both")
        }
    }

    func run() throws {
        if signalArguments.isActive {
            let run = SignalEvalRun(gold: gold, columns: signalArguments.columns, ingest: ingest.options,
                                    engine: try engineOptions.makeEngine(), limit: limit,
                                    misses: signalArguments.signalMisses)
            print(try run.run())
            return
        }
        if dimensionArguments.isActive {
            let run = DimensionEvalRun(gold: gold, scheme: try dimensionArguments.scheme(), ingest: ingest.options,
                                       engine: try engineOptions.makeEngine(), limit: limit,
                                       misses: dimensionArguments.dimensionMisses)
            print(try run.run())
            return
        }
        let map = try labelMap.map { try GoldLabelMap(parsing: $0) } ?? .standard
        let engine = try engineOptions.makeEngine()
        let analyzer = try Analyzer(engine: engine)
        var evaluation = Evaluation()
        // Each file's own figures when there are several, as `calibrate` lists each file's.
        var perFile = [Evaluation]()
        // By position, not id: two rows may share an id, and each miss must show its own comment's explanation.
        var records = [SourceRecord]()
        var skipped = 0
        var unlabelled = 0
        files: for path in gold {
            var reader = try LabelledInput.reader(path: path, options: ingest.options)
            var file = Evaluation()
            defer { if gold.count > 1 { perFile.append(file) } }
            while let event = try reader.next() {
                guard case let .record(record) = event else { skipped += 1; continue }
                guard let label = try map.label(of: record, column: labelColumn) else {
                    unlabelled += 1
                    continue
                }
                let result = try analyzer.analyze(record)
                let add = { (evaluation: inout Evaluation) in
                    evaluation.add(id: result.id, gold: label, predicted: result.sentiment.label,
                                   score: result.sentiment.score, confidence: result.sentiment.confidence)
                }
                add(&evaluation)
                if gold.count > 1 { add(&file) }
                records.append(record)
                if limit > 0 && evaluation.count >= limit { break files }
            }
        }
        print(EvaluationReport.format(evaluation, skipped: skipped, unlabelled: unlabelled))
        if gold.count > 1 {
            print("per file (each alone):")
            for (path, file) in zip(gold, perFile) {
                print("  \(TerminalText.visible(path)): \(file.count) labelled, accuracy \(EvaluationReport.fixed(file.accuracy)), "
                    + "macro-F1 \(EvaluationReport.fixed(file.macroF1))")
            }
        }
        if worst > 0 {
            print("\nworst misses (most confident first):")
            for item in evaluation.worstMisses(worst) {
                let record = records[item.position]
                let analysis = try analyzer.analysis(of: record)
                print("\n— \(TerminalText.visible(item.id)): gold \(item.gold.rawValue), predicted \(evaluation.effectiveLabel(item).rawValue)")
                print(ExplanationFormatter.format(analysis, engine: engine))
            }
        }
    }
}

enum EvaluationReport {
    static func format(_ evaluation: Evaluation, skipped: Int, unlabelled: Int = 0) -> String {
        var lines = [String]()
        let mode = evaluation.isBinary ? "binary (neutral predictions resolved by the sign of the score)" : "three-way"
        lines.append("records:        \(evaluation.count) labelled"
                         + (unlabelled > 0 ? ", \(unlabelled) without a gold label (left out)" : "")
                         + (skipped > 0 ? ", \(skipped) rejected by ingest" : ""))
        lines.append("mode:           \(mode)")
        lines.append("accuracy:       \(fixed(evaluation.accuracy))")
        if evaluation.isBinary { lines.append("strict accuracy: \(fixed(evaluation.strictAccuracy)) (neutral counted as a miss)") }
        lines.append("macro-F1:       \(fixed(evaluation.macroF1))")
        for label in evaluation.goldLabels {
            let score = evaluation.scores(for: label)
            lines.append("  \(label.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) precision \(fixed(score.precision))  recall \(fixed(score.recall))  F1 \(fixed(score.f1))")
        }
        lines.append("confusion (rows gold, columns predicted as given):")
        let labels = SentimentLabel.allCases
        lines.append("  " + "".padding(toLength: 10, withPad: " ", startingAt: 0)
            + labels.map { $0.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) }.joined())
        for gold in evaluation.goldLabels {
            let row = labels.map { String(evaluation.confusion[gold]?[$0] ?? 0).padding(toLength: 10, withPad: " ", startingAt: 0) }
            lines.append("  " + gold.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) + row.joined())
        }
        let calibration = evaluation.calibration()
        lines.append("calibration (confidence bin: count, mean confidence, accuracy), ECE \(fixed(calibration.ece)):")
        for row in calibration.rows {
            lines.append("  \(fixed(row.range.lowerBound))–\(fixed(row.range.upperBound)): \(row.count), \(fixed(row.confidence)), \(fixed(row.accuracy))")
        }
        return lines.joined(separator: "\n")
    }

    static func fixed(_ value: Double) -> String { String(format: "%.3f", value) }
}
