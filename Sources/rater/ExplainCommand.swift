import ArgumentParser
import Foundation
import Rater
import RaterCore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how one comment is scored: every term, the rules applied to it, and the dimensions.")

    @Argument(help: "The comment text.")
    var text: String

    @OptionGroup var engineOptions: EngineOptions

    func validate() throws {
        // What `rater analyze` would reject rather than score; explaining it as a neutral comment misleads.
        if RecordText.isBlank(text) {
            throw ValidationError("nothing to explain: the text is blank (rater analyze rejects such a record as empty_text)")
        }
    }

    func run() throws {
        let engine = try engineOptions.makeEngine()
        let analysis = try Analyzer(engine: engine).analysis(of: text)
        print(ExplanationFormatter.format(analysis, engine: engine))
    }
}

/// The human-readable explanation `rater explain` prints.
enum ExplanationFormatter {
    static func format(_ analysis: Analyzer.Analysis, engine: Engine) -> String {
        let scored = analysis.scored
        let sentiment = scored.sentiment
        var lines = [String]()
        lines.append("text:       \(scored.comment.text)")
        lines.append("language:   \(scored.comment.language.rawValue)"
            + (scored.comment.wasTransliterated ? " (Traditional → Simplified)" : ""))
        lines.append("sentiment:  \(sentiment.label.rawValue)  score \(fixed(sentiment.score))  "
            + "confidence \(fixed(sentiment.confidence))  (positive mass \(fixed(sentiment.positiveMass)), "
            + "negative mass \(fixed(sentiment.negativeMass)))")
        if sentiment.isLearnedOnly {
            lines.append("evidence:   learned weights only, no opinion word: the score says how these words lean in "
                + "the reviews the weights were learned from (a factual sentence leans too)")
        }
        lines.append("clauses:")
        for (index, unit) in scored.units.enumerated() {
            lines.append("  [\(index)] \(scored.segmented.text(ofTokens: unit.tokens))  → \(fixed(unit.score(damping: engine.scorer.rules.damping)))")
        }
        lines.append("terms:")
        if scored.contributions.isEmpty { lines.append("  (no sentiment terms found)") }
        for contribution in scored.contributions {
            var line = "  [\(contribution.clause)] \(contribution.term)  base \(fixed(contribution.base))"
            if !contribution.rules.isEmpty {
                line += "  " + contribution.rules.map(\.description).joined(separator: "; ")
            }
            line += "  → \(fixed(contribution.weight))"
            if let origin = origin(of: contribution, in: scored, engine: engine) { line += "  (" + origin + ")" }
            lines.append(line)
        }
        lines.append("dimensions:")
        if analysis.dimensions.isEmpty { lines.append("  (none)") }
        for dimension in analysis.dimensions {
            lines.append("  \(dimension.dimension.rawValue): \(dimension.label.rawValue) \(fixed(dimension.score)) "
                + "(weight \(fixed(dimension.weight)), \(dimension.mentions) mention(s)): "
                + evidenceList(dimension.evidence.map { ($0.cue, $0.clause) }))
        }
        lines.append("aspects:")
        if analysis.aspects.isEmpty { lines.append("  (none)") }
        for aspect in analysis.aspects {
            lines.append("  \(aspect.aspect.rawValue): \(aspect.label.rawValue) \(fixed(aspect.score)) "
                + "(\(aspect.mentions) mention(s)): "
                + evidenceList(aspect.evidence.map { ($0.cue, $0.clause) }))
        }
        lines.append("signals:")
        if analysis.signals.isEmpty { lines.append("  (none)") }
        for signal in analysis.signals {
            lines.append("  \(signal.kind.rawValue): \(signal.value.rawValue) — "
                + signal.evidence.map { evidence in
                    "'\(evidence.cue)'" + (evidence.negator.map { " negated by '\($0)'" } ?? "")
                        + " in «\(evidence.clause)»"
                }.joined(separator: ", "))
        }
        let report = analysis.report
        lines.append("profile:    \(report.profile.name) v\(report.profile.version)"
            + (report.profile.summary.isEmpty ? "" : " (\(report.profile.summary))") + ", service score "
            + (report.serviceScore.map(fixed) ?? "— (no dimension mentioned)"))
        // Comment text, clauses and cues come from the input (`rater eval` explains a labelled file's comments):
        // each line is printed with its control and invisible characters made visible.
        return lines.map(TerminalText.visible).joined(separator: "\n")
    }

    static func fixed(_ value: Double) -> String { String(format: "%.3f", value) }

    /// Where a term's base weight came from, so the analyst knows which file to fix: `zh/sentiment.tsv`, or
    /// `learned, zh/learned-reviews.tsv` for a weight `rater lexicon learn` induced from labelled comments (corpus
    /// statistics, not an opinion someone wrote down). `TermSources` picks the file by the role that gave the base;
    /// the results and the review workspace name the same one.
    static func origin(of contribution: Contribution, in scored: ScoredComment, engine: Engine) -> String? {
        let file = engine.termSources.name(of: contribution, matches: scored.matches)
        if contribution.isLearned { return "learned" + (file.map { ", " + $0 } ?? "") }
        return file
    }

    /// Cue evidence as `'cue' in «clause», …`, the same for dimensions and aspects.
    static func evidenceList(_ evidence: [(cue: String, clause: String)]) -> String {
        evidence.map { "'\($0.cue)' in «\($0.clause)»" }.joined(separator: ", ")
    }
}
