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
        let hits = cues.flatMap { layer in
            CueFinder(scored: scored, cueEntries: layer.entries, scoring: scoring).hits(layer.matches)
        }
        guard !hits.isEmpty else {
            return DimensionReport(dimensions: [], aspects: [], signals: [], serviceScore: nil, profile: profile)
        }
        var dimensionTallies = [ServiceDimension: ClauseTally]()
        var aspectTallies = [Aspect: ClauseTally]()
        let segments = ContrastSegments(scored, scoring: scoring.entries)
        let window = TermWindow(scored, scoring: scoring, width: termWindow, bareNegation: bareNegation)
        var clauseText = [Int: (String, Double)]()
        for hit in hits where !hit.entry.cues.isEmpty || !hit.entry.aspects.isEmpty {
            if clauseText[hit.unit] == nil {
                let unit = scored.units[hit.unit]
                clauseText[hit.unit] = (scored.segmented.text(ofTokens: unit.tokens), unit.score(damping: damping))
            }
            let (clause, clauseScore) = clauseText[hit.unit]!
            for cue in hit.entry.cues {
                dimensionTallies[cue.dimension, default: ClauseTally()]
                    .add(cue: hit.cue, cueWeight: cue.weight, unit: hit.unit, ordinal: window.ordinal(ofToken: hit.token),
                         clause: clause, clauseScore: clauseScore)
            }
            for cue in hit.entry.aspects {
                aspectTallies[cue.aspect, default: ClauseTally()]
                    .add(cue: hit.cue, cueWeight: cue.weight, unit: hit.unit, ordinal: window.ordinal(ofToken: hit.token),
                         clause: clause, clauseScore: clauseScore)
            }
        }
        let dimensions = dimensionTallies.filter { $0.value.weight >= minimumCueWeight }
            .sorted { $0.key < $1.key }
            .map { dimension, tally in
                let score = tally.score(in: scored, window: window, segments: segments, damping: damping)
                return DimensionResult(dimension: dimension, score: score, label: thresholds.label(for: score),
                                       mentions: tally.mentions, evidence: tally.evidence,
                                       weight: profile.weight(of: dimension))
            }
        let aspects = aspectTallies.filter { $0.value.weight >= minimumCueWeight }
            .sorted { $0.key < $1.key }
            .map { aspect, tally in
                let score = tally.score(in: scored, window: window, segments: segments, damping: damping)
                return AspectResult(aspect: aspect, score: score, label: thresholds.label(for: score),
                                    mentions: tally.mentions, evidence: tally.evidence)
            }
        let signals = SignalDetector(scored: scored, scoring: scoring).signals(from: hits)
        return DimensionReport(dimensions: dimensions, aspects: aspects, signals: signals,
                               serviceScore: profile.serviceScore(dimensions.map { ($0.dimension, $0.score) }),
                               profile: profile)
    }
}
