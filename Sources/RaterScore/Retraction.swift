import RaterLexicon
import RaterSegment

/// "I loved it here, not anymore": a clause that is nothing but a retraction marker (`IrrealisRole.retraction`: "not
/// anymore", "not any more"), a turn word before it allowed ("…, but not anymore"), takes back the clause right before
/// it. That clause then says how things were, as "used to" does: its praise names what was lost (`bygone`), in the
/// score and in the signals alike. A marker inside a longer clause retracts nothing.
///
/// Chinese says it with a lapse ending after a word for the present (以前很喜欢，现在不了; 以前常来，现在不会了;
/// `IrrealisRole.lapse` after `IrrealisRole.present`): the ending alone is too common a phrase (不了 in 不了解, 受不了,
/// 少不了) to retract anything, so it retracts only in a clause of the present word and the ending.
public enum Retraction {
    /// The retraction marker of the unit right after unit `index`, when that unit is a lone retraction; nil otherwise.
    public static func marker(after index: Int, units: [ScoringUnit], segmented: SegmentedText, matches: [TermMatch],
                              entries: [LexiconEntry]) -> TermMatch? {
        let next = index + 1
        guard next < units.count else { return nil }
        let unit = units[next]
        var marker: TermMatch?
        var afterPresent = false
        for matchIndex in unit.matches where marker == nil {
            switch entries[Int(matches[matchIndex].entry)].irrealis {
            case .retraction?: marker = matches[matchIndex]
            case .lapse? where afterPresent: marker = matches[matchIndex]
            case .present?: afterPresent = true
            default: break
            }
        }
        guard let marker else { return nil }
        // Every word of the unit is the marker's, a turn word's ("but not anymore") or a present word's (现在不了).
        for token in segmented.tokens[unit.tokens]
        where token.kind == .word || token.kind == .ideographic || token.kind == .number {
            let start = Int(token.start)
            let covered = unit.matches.contains { matchIndex in
                let match = matches[matchIndex]
                return match.byteRange.contains(start)
                    && (match == marker || entries[Int(match.entry)].contrast == .turn
                        || entries[Int(match.entry)].irrealis == .present)
            }
            if !covered { return nil }
        }
        return marker
    }
}
