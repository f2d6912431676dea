import RaterCore
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
        /// A bare negation rather than a term of the comment (see above): it speaks of a service's failure to
        /// deliver, not of how the customer feels.
        var isBareNegation = false
        /// A wait measured by its length or scale (rule `wait_scale`: 等了40分钟才, "the queue was long"): it says how
        /// long the customer waited, which is Responsiveness's to weigh, not the dish or room named beside it
        /// (`ClauseTally.takesWaits`).
        var measuresWait = false

        /// An opinion word that counts in its clause: a hand-written valence (or a bare negation) whose weight the
        /// rules left above zero.
        var isOpinion: Bool { !isLearned && weight != 0 }
    }

    /// Every unit's terms in match order, unit after unit, and per unit the range of its own, or nil when their
    /// positions are unknown. Flat arrays indexed by unit, not an array per unit or a dictionary: this runs for
    /// every comment.
    private var terms: [Term]
    private var unitTerms: [Range<Int>?]
    private let ordinals: WordOrdinals
    let width: Int
    /// Whether any term measures a wait (`Term.measuresWait`): most comments have none, and a target that passes
    /// waits over (`ClauseTally.takesWaits`) then need not look for one in each mentioning unit's terms.
    let hasMeasuredWait: Bool

    /// The window's arrays and the counts it is built from, kept between comments in a `MappingScratch`.
    struct Storage: Sendable {
        var terms: [Term] = []
        var unitTerms: [Range<Int>?] = []
        /// The contributions' grouping by unit, used only while a window is built (see `init`).
        var weightStart: [Int] = []
        var grouped: [Int] = []
        var filled: [Int] = []
    }

    /// - Parameter bareNegation: the weight (as a positive number) of a bare negation; 0 turns it off.
    /// - Parameter scratch: its arrays are filled (see `MappingScratch`); `giveBack(to:)` returns them.
    /// The comment and matcher are borrowed, not copied (an initializer would otherwise take them owned).
    init(_ scored: borrowing ScoredComment, scoring: borrowing TermMatcher, width: Int, bareNegation: Double,
         negationReach: Int = 3, reusing scratch: inout MappingScratch) {
        self.width = width
        let ordinals = scored.wordOrdinals
        self.ordinals = ordinals
        let unitCount = scored.units.count
        // The contribution weights grouped by unit, in contribution order: weightStart[u]..<weightStart[u + 1].
        // Contributions are read by index: `for contribution in` copied each one, retaining its term and rules.
        let contributions = scored.contributions.indices
        var weightStart = [Int].reused(from: &scratch.window.weightStart)
        weightStart.append(contentsOf: repeatElement(0, count: unitCount + 1))
        for index in contributions {
            let clause = scored.contributions[index].clause
            if clause >= 0 && clause < unitCount { weightStart[clause + 1] += 1 }
        }
        for unitIndex in 0..<unitCount { weightStart[unitIndex + 1] += weightStart[unitIndex] }
        // The contributions in that order, as indices: their weight, match and whether it is learned are read where
        // needed (as the scorer decided them: a scale word measuring a price, 高 after 价格, scores where its entry
        // has no valence, or a learned one). One array, not one per field: this runs for every comment.
        var grouped = [Int].reused(from: &scratch.window.grouped)
        grouped.append(contentsOf: repeatElement(-1, count: weightStart[unitCount]))
        var filled = [Int].reused(from: &scratch.window.filled)
        filled.append(contentsOf: weightStart)
        for index in contributions {
            let clause = scored.contributions[index].clause
            guard clause >= 0 && clause < unitCount else { continue }
            grouped[filled[clause]] = index
            filled[clause] += 1
        }
        var terms = [Term].reused(from: &scratch.window.terms)
        terms.reserveCapacity(grouped.count)
        var unitTerms = [Range<Int>?].reused(from: &scratch.window.unitTerms)
        unitTerms.append(contentsOf: repeatElement(nil, count: unitCount))
        var hasMeasuredWait = false
        for (unitIndex, unit) in scored.units.enumerated() {
            let unitStart = terms.count
            let unitWeights = weightStart[unitIndex]..<weightStart[unitIndex + 1]
            var positions = 0
            // The end of a measured wait's span (等了四十分钟才, "waited 45 minutes"): the terms inside it (十分钟,
            // "minutes") were read as its duration and made no contribution of their own.
            var waitUntil = -1
            for matchIndex in unit.matches {
                // The entry's fields are read in place: copying a `LexiconEntry` retains its three role arrays.
                let match = scored.matches[matchIndex]
                let entry = Int(match.entry)
                // As the scorer: a learned valence that yields to a rule role (这么) made no contribution, and a scale
                // word made one only where it measured a price.
                let next = unitWeights.lowerBound + positions
                let isOwn = next < unitWeights.upperBound && scored.contributions[grouped[next]].match == matchIndex
                if !isOwn && Int(match.start) < waitUntil { continue }
                guard scoring.entries[entry].scoredValence != nil || isOwn else { continue }
                if positions < unitWeights.count {
                    let contribution = grouped[next]
                    let rules = scored.contributions[contribution].rules
                    let measuresWait = !rules.isEmpty && rules.contains {
                        if case .waitScale = $0 { true } else { false }
                    }
                    terms.append(Term(ordinal: ordinals[Int(match.token)],
                                      weight: scored.contributions[contribution].weight,
                                      isLearned: scored.contributions[contribution].isLearned,
                                      measuresWait: measuresWait))
                    if measuresWait {
                        hasMeasuredWait = true
                        waitUntil = Int(match.start) + scored.contributions[contribution].term.utf8.count
                    }
                }
                positions += 1
            }
            guard positions == unitWeights.count else {
                terms.removeSubrange(unitStart...)
                continue
            }
            if bareNegation > 0, UnitMood(unit: unitIndex, in: scored, scoring: scoring) == .settled {
                for matchIndex in unit.matches {
                    let match = scored.matches[matchIndex]
                    let entry = Int(match.entry)
                    guard scoring.entries[entry].isNegator, scoring.entries[entry].scoredValence == nil else { continue }
                    let ordinal = ordinals[Int(match.token)]
                    let reach = ordinal + (scoring.entries[entry].negationScope ?? negationReach)
                    if !terms[unitStart..<terms.count].contains(where: { $0.ordinal > ordinal && $0.ordinal <= reach }) {
                        terms.append(Term(ordinal: ordinal, weight: -bareNegation, isLearned: false,
                                           isBareNegation: true))
                    }
                }
            }
            unitTerms[unitIndex] = unitStart..<terms.count
        }
        self.terms = terms
        self.unitTerms = unitTerms
        self.hasMeasuredWait = hasMeasuredWait
        scratch.window.weightStart = weightStart.keepable
        scratch.window.grouped = grouped.keepable
        scratch.window.filled = filled.keepable
    }

    /// Hands the window's arrays back to `scratch` for the next comment.
    func giveBack(to scratch: inout MappingScratch) {
        scratch.window.terms = terms.keepable
        scratch.window.unitTerms = unitTerms.keepable
    }

    func ordinal(ofToken token: Int) -> Int { ordinals[token] }

    /// Whether the unit's term positions are known.
    func knows(unit: Int) -> Bool { unit >= 0 && unit < unitTerms.count && unitTerms[unit] != nil }

    /// The unit's terms, or nil when their positions are unknown.
    func terms(in unit: Int) -> ArraySlice<Term>? {
        guard unit >= 0 && unit < unitTerms.count, let range = unitTerms[unit] else { return nil }
        return terms[range]
    }

    /// Whether `term` is within `width` words of the cue at word position `cue`.
    func isNear(_ term: Term, cue: Int) -> Bool { Self.isNear(term, cue: cue, width: width) }

    /// `isNear` for a window of `width` words, for a holder of the width alone (`NearCues`).
    static func isNear(_ term: Term, cue: Int, width: Int) -> Bool { abs(cue - term.ordinal) <= width }

    /// The positive and (absolute) negative mass of some terms, summed in order.
    static func mass(_ terms: some Sequence<Term>) -> (positive: Double, negative: Double) {
        var positive = 0.0
        var negative = 0.0
        for term in terms {
            if term.weight > 0 { positive += term.weight } else { negative -= term.weight }
        }
        return (positive, negative)
    }
}
