import RaterCore
import RaterLexicon
import RaterScore

/// Reads expectation, recovery and loyalty signals from the cue hits.
///
/// A cue's reading is its lexicon value, turned by a governing negator (不会*再来* → at risk, "would not
/// *recommend*" → at risk). Cues without a fixed reading (没想到, "expected") take the direction of their
/// sentence's sentiment, which already weighs the turn in 本以为…结果 or "I expected…, but". A cue in a sentence
/// with no sentiment and no fixed reading says nothing and is dropped. Questions, wishes and conditions change
/// the reading (see `UnitMood`).
///
/// A namespace, not a value: the comment and matcher are borrowed per call rather than copied into a struct.
enum SignalDetector {
    static let evidenceLimit = 5

    static func signals(from hits: [CueHit], roles: CueRoles, in scored: ScoredComment, scoring: TermMatcher)
        -> [SignalResult]
    {
        var found = [SignalValue: [SignalEvidence]]()
        for hit in hits {
            for cue in roles.signals(of: hit) {
                let mood = UnitMood(unit: hit.unit, in: scored, scoring: scoring)
                var value: SignalValue
                if let fixed = cue.value {
                    guard let settled = mood.reading(hit.negated ? fixed.negated : fixed) else { continue }
                    value = settled
                } else if cue.kind == .recovery, mood != .settled {
                    // A recovery asked about, hoped for or supposed has not happened yet.
                    value = .unresolved
                } else {
                    // 本以为…结果, "I expected…": the cue's own clause is often hypothetical; the sentence says how
                    // it turned out. Its sentiment already reflects negation, so that is not applied twice.
                    let lean = sentenceLean(of: hit.unit, in: scored)
                    guard lean != 0 else { continue }
                    value = cue.kind.reading(positive: lean > 0)
                }
                if found[value, default: []].count < Self.evidenceLimit {
                    let clause = scored.segmented.text(ofTokens: scored.units[hit.unit].tokens)
                    let evidence = SignalEvidence(cue: scored.segmented.text(hit.range), clause: clause,
                                                  negator: cue.value != nil ? hit.negator : nil)
                    found[value, default: []].append(evidence)
                }
            }
        }
        return found.sorted { $0.key < $1.key }.map { SignalResult(value: $0.key, evidence: $0.value) }
    }

    /// The net weighted sentiment of the unit's sentence.
    private static func sentenceLean(of unitIndex: Int, in scored: ScoredComment) -> Double {
        let sentence = scored.units[unitIndex].sentence
        return scored.units.filter { $0.sentence == sentence }.map { $0.positive - $0.negative }.reduce(0, +)
    }
}
