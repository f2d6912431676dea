import RaterCore
import RaterDimensions
import RaterScore

/// Flattens the stages' outputs into the `CommentResult` that sinks and aggregates read.
enum ResultBuilder {
    static func result(from analysis: Analyzer.Analysis, languageOverride: Language?) -> CommentResult {
        let scored = analysis.scored
        let record = scored.comment.record
        let sentiment = scored.sentiment
        let terms = scored.contributions.map { contribution in
            TermExplanation(term: contribution.term, base: contribution.base,
                            rules: contribution.rules.map { rule in
                                rule.trigger.map { "\(rule.name):\($0)" } ?? rule.name
                            },
                            weight: contribution.weight)
        }
        return CommentResult(
            id: record.resolvedID, source: record.source, recordNumber: record.recordNumber, line: record.line,
            language: languageOverride ?? scored.comment.language, text: scored.comment.text,
            sentiment: SentimentSummary(label: sentiment.label, score: sentiment.score,
                                        positive: sentiment.positiveShare, negative: sentiment.negativeShare,
                                        neutral: sentiment.neutralShare, confidence: sentiment.confidence,
                                        terms: terms),
            dimensions: analysis.dimensions.map { dimension in
                DimensionSummary(dimension: dimension.dimension, label: dimension.label, score: dimension.score,
                                 mentions: dimension.mentions,
                                 evidence: dimension.evidence.map { ($0.cue, $0.clause) })
            },
            fields: record.fields)
    }
}
