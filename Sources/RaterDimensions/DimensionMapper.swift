import RaterCore
import RaterLexicon
import RaterScore

/// The dimensions stage: finds RATER cues and gives each dimension the sentiment of the clauses that mention it.
///
/// "环境不错，但是服务员态度很差" yields tangibles positive (环境, first clause) and assurance negative (态度, second
/// clause): a dimension never inherits the sentiment of a clause that does not mention it, except that a cue in a
/// clause with no sentiment of its own borrows its sentence's ("服务员的态度，让人很不舒服" has the cue and the
/// feeling in two clauses of one sentence).
public struct DimensionMapper: Sendable {
    public var thresholds: LabelThresholds
    /// A dimension is reported only when its cues' weights add up to at least this.
    public var minimumCueWeight: Double
    public var damping: Double

    public init(thresholds: LabelThresholds = .standard, minimumCueWeight: Double = 0.5, damping: Double = 1.0) {
        self.thresholds = thresholds
        self.minimumCueWeight = minimumCueWeight
        self.damping = damping
    }

    public func map(_ scored: ScoredComment, entries: [LexiconEntry]) -> [DimensionResult] {
        var tallies = [ServiceDimension: Tally]()
        for (unitIndex, unit) in scored.units.enumerated() {
            let cueMatches = unit.matches.filter { !entries[Int(scored.matches[$0].entry)].cues.isEmpty }
            guard !cueMatches.isEmpty else { continue }
            var positive = unit.positive
            var negative = unit.negative
            if positive == 0 && negative == 0 {
                // Borrow the sentence's sentiment, at half weight.
                for other in scored.units where other.sentence == unit.sentence {
                    positive += other.positive / 2
                    negative += other.negative / 2
                }
            }
            let clause = scored.segmented.text(ofTokens: unit.tokens)
            let clauseScore = unit.score(damping: damping)
            for matchIndex in cueMatches {
                let match = scored.matches[matchIndex]
                let cue = scored.segmented.text(match.byteRange)
                for item in entries[Int(match.entry)].cues {
                    var tally = tallies[item.dimension, default: Tally()]
                    tally.weight += item.weight
                    tally.mentions += 1
                    if !tally.units.contains(unitIndex) {
                        tally.units.insert(unitIndex)
                        tally.positive += positive * item.weight
                        tally.negative += negative * item.weight
                    }
                    if tally.evidence.count < 5 {
                        tally.evidence.append(Evidence(cue: cue, clause: clause, clauseScore: clauseScore))
                    }
                    tallies[item.dimension] = tally
                }
            }
        }
        return tallies.filter { $0.value.weight >= minimumCueWeight }
            .sorted { $0.key < $1.key }
            .map { dimension, tally in
                let score = (tally.positive - tally.negative) / (tally.positive + tally.negative + damping)
                return DimensionResult(dimension: dimension, score: score, label: thresholds.label(for: score),
                                       mentions: tally.mentions, evidence: tally.evidence)
            }
    }

    private struct Tally {
        var weight = 0.0
        var mentions = 0
        var positive = 0.0
        var negative = 0.0
        var units = Set<Int>()
        var evidence = [Evidence]()
    }
}
