import RaterLexicon
import RaterScore

/// Whether a scoring unit states something settled, or asks, wishes or supposes it (the scorer's irrealis
/// markers: 吗 and a closing question mark, 希望/"hope", 如果/"if"), or tells a past habit ("used to").
enum UnitMood: Equatable {
    case settled
    case irrealis(IrrealisRole)

    /// The comment and matcher are borrowed: an initializer takes its arguments owned, and copying a
    /// `ScoredComment` and a `TermMatcher` for every unit retains each of their arrays.
    init(unit index: Int, in scored: borrowing ScoredComment, scoring: borrowing TermMatcher) {
        let unit = scored.units[index]
        for matchIndex in unit.matches {
            // A hypothetical result ("would") or a marker of "more" (再) settles nothing by itself; see `ClauseFactors`.
            // A rhetorical opener (难道, "is this what you call") re-weighs sentiment only: the signal stage reads such
            // questions through its own rhetorical cues (`SignalDetector`), so here it leaves the mood to the rest.
            if let role = scoring.entries[Int(scored.matches[matchIndex].entry)].irrealis, role.isClauseMood,
               role != .rhetorical {
                self = .irrealis(role)
                return
            }
        }
        let isLastOfClause = index + 1 == scored.units.count || scored.units[index + 1].clause != unit.clause
        if isLastOfClause, scored.segmented.clauses[unit.clause].terminator.questionMarks > 0 {
            self = .irrealis(.question)
            return
        }
        // "It was my favourite café. Not anymore.": the clause a lone retraction takes back is a bygone state.
        if Retraction.marker(after: index, units: scored.units, segmented: scored.segmented, matches: scored.matches,
                             entries: scoring.entries) != nil {
            self = .irrealis(.bygone)
            return
        }
        self = .settled
    }

    /// Whether the unit tells a past habit (`IrrealisRole.bygone`): it settles nothing about this case's recovery.
    var isPastHabit: Bool { self == .irrealis(.bygone) }

    /// The reading a signal cue gives in this mood, or nil when the clause settles nothing about it.
    ///
    /// Asking for, hoping for or supposing a recovery means it has not happened (希望尽快退款, "hope they refund"
    /// → unresolved). A threat to leave is a churn signal even as a condition (如果再这样就换一家); a conditional,
    /// hoped-for or asked-about return or expectation is not a settled one and is dropped.
    ///
    /// A past habit ("they used to refund without a fuss", "we used to recommend it") tells how things went before,
    /// not how this case went: it reads nothing, not even an unresolved recovery, except loyalty, which a lost habit
    /// or a retracted state takes away: "used to be my favourite spot", "we used to recommend them", "It was my
    /// favourite café. Not anymore." are at risk, as a churn cue there is.
    func reading(_ value: SignalValue) -> SignalValue? {
        guard case .irrealis = self else { return value }
        if isPastHabit { return value == .atRisk || value == .loyal ? .atRisk : nil }
        switch value {
        case .recovered, .unresolved: return .unresolved
        case .atRisk: return .atRisk
        case .loyal, .exceeded, .met, .fellShort: return nil
        }
    }
}
