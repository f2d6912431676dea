import RaterLexicon
import RaterSegment

/// Cuts clauses into scoring units at turn words, so "the room was nice but the staff were rude" scores as two
/// spans even without a comma.
enum UnitBuilder {
    /// - Parameter turns: which matches are turns (see `TurnWords`).
    static func units(for text: SegmentedText, matches: [TermMatch], turns: [Bool]) -> [ScoringUnit] {
        var units = [ScoringUnit]()
        // At most one unit per clause plus one per turn word: sized once instead of grown from empty.
        units.reserveCapacity(text.clauses.count + matches.count)
        var matchIndex = 0
        // Matches between clauses belong to the unit before them (the clause's closing marks hold emoticons such as
        // ":(" whose colon ends the clause), and matches before the first clause to the first unit: none is dropped.
        for (clauseIndex, clause) in text.clauses.enumerated() {
            let next = clauseIndex + 1
            let clauseEnd = next < text.clauses.count && !text.clauses[next].tokens.isEmpty
                ? Int(text.tokens[text.clauses[next].tokens.lowerBound].start) : Int.max
            var unitTokenStart = clause.tokens.lowerBound
            var unitMatchStart = matchIndex
            var sawTerm = false
            while matchIndex < matches.count, Int(matches[matchIndex].start) < clauseEnd {
                let match = matches[matchIndex]
                if turns[matchIndex], sawTerm {
                    units.append(ScoringUnit(tokens: unitTokenStart..<Int(match.token), sentence: clause.sentence,
                                             clause: clauseIndex, matches: unitMatchStart..<matchIndex,
                                             positive: 0, negative: 0))
                    unitTokenStart = Int(match.token)
                    unitMatchStart = matchIndex
                }
                sawTerm = true
                matchIndex += 1
            }
            units.append(ScoringUnit(tokens: unitTokenStart..<clause.tokens.upperBound, sentence: clause.sentence,
                                     clause: clauseIndex, matches: unitMatchStart..<matchIndex,
                                     positive: 0, negative: 0))
        }
        return units
    }
}
