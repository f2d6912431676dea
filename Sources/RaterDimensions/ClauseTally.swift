import RaterScore

/// Accumulates the clause sentiment attributed to one dimension or aspect.
///
/// A dimension never inherits the sentiment of a clause that does not mention it, except that a cue in a clause
/// with no sentiment of its own borrows its sentence's at half weight ("服务员的态度，让人很不舒服" has the cue and
/// the feeling in two clauses of one sentence), never across a contrast (see `ContrastSegments`). Each clause counts once per target, weighted by the strongest cue.
struct ClauseTally {
    var weight = 0.0
    var mentions = 0
    /// The mentioning units in ascending order, each with its strongest cue weight and its cues' word positions.
    /// Kept sorted (not in a dictionary) so the score sums the units in the same order in every process: a
    /// dictionary's order follows the per-process hash seed, and floating-point sums in another order could differ
    /// in the last printed digit from one run to the next.
    private var units = [(unit: Int, weight: Double, cuePositions: [Int])]()
    var evidence = [Evidence]()
    static let evidenceLimit = 5

    mutating func add(cue: String, cueWeight: Double, unit: Int, ordinal: Int, clause: String, clauseScore: Double) {
        var slot = units.count
        while slot > 0 && units[slot - 1].unit >= unit { slot -= 1 }
        if slot < units.count && units[slot].unit == unit {
            units[slot].cuePositions.append(ordinal)
            units[slot].weight = max(units[slot].weight, cueWeight)
        } else {
            units.insert((unit, max(0, cueWeight), [ordinal]), at: slot)
        }
        weight += cueWeight
        mentions += 1
        if evidence.count < Self.evidenceLimit {
            evidence.append(Evidence(cue: cue, clause: clause, clauseScore: clauseScore))
        }
    }

    /// The (P − N) / (P + N + damping) score over the mentioning clauses.
    func score(in scored: ScoredComment, window: TermWindow, segments: ContrastSegments, damping: Double) -> Double {
        var positive = 0.0
        var negative = 0.0
        for (unitIndex, cueWeight, cuePositions) in units {
            let unit = scored.units[unitIndex]
            let near = window.mass(in: unitIndex, near: cuePositions)
            var unitPositive = near?.positive ?? unit.positive
            var unitNegative = near?.negative ?? unit.negative
            if unitPositive == 0 && unitNegative == 0 {
                for (otherIndex, other) in scored.units.enumerated()
                    where segments.segment[otherIndex] == segments.segment[unitIndex] {
                    unitPositive += other.positive / 2
                    unitNegative += other.negative / 2
                }
            }
            positive += unitPositive * cueWeight
            negative += unitNegative * cueWeight
        }
        return (positive - negative) / (positive + negative + damping)
    }
}
