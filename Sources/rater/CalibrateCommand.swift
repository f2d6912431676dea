import ArgumentParser
import Foundation
import Rater

/// `rater calibrate`: fits the confidence model to labelled files and reports the expected calibration error
/// before and after, per file.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit the sentiment confidence model (Platt scaling) to labelled files and report ECE before/after.",
        discussion: """
            Every file counts equally in the fit. Binary files (no neutral gold label) fit the curve for positive \
            and negative labels; three-way files also fit the neutral curve and the confidence of comments with no \
            evidence. The fitted coefficients are printed as Swift for ConfidenceModel's defaults \
            (Sources/RaterScore/ConfidenceModel.swift, for a developer changing the built-in model); --output FILE \
            also writes them as JSON, which --confidence-model FILE on analyze, explain, eval and calibrate uses \
            instead of the built-in model, without a rebuild.
            """)

    @Option(help: "Labelled file(s) (CSV, TSV, XML); repeatable. The comment column is found as in analyze.")
    var gold: [String]

    @Option(help: "The column holding the gold label.")
    var labelColumn: String = "label"

    @Option(help: "Gold values to labels, e.g. '1=negative,3=neutral,5=positive'.")
    var labelMap: String?

    @Option(name: .shortAndLong, help: "Also write the fitted model as JSON, for --confidence-model FILE on analyze, explain and eval.")
    var output: String?

    @OptionGroup var ingest: IngestArguments

    @OptionGroup var engineOptions: EngineOptions

    func run() throws {
        let map = try labelMap.map { try GoldLabelMap(parsing: $0) } ?? .standard
        let engine = try engineOptions.makeEngine()
        let analyzer = try Analyzer(engine: engine)
        var samples = [ConfidenceFitter.Sample]()
        var unlabelled = 0
        for (file, path) in gold.enumerated() {
            var reader = try LabelledInput.reader(path: path, options: ingest.options)
            var fileSamples = [ConfidenceFitter.Sample]()
            while let event = try reader.next() {
                guard case let .record(record) = event else { continue }
                guard let label = try map.label(of: record, column: labelColumn) else {
                    unlabelled += 1
                    continue
                }
                let scored = try analyzer.analysis(of: record).scored
                let sentiment = scored.sentiment
                fileSamples.append(ConfidenceFitter.Sample(
                    file: file, gold: label, predicted: sentiment.label, score: sentiment.score,
                    evidence: sentiment.positiveMass + sentiment.negativeMass, binaryGold: false,
                    language: scored.comment.language))
            }
            let binary = !fileSamples.contains { $0.gold == .neutral }
            samples += fileSamples.map { var sample = $0; sample.binaryGold = binary; return sample }
        }
        let before = engine.scorer.confidence
        let (after, notes) = try ConfidenceFitter().fitWithNotes(samples, start: before)
        if unlabelled > 0 { print("\(unlabelled) records without a gold label left out") }
        for note in notes { print(note) }
        print("file  ECE before → after (all records)  ECE before → after (records with evidence)")
        for (file, path) in gold.enumerated() {
            let all = samples.filter { $0.file == file }
            let withEvidence = all.filter { $0.evidence > 0 }
            print("\(path)  \(fixed(ece(all, before))) → \(fixed(ece(all, after))) (\(all.count))  "
                + "\(fixed(ece(withEvidence, before))) → \(fixed(ece(withEvidence, after))) (\(withEvidence.count))")
        }
        print("""

            fitted ConfidenceModel:
              polar:   \(curve(after.polar))
              zh:      \(after.polarByLanguage[.zh].map(curve) ?? "-")
              en:      \(after.polarByLanguage[.en].map(curve) ?? "-")
              neutral: \(curve(after.neutral))
              emptyNeutral: \(fixed(after.emptyNeutral))
            """)
        if let output {
            let file = try OutputFile(path: output)
            try file.write(Array(ConfidenceModelFile.json(after).utf8))
            try file.commit()
            printError("rater: fitted confidence model written to \(output) (use it with --confidence-model \(output))")
        }
    }

    /// The expected calibration error of `model` over one file's samples, with `Evaluation`'s bins.
    private func ece(_ samples: [ConfidenceFitter.Sample], _ model: ConfidenceModel) -> Double {
        var evaluation = Evaluation()
        for (index, sample) in samples.enumerated() {
            evaluation.add(id: String(index), gold: sample.gold, predicted: sample.predicted, score: sample.score,
                           confidence: model.confidence(score: sample.score, evidence: sample.evidence,
                                                        label: sample.predicted, language: sample.language))
        }
        return evaluation.calibration().ece
    }

    private func fixed(_ value: Double) -> String { String(format: "%.3f", value) }

    private func curve(_ curve: LogisticCurve) -> String {
        "LogisticCurve(intercept: \(fixed(curve.intercept)), strengthWeight: \(fixed(curve.strengthWeight)), "
            + "evidenceWeight: \(fixed(curve.evidenceWeight)))"
    }
}
