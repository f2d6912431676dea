import RaterCore
import RaterDimensions
import RaterLexicon
import RaterScore

/// Flattens the stages' outputs into the `CommentResult` that sinks and aggregates read.
enum ResultBuilder {
    static func result(from analysis: Analyzer.Analysis, engine: Engine) -> CommentResult {
        result(from: analysis, languageOverride: engine.languageOverride, termSources: engine.termSources)
    }

    /// The result; each term names its weight's file when `termSources` is given.
    static func result(from analysis: Analyzer.Analysis, languageOverride: Language?,
                       termSources: TermSources? = nil) -> CommentResult {
        let scored = analysis.scored
        let record = scored.comment.record
        let sentiment = scored.sentiment
        // Built by index, each field read in place: a closure over `map` copied each contribution whole (its term
        // and rule list retained and released) to hand it to `TermSources`, and each explanation once more on its
        // way into the array.
        let contributions = scored.contributions
        var terms = [TermExplanation]()
        terms.reserveCapacity(contributions.count)
        for index in contributions.indices {
            // The file's name is the engine's one string for it (`TermSources`): no new string per term.
            let source = termSources?.name(ofMatch: contributions[index].match, rules: contributions[index].rules,
                                           matches: scored.matches)
            terms.append(TermExplanation(term: contributions[index].term, base: finite(contributions[index].base),
                                         rules: contributions[index].rules.map(ruleLabel),
                                         weight: finite(contributions[index].weight), source: source,
                                         isLearned: contributions[index].isLearned))
        }
        return CommentResult(
            id: record.resolvedID, source: record.source, recordNumber: record.recordNumber, line: record.line,
            language: languageOverride ?? scored.comment.language, text: scored.comment.text,
            sentiment: SentimentSummary(label: sentiment.label,
                                        score: finite(sentiment.score, within: ResultRanges.score),
                                        positive: finite(sentiment.positiveShare, within: ResultRanges.share),
                                        negative: finite(sentiment.negativeShare, within: ResultRanges.share),
                                        neutral: finite(sentiment.neutralShare, within: ResultRanges.share),
                                        confidence: finite(sentiment.confidence, within: ResultRanges.confidence),
                                        terms: terms, evidenceKind: evidenceKind(sentiment)),
            dimensions: analysis.dimensions.map { dimension in
                DimensionSummary(dimension: dimension.dimension, label: dimension.label,
                                 score: finite(dimension.score, within: ResultRanges.score),
                                 mentions: dimension.mentions,
                                 evidence: dimension.evidence.map { ($0.cue, $0.clause) },
                                 weight: finite(dimension.weight))
            },
            aspects: analysis.aspects.map { aspect in
                AspectSummary(aspect: aspect.aspect, label: aspect.label, score: finite(aspect.score, within: ResultRanges.score),
                              mentions: aspect.mentions,
                              evidence: aspect.evidence.map { CueEvidence(cue: $0.cue, clause: $0.clause) })
            },
            signals: analysis.signals.map { signal in
                SignalSummary(value: signal.value,
                              evidence: signal.evidence.map { CueEvidence(cue: $0.cue, clause: $0.clause,
                                                                          negator: $0.negator) })
            },
            profile: ProfileSummary(name: analysis.report.profile.name, version: analysis.report.profile.version,
                                    serviceScore: analysis.report.serviceScore.map { finite($0) }),
            fields: record.fields)
    }

    /// What the score rests on (`EvidenceKind`), as `rater explain` says it: learned weights only when the scorer
    /// found no opinion word among the terms that moved it, none when nothing did.
    static func evidenceKind(_ sentiment: Sentiment) -> EvidenceKind {
        if sentiment.isLearnedOnly { return .learnedOnly }
        return sentiment.positiveMass + sentiment.negativeMass > 0 ? .opinion : .none
    }

    /// The last guard against NaN and infinity, which JSON cannot carry (`"score":null`) and which would poison every
    /// aggregate: the stages keep their figures finite, and anything that slips through is clamped here (NaN to 0).
    static func finite(_ value: Double, within range: ClosedRange<Double> = -Double.greatestFiniteMagnitude
                           ... Double.greatestFiniteMagnitude) -> Double {
        value.isNaN ? min(max(0, range.lowerBound), range.upperBound) : min(max(value, range.lowerBound), range.upperBound)
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
