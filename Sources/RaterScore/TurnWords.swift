import RaterCore
import RaterLexicon
import RaterSegment

/// Which contrast words of a comment really turn it (`ContrastRole.turn`), decided once for the unit builder and the
/// clause factors alike.
///
/// A turn word re-weighs what follows it against what went before. Two kinds of turn word have nothing to re-weigh:
/// - one that closes its clause after words of its own ("the staff were rude though", "not received it yet",
///   忙不过来): nothing follows it, so the words before it are what it qualifies, not a concession. A turn word
///   that is its clause's only word still answers the clauses before it ("Issue fixed, but still.");
/// - the "but (also)" of a correlative ("not only good but also cheap", 不但…而且/但…): the first half is not conceded,
///   both halves say the same thing.
///
/// A word for the present (`IrrealisRole.present`: 这次, 现在, "this time", "now") that opens a clause after a clause
/// naming a time before (`IrrealisRole.past`: 上次, 以前, "last time") in its sentence or the one before turns as a turn
/// word does: the state now is the verdict (上次来服务员态度很差，这次好多了 read −0.72 from the old complaint alone).
enum TurnWords {
    static func turns(in text: SegmentedText, matches: [TermMatch], entries: [LexiconEntry]) -> [Bool] {
        // `filledWith`, not `repeating:`, which looked up the array's storage type at run time (about 370
        // instructions a comment; see `Array.init(filledWith:count:)`).
        var isTurn = [Bool](filledWith: false, count: matches.count)
        var matchIndex = 0
        var correlativeSentence = -1  // the sentence of a correlative still waiting for its "but"
        var pastSentence = Int.min  // the sentence of the last clause before this one that names a time before
        for clause in text.clauses {
            var namesThePast = false
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
                    } else if hasWord(after: Int(match.end), in: clause, text: text)
                                || !hasWord(before: Int(match.start), in: clause, text: text) {
                        isTurn[matchIndex] = true
                    }
                default:
                    switch entries[Int(match.entry)].irrealis {
                    case .past?:
                        namesThePast = true
                    case .present?:
                        if pastSentence >= clause.sentence - 1, !hasWord(before: Int(match.start), in: clause, text: text) {
                            isTurn[matchIndex] = true
                        }
                    default:
                        break
                    }
                }
                matchIndex += 1
            }
            if namesThePast { pastSentence = clause.sentence }
        }
        return isTurn
    }

    /// Whether a word, ideograph or number precedes `offset` inside the clause.
    static func hasWord(before offset: Int, in clause: Clause, text: SegmentedText) -> Bool {
        for index in clause.tokens {
            let token = text.tokens[index]
            guard Int(token.end) <= offset else { return false }
            if token.kind == .word || token.kind == .ideographic || token.kind == .number { return true }
        }
        return false
    }

    /// Whether a word, ideograph or number follows `offset` inside the clause.
    static func hasWord(after offset: Int, in clause: Clause, text: SegmentedText) -> Bool {
        for index in clause.tokens.reversed() {
            let token = text.tokens[index]
            guard Int(token.start) >= offset else { return false }
            if token.kind == .word || token.kind == .ideographic || token.kind == .number { return true }
        }
        return false
    }
}
