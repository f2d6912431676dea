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
                            rules: contribution.rules.map(ruleLabel),
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
                                 evidence: dimension.evidence.map { ($0.cue, $0.clause) }, weight: dimension.weight)
            },
            aspects: analysis.aspects.map { aspect in
                AspectSummary(aspect: aspect.aspect, label: aspect.label, score: aspect.score,
                              mentions: aspect.mentions,
                              evidence: aspect.evidence.map { CueEvidence(cue: $0.cue, clause: $0.clause) })
            },
            signals: analysis.signals.map { signal in
                SignalSummary(value: signal.value,
                              evidence: signal.evidence.map { CueEvidence(cue: $0.cue, clause: $0.clause,
                                                                          negator: $0.negator) })
            },
            profile: ProfileSummary(name: analysis.report.profile.name, version: analysis.report.profile.version,
                                    serviceScore: analysis.report.serviceScore),
            fields: record.fields)
    }

    /// `name:trigger` (`negated:不`), or the name alone, once per rule of every term. Copied into the new string in
    /// one go: interpolation cost several times more, and appending to a reserved string 0.5% of all the English
    /// export's instructions more (the same on the Chinese one).
    static func ruleLabel(_ rule: AppliedRule) -> String {
        guard var trigger = rule.trigger else { return rule.name }
        var name = rule.name
        return name.withUTF8 { name in
            trigger.withUTF8 { trigger in
                String(unsafeUninitializedCapacity: name.count + 1 + trigger.count) { label in
                    _ = label.initialize(fromContentsOf: name)
                    label[name.count] = UInt8(ascii: ":")
                    let rest = UnsafeMutableBufferPointer(rebasing: label[(name.count + 1)...])
                    _ = rest.initialize(fromContentsOf: trigger)
                    return name.count + 1 + trigger.count
                }
            }
        }
    }
}
