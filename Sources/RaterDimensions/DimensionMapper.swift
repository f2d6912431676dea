import RaterCore
import RaterLexicon
import RaterScore

/// The dimensions stage: finds cue words, gives each RATER dimension and each non-RATER aspect the sentiment of
/// the clauses that mention it, and reads the business signals.
///
/// "环境不错，但是服务员态度很差" yields tangibles positive (环境, first clause) and assurance negative (态度, second
/// clause): a dimension never inherits the sentiment of a clause that does not mention it (see `ClauseTally`).
public struct DimensionMapper: Sendable {
    public var thresholds: LabelThresholds
    /// A dimension or aspect is reported only when its cues' weights add up to at least this.
    public var minimumCueWeight: Double
    public var damping: Double
    public var profile: IndustryProfile
    /// A dimension takes the sentiment terms within this many words of its cues in a clause (the whole clause when
    /// none is that close).
    public var termWindow: Int
    /// The weight of a bare negation (a negator with no sentiment term in its reach, "the waiter never came
    /// back") as negative evidence for the dimensions and aspects near it; 0 turns it off. See `TermWindow`.
    public var bareNegation: Double

    public init(thresholds: LabelThresholds = .standard, minimumCueWeight: Double = 0.5, damping: Double = 1.0,
                profile: IndustryProfile = .generic, termWindow: Int = 6, bareNegation: Double = 1.0) {
        self.termWindow = termWindow
        self.bareNegation = bareNegation
        self.thresholds = thresholds
        self.minimumCueWeight = minimumCueWeight
        self.damping = damping
        self.profile = profile
    }

    /// - Parameters:
    ///   - cues: the cue scanners' matches in the comment, one layer per role.
    ///   - scoring: the scoring matcher (its negators govern signal cues).
    public func map(_ scored: ScoredComment, cues: [CueLayer], scoring: TermMatcher) -> DimensionReport {
        guard cues.contains(where: { !$0.matches.isEmpty }) else { return emptyReport }
        let finder = CueFinder(scored)
        var hits = [CueHit]()
        for layer in cues {
            finder.appendHits(of: layer.matches, entries: layer.entries, in: scored, scoring: scoring, to: &hits)
        }
        guard !hits.isEmpty else { return emptyReport }
        var dimensionTallies = CaseTable<ServiceDimension, ClauseTally>()
        var aspectTallies = CaseTable<Aspect, ClauseTally>()
        let segments = ContrastSegments(scored, scoring: scoring.entries)
        let window = TermWindow(scored, scoring: scoring, width: termWindow, bareNegation: bareNegation)
        for hit in hits where !hit.entry.cues.isEmpty || !hit.entry.aspects.isEmpty {
            let ordinal = window.ordinal(ofToken: hit.token)
            for cue in hit.entry.cues {
                dimensionTallies.update(cue.dimension, default: ClauseTally()) {
                    $0.add(cue: hit.cue, cueWeight: cue.weight, unit: hit.unit, ordinal: ordinal)
                }
            }
            for cue in hit.entry.aspects {
                aspectTallies.update(cue.aspect, default: ClauseTally()) {
                    $0.add(cue: hit.cue, cueWeight: cue.weight, unit: hit.unit, ordinal: ordinal)
                }
            }
        }
        // Clause text is built only for evidence that is written out, once per unit.
        var clauses = [String?](filledWith: nil, count: scored.units.count)
        func clause(_ unit: Int) -> (text: String, score: Double) {
            if clauses[unit] == nil { clauses[unit] = scored.segmented.text(ofTokens: scored.units[unit].tokens) }
            return (clauses[unit]!, scored.units[unit].score(damping: damping))
        }
        let dimensions = dimensionTallies.entries.filter { $0.value.weight >= minimumCueWeight }
            .map { dimension, tally in
                let score = tally.score(in: scored, window: window, segments: segments, damping: damping)
                return DimensionResult(dimension: dimension, score: score, label: thresholds.label(for: score),
                                       mentions: tally.mentions, evidence: tally.evidence(clause: clause),
                                       weight: profile.weight(of: dimension))
            }
        let aspects = aspectTallies.entries.filter { $0.value.weight >= minimumCueWeight }
            .map { aspect, tally in
                let score = tally.score(in: scored, window: window, segments: segments, damping: damping)
                return AspectResult(aspect: aspect, score: score, label: thresholds.label(for: score),
                                    mentions: tally.mentions, evidence: tally.evidence(clause: clause))
            }
        let signals = SignalDetector.signals(from: hits, in: scored, scoring: scoring)
        return DimensionReport(dimensions: dimensions, aspects: aspects, signals: signals,
                               serviceScore: profile.serviceScore(dimensions.map { ($0.dimension, $0.score) }),
                               profile: profile)
    }

    private var emptyReport: DimensionReport {
        DimensionReport(dimensions: [], aspects: [], signals: [], serviceScore: nil, profile: profile)
    }
}
