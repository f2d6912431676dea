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

    /// Whether a negator found before a cue is an ability negator or opens with one ("can't", "can't recommend"): the
    /// first half of the rule, asked for every negated cue.
    public static func isAbilityNegation(_ negator: String) -> Bool {
        mayOpenWithNegator(negator) && (negators.contains(negator.lowercased()) || openingNegator(of: negator) != nil)
    }

    /// The ability negator a phrase opens with ("can't recommend", an idiom of its own), if any.
    public static func openingNegator(of term: String) -> String? {
        guard mayOpenWithNegator(term) else { return nil }
        let lowered = term.lowercased()
        // The negator and a space after it, compared without building "negator " for every negator.
        return negators.first { lowered.hasPrefix($0) && lowered.utf8.dropFirst($0.utf8.count).first == 0x20 }
    }

    /// Whether `term` may lower-case to a text that starts with a negator's first letter. A term that cannot (every
    /// Chinese negator, most English words) skips `lowercased()` and a Unicode `hasPrefix` per negator: about 7,000
    /// instructions for each negated Chinese cue (callgrind, twenty-eighth round). The negators are lower-case ASCII;
    /// an ASCII byte lower-cases to itself or its letter, and beyond ASCII only the Kelvin sign (to "k") and "İ" (to
    /// "i" and a combining dot) lower-case to an ASCII letter.
    static func mayOpenWithNegator(_ term: String) -> Bool {
        guard let lead = term.utf8.first else { return false }
        guard lead < 0x80 else {
            return negatorLeads.contains(UInt8(ascii: "k")) || negatorLeads.contains(UInt8(ascii: "i"))
        }
        return negatorLeads.contains(lead >= 0x41 && lead <= 0x5A ? lead | 0x20 : lead)
    }

    /// The first byte of each negator, for `mayOpenWithNegator`.
    private static let negatorLeads = Set(negators.compactMap(\.utf8.first))

    /// Whether the folded bytes of a term open with an ability negator and a space ("can't recommend"). Compared on
    /// the bytes, so the scorer can ask for every negative term without building its text.
    public static func opensWithNegator(_ folded: ArraySlice<UInt8>) -> Bool {
        negatorBytes.contains { negator in
            folded.count > negator.count && folded.starts(with: negator)
                && folded[folded.startIndex + negator.count] == 0x20
        }
    }

    /// The closing word ("more", "enough") when the words after `match` to the end of `unit` are at most `reachWords`
    /// and the last of them is a closer; nil otherwise.
    ///
    /// Not every clause-final "more" or "enough" closes such praise:
    /// - "any more" and "no more" say "no longer" ("I can't recommend this place any more" is a recommendation
    ///   withdrawn), so "more" after "any" or "no" is no closer, and "anymore" never is one.
    /// - "X enough" right after a word that is not the ability's own verb says "not X enough": in "we couldn't keep
    ///   the room warm enough" or "I can't say the staff were friendly enough" the term is an adjective further on.
    ///   A term that is the negated verb itself ("can't thank you enough", "couldn't apologise enough", the idiom
    ///   "can't recommend") takes the closer directly; any other needs a word between ("the nurses", "them").
    public static func closer(after match: TermMatch, in unit: ScoringUnit, segmented: SegmentedText) -> String? {
        var words = 0
        var last: Range<Int>?
        var beforeLast: Range<Int>?
        for token in segmented.tokens[unit.tokens] where Int(token.start) >= Int(match.end) {
            switch token.kind {
            case .word, .number, .ideographic:
                words += 1
                if words > reachWords { return nil }
                beforeLast = last
                last = token.byteRange
            default:
                continue
            }
        }
        guard let last else { return nil }
        // Compared on the folded bytes (lower-cased in place): a String is built only for a closer, and the scorer
        // asks for every negated praise word.
        let word = segmented.folded[last]
        guard let closer = closerBytes.first(where: { $0.elementsEqual(word) }) else { return nil }
        if closer.elementsEqual("more".utf8), let beforeLast,
           noLongerBytes.contains(where: { $0.elementsEqual(segmented.folded[beforeLast]) }) {
            return nil
        }
        if words == 1, !isNegatedVerb(match, in: unit, segmented: segmented) { return nil }
        return String(decoding: closer, as: UTF8.self)
    }

    /// Whether the term is the verb an ability negator negates: it opens with the negator ("can't recommend") or
    /// follows it directly ("couldn't | apologise", "could not | thank you").
    static func isNegatedVerb(_ match: TermMatch, in unit: ScoringUnit, segmented: SegmentedText) -> Bool {
        if opensWithNegator(segmented.folded[Int(match.start)..<Int(match.end)]) { return true }
        var previous: [String] = []
        for token in segmented.tokens[unit.tokens].reversed() where Int(token.end) <= Int(match.start) {
            guard token.kind == .word else {
                if token.kind == .whitespace { continue }
                break
            }
            // The curly apostrophe as the straight one the negators are written with.
            let word = String(decoding: segmented.folded[token.byteRange], as: UTF8.self)
            previous.append(String(word.map { $0 == "\u{2019}" ? "'" : $0 }))
            if previous.count == 2 { break }
        }
        guard let first = previous.first else { return false }
        if negators.contains(first) { return true }
        return first == "not" && previous.count == 2 && (previous[1] == "can" || previous[1] == "could")
    }

    private static let closerBytes: [[UInt8]] = closers.map { Array($0.utf8) }
    private static let negatorBytes: [[UInt8]] = negators.map { Array($0.utf8) }
    /// The words that make a final "more" mean "no longer" ("any more", "no more").
    private static let noLongerBytes: [[UInt8]] = [Array("any".utf8), Array("no".utf8)]
}
