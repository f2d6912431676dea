import RaterLexicon
import RaterScore
import RaterSegment

/// Where each sentiment term of a comment sits, in words, so a dimension can take the sentiment near its cue.
///
/// The scorer appends one contribution per valence-bearing match of a unit, in match order; the word position of
/// each contribution is recovered from that. If the two ever disagree for a unit, the unit has no positions and
/// dimensions fall back to its whole sentiment.
struct TermWindow {
    /// Per unit: [(word ordinal, weight)], or nil when the positions are unknown.
    private var terms: [[(ordinal: Int, weight: Double)]?]
    private let ordinals: [Int]
    let width: Int

    init(_ scored: ScoredComment, scoring: TermMatcher, width: Int) {
        self.width = width
        var ordinals = [Int]()
        ordinals.reserveCapacity(scored.segmented.tokens.count)
        var count = 0
        for token in scored.segmented.tokens {
            ordinals.append(count)
            if token.kind != .whitespace && token.kind != .lineBreak { count += 1 }
        }
        self.ordinals = ordinals
        let unitCount = scored.units.count
        var weights = [[Double]](repeating: [], count: unitCount)
        for contribution in scored.contributions where contribution.clause >= 0 && contribution.clause < unitCount {
            weights[contribution.clause].append(contribution.weight)
        }
        var terms = [[(ordinal: Int, weight: Double)]?](repeating: nil, count: unitCount)
        for (unitIndex, unit) in scored.units.enumerated() {
            let unitWeights = weights[unitIndex]
            var unitTerms = [(ordinal: Int, weight: Double)]()
            unitTerms.reserveCapacity(unitWeights.count)
            var positions = 0
            for matchIndex in unit.matches {
                let match = scored.matches[matchIndex]
                guard scoring.entries[Int(match.entry)].valence != nil else { continue }
                if positions < unitWeights.count {
                    unitTerms.append((ordinals[Int(match.token)], unitWeights[positions]))
                }
                positions += 1
            }
            guard positions == unitWeights.count else { continue }
            terms[unitIndex] = unitTerms
        }
        self.terms = terms
    }

    func ordinal(ofToken token: Int) -> Int { ordinals[token] }

    /// The positive and negative mass of the unit's terms within `width` words of any of `cues`, or nil when none
    /// is that close (or positions are unknown).
    func mass(in unit: Int, near cues: [Int]) -> (positive: Double, negative: Double)? {
        guard unit >= 0 && unit < terms.count, let unitTerms = terms[unit] else { return nil }
        var positive = 0.0
        var negative = 0.0
        var found = false
        for term in unitTerms where cues.contains(where: { abs($0 - term.ordinal) <= width }) {
            found = true
            if term.weight > 0 { positive += term.weight } else { negative -= term.weight }
        }
        return found ? (positive, negative) : nil
    }
}
