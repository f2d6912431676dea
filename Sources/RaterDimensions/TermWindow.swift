import RaterLexicon
import RaterScore
import RaterSegment

/// Where each sentiment term of a comment sits, in words, so a dimension can take the sentiment near its cue.
///
/// The scorer appends one contribution per valence-bearing match of a unit, in match order; the word position of
/// each contribution is recovered from that. If the two ever disagree for a unit, the unit has no positions and
/// dimensions fall back to its whole sentiment.
///
/// Each term remembers whether its valence is learned (see `LexiconEntry.isLearnedValence`): a learned weight
/// says how often a word shows up in praise or complaints, an opinion word says what the customer thinks, and
/// `ClauseTally` uses the first only where the second is missing. A *bare negation* — a negator in a settled
/// clause with no sentiment term in its reach ("the hostess did not have our table", "nobody came back", "the
/// service is not") — is added as a mild negative opinion term: said of a service, a denied action is a failure
/// to deliver. It counts only here, for dimensions and aspects, not in the comment's sentiment.
struct TermWindow {
    struct Term {
        var ordinal: Int
        var weight: Double
        var isLearned: Bool

        /// An opinion word that counts in its clause: a hand-written valence (or a bare negation) whose weight the
        /// rules left above zero.
        var isOpinion: Bool { !isLearned && weight != 0 }
    }

    /// Per unit: its terms in match order, or nil when their positions are unknown. Arrays indexed by unit, not
    /// dictionaries: this runs for every comment.
    private var terms: [[Term]?]
    private let ordinals: [Int]
    let width: Int

    /// - Parameter bareNegation: the weight (as a positive number) of a bare negation; 0 turns it off.
    init(_ scored: ScoredComment, scoring: TermMatcher, width: Int, bareNegation: Double, negationReach: Int = 3) {
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
        var terms = [[Term]?](repeating: nil, count: unitCount)
        for (unitIndex, unit) in scored.units.enumerated() {
            let unitWeights = weights[unitIndex]
            var unitTerms = [Term]()
            unitTerms.reserveCapacity(unitWeights.count)
            var positions = 0
            for matchIndex in unit.matches {
                let match = scored.matches[matchIndex]
                let entry = scoring.entries[Int(match.entry)]
                guard entry.valence != nil else { continue }
                if positions < unitWeights.count {
                    unitTerms.append(Term(ordinal: ordinals[Int(match.token)], weight: unitWeights[positions],
                                          isLearned: entry.isLearnedValence))
                }
                positions += 1
            }
            guard positions == unitWeights.count else { continue }
            if bareNegation > 0, UnitMood(unit: unitIndex, in: scored, scoring: scoring) == .settled {
                for matchIndex in unit.matches {
                    let match = scored.matches[matchIndex]
                    let entry = scoring.entries[Int(match.entry)]
                    guard entry.isNegator, entry.valence == nil else { continue }
                    let ordinal = ordinals[Int(match.token)]
                    let reach = ordinal + (entry.negationScope ?? negationReach)
                    if !unitTerms.contains(where: { $0.ordinal > ordinal && $0.ordinal <= reach }) {
                        unitTerms.append(Term(ordinal: ordinal, weight: -bareNegation, isLearned: false))
                    }
                }
            }
            terms[unitIndex] = unitTerms
        }
        self.terms = terms
    }

    func ordinal(ofToken token: Int) -> Int { ordinals[token] }

    /// Whether the unit's term positions are known.
    func knows(unit: Int) -> Bool { unit >= 0 && unit < terms.count && terms[unit] != nil }

    /// The unit's terms within `width` words of any of `cues` (all of them when `cues` is nil), or nil when the
    /// positions are unknown.
    func terms(in unit: Int, near cues: [Int]?) -> [Term]? {
        guard unit >= 0 && unit < terms.count, let unitTerms = terms[unit] else { return nil }
        guard let cues else { return unitTerms }
        return unitTerms.filter { term in cues.contains { abs($0 - term.ordinal) <= width } }
    }

    /// The positive and (absolute) negative mass of some terms.
    static func mass(_ terms: [Term]) -> (positive: Double, negative: Double) {
        var positive = 0.0
        var negative = 0.0
        for term in terms {
            if term.weight > 0 { positive += term.weight } else { negative -= term.weight }
        }
        return (positive, negative)
    }
}
