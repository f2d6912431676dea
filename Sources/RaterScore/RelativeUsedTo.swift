import RaterLexicon
import RaterSegment

/// Tells the past habit "used to" (`IrrealisRole.bygone`: "we used to come here", "this place used to be great")
/// from the verb "use" in a relative clause without "that": "the app we used to book the room", "the card I used to
/// pay" (used in order to book, to pay). The habit would damp the clause and turn its praise into a complaint; the
/// relative clause says nothing about the past.
///
/// The habit is a predicate after its subject, at the head of a clause or after a conjunction or adverb ("this place
/// used to", "when I used to", "than it used to", "we always used to"). The relative clause puts a pronoun subject
/// between a noun phrase and "used to": a subject pronoun right before the marker, a content word right before the
/// pronoun, and a determiner one or two words before that ("the app we", "my old card I"), all in the marker's clause.
/// "it" is no such pronoun ("the price it used to be" is a habit), and "used to be" is always the habit ("the spot
/// we used to be regulars at"): nothing is used in order to be. A determiner right before the pronoun ("that we used
/// to love", "told her we used to") is no noun phrase, so the habit stays.
///
/// Being accustomed and the passive ("was used to the noise", "is used to clean") are no habit either: 0-valence
/// idioms hide the marker by longest match (`Lexicons/en/idioms.tsv`).
///
/// Counted on the English development sets (UCI sentences, SemEval-2014 restaurants, MAMS): 22 habits, 6 accustomed
/// (all behind the idioms), no "used to" in order to; none of the 22 habits has this shape. The shape still takes a
/// habit in a relative clause without "that" for the verb: "the restaurant we used to love" loses the marker and
/// reads as said now.
///
/// A time noun right before the pronoun ("back in the day we used to", "in those years we used to", "in the past they
/// used to") heads a time phrase, not a noun phrase the pronoun's clause could qualify: the habit stays.
///
/// The pronouns, determiners and time nouns are closed-class grammar the rule is written for, not vocabulary an analyst tunes,
/// so they are listed here rather than in a lexicon file.
enum RelativeUsedTo {
    static let subjects: Set<ArraySlice<UInt8>> = words(["i", "we", "you", "they", "he", "she"])
    static let determiners: Set<ArraySlice<UInt8>> =
        words(["the", "a", "an", "this", "that", "these", "those", "my", "our", "your", "his", "her", "their"])

    /// Nouns that head a time phrase ("back in the day", "in the old days", "for years").
    static let timeNouns: Set<ArraySlice<UInt8>> = words([
        "day", "days", "time", "times", "year", "years", "past", "childhood", "youth", "decade", "decades", "era",
        "morning", "mornings", "evening", "evenings", "night", "nights", "week", "weeks", "weekend", "weekends",
        "month", "months", "summer", "summers", "winter", "winters", "holidays", "age", "ages", "90s", "80s", "70s",
        "twenties", "thirties", "then",
    ])

    private static func words(_ list: [String]) -> Set<ArraySlice<UInt8>> { Set(list.map { ArraySlice($0.utf8) }) }

    /// Drops the `bygone` matches that stand in a relative clause, so the clause factors and the signal moods see the
    /// same matches. Checked before removing: almost no comment holds one, and removing copies the caller's array.
    static func dropRelative(from matches: inout [TermMatch], in text: SegmentedText, entries: [LexiconEntry]) {
        func isRelativeMarker(_ match: TermMatch) -> Bool {
            entries[Int(match.entry)].irrealis == .bygone && isRelative(match, in: text)
        }
        guard matches.contains(where: isRelativeMarker) else { return }
        matches.removeAll(where: isRelativeMarker)
    }

    /// Whether the marker at `match` follows "determiner (word) word pronoun" in its clause and no "be" follows it.
    static func isRelative(_ match: TermMatch, in text: SegmentedText) -> Bool {
        if nextWord(after: match, in: text).map({ $0.elementsEqual("be".utf8) }) == true { return false }
        let before = previousWords(before: Int(match.token), count: 4, in: text)
        guard before.count >= 3, subjects.contains(before[0]),
              !subjects.contains(before[1]), !determiners.contains(before[1]),
              !timeNouns.contains(before[1]) else { return false }
        return determiners.contains(before[2]) || before.count == 4 && determiners.contains(before[3])
    }

    /// Up to `count` words right before `token`, nearest first, stopping at anything but a word or a space
    /// (punctuation, a number, a line break): the words of the marker's clause.
    private static func previousWords(before token: Int, count: Int, in text: SegmentedText) -> [ArraySlice<UInt8>] {
        var words = [ArraySlice<UInt8>]()
        var index = token - 1
        while index >= 0, words.count < count {
            let candidate = text.tokens[index]
            switch candidate.kind {
            case .whitespace: break
            case .word: words.append(text.folded[candidate.byteRange])
            default: return words
            }
            index -= 1
        }
        return words
    }

    /// The word right after the match, if a word (after spaces) follows it.
    private static func nextWord(after match: TermMatch, in text: SegmentedText) -> ArraySlice<UInt8>? {
        var index = Int(match.token)
        while index < text.tokens.count, Int(text.tokens[index].start) < Int(match.end) { index += 1 }
        while index < text.tokens.count, text.tokens[index].kind == .whitespace { index += 1 }
        guard index < text.tokens.count, text.tokens[index].kind == .word else { return nil }
        return text.folded[text.tokens[index].byteRange]
    }
}
