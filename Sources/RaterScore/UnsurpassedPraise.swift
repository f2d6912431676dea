import RaterLexicon
import RaterSegment

/// "I couldn't recommend them more", "can't thank the nurses enough": a negated ability ("can't", "couldn't") before a
/// positive word, with "more" or "enough" closing the clause a few words on, says the praise could go no further. It
/// is the strongest praise, not its negation (read as one, "couldn't recommend them more" was a complaint and an
/// at-risk customer). The scorer intensifies the term (`ScoringRules.unsurpassedPraise`) and the dimension stage
/// leaves a signal cue there un-negated. "can't recommend it enough" is also an idiom of its own; this rule covers
/// whatever the object is. "not good enough" keeps its negation: "not" is no ability.
public enum UnsurpassedPraise {
    /// Negators of ability, as the scorer's matches write them (folded: lower case, ' for the apostrophe).
    public static let negators: Set<String> = ["can't", "cannot", "can not", "cant", "couldn't", "could not", "couldnt"]
    /// The words that close such a clause.
    public static let closers: Set<String> = ["more", "enough"]
    /// At most this many words follow the term, the closer included ("them more", "this place more", "this garage
    /// highly enough").
    public static let reachWords = 4

    /// The ability negator a phrase opens with ("can't recommend", an idiom of its own), if any.
    public static func openingNegator(of term: String) -> String? {
        let lowered = term.lowercased()
        // The negator and a space after it, compared without building "negator " for every negator.
        return negators.first { lowered.hasPrefix($0) && lowered.utf8.dropFirst($0.utf8.count).first == 0x20 }
    }

    /// The closing word ("more", "enough") when the words after `match` to the end of `unit` are at most `reachWords`
    /// and the last of them is a closer; nil otherwise.
    public static func closer(after match: TermMatch, in unit: ScoringUnit, segmented: SegmentedText) -> String? {
        var words = 0
        var last: Range<Int>?
        for token in segmented.tokens[unit.tokens] where Int(token.start) >= Int(match.end) {
            switch token.kind {
            case .word, .number, .ideographic:
                words += 1
                if words > reachWords { return nil }
                last = token.byteRange
            default:
                continue
            }
        }
        guard let last else { return nil }
        // Compared on the folded bytes (lower-cased in place): a String is built only for a closer, and the scorer
        // asks for every negated praise word.
        let word = segmented.folded[last]
        return closerBytes.first { $0.elementsEqual(word) }.map { String(decoding: $0, as: UTF8.self) }
    }

    private static let closerBytes: [[UInt8]] = closers.map { Array($0.utf8) }
}
