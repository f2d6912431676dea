import RaterLexicon
import RaterSegment

/// Which contrast words of a comment really turn it (`ContrastRole.turn`), decided once for the unit builder and the
/// clause factors alike.
///
/// A turn word re-weighs what follows it against what went before. A turn word can have nothing to re-weigh:
/// - the "but (also)" of a correlative ("not only good but also cheap", 不但…而且/但…): the first half is not conceded,
///   both halves say the same thing.
enum TurnWords {
    static func turns(in text: SegmentedText, matches: [TermMatch], entries: [LexiconEntry]) -> [Bool] {
        var isTurn = [Bool](repeating: false, count: matches.count)
        var matchIndex = 0
        var correlativeSentence = -1  // the sentence of a correlative still waiting for its "but"
        for clause in text.clauses {
            guard !clause.tokens.isEmpty else { continue }
            let clauseStart = Int(text.tokens[clause.tokens.lowerBound].start)
            let clauseEnd = Int(text.tokens[clause.tokens.upperBound - 1].end)
            while matchIndex < matches.count, Int(matches[matchIndex].start) < clauseStart { matchIndex += 1 }
            while matchIndex < matches.count, Int(matches[matchIndex].start) < clauseEnd {
                let match = matches[matchIndex]
                switch entries[Int(match.entry)].contrast {
                case .correlative?:
                    correlativeSentence = clause.sentence
                case .turn?:
                    if correlativeSentence == clause.sentence {
                        correlativeSentence = -1
                    } else {
                        isTurn[matchIndex] = true
                    }
                default:
                    break
                }
                matchIndex += 1
            }
        }
        return isTurn
    }
}
