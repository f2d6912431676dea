import RaterLexicon
import RaterSegment

/// "I loved it here, not anymore": a clause that is nothing but a retraction marker (`IrrealisRole.retraction`: "not
/// anymore", "not any more"), a turn word before it allowed ("…, but not anymore"), takes back the clause right before
/// it. That clause then says how things were, as "used to" does: its praise names what was lost (`bygone`), in the
/// score and in the signals alike. A marker inside a longer clause retracts nothing.
public enum Retraction {
    /// The retraction marker of the unit right after unit `index`, when that unit is a lone retraction; nil otherwise.
    public static func marker(after index: Int, units: [ScoringUnit], segmented: SegmentedText, matches: [TermMatch],
                              entries: [LexiconEntry]) -> TermMatch? {
        let next = index + 1
        guard next < units.count else { return nil }
        let unit = units[next]
        var marker: TermMatch?
        for matchIndex in unit.matches {
            let entry = Int(matches[matchIndex].entry)
            if entries[entry].irrealis == .retraction, marker == nil { marker = matches[matchIndex] }
        }
        guard let marker else { return nil }
        // Every word of the unit is the marker's or a turn word's ("but not anymore").
        for token in segmented.tokens[unit.tokens]
        where token.kind == .word || token.kind == .ideographic || token.kind == .number {
            let start = Int(token.start)
            let covered = unit.matches.contains { matchIndex in
                let match = matches[matchIndex]
                return match.byteRange.contains(start)
                    && (match == marker || entries[Int(match.entry)].contrast == .turn)
            }
            if !covered { return nil }
        }
        return marker
    }
}
