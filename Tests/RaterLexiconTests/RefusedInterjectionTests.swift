import RaterSegment
import Testing

@testable import RaterLexicon

/// An interjection (kind `interjection`) that does not close its clause is refused by the scan itself, which then
/// takes the longest shorter term at its start or goes on at the next character: the term the interjection hid is
/// found (我去了 holds 去了 once 我去 is refused). The scanner's one-walk table and the matcher's own walks agree.
/// Sentences written for these tests.
@Suite struct RefusedInterjectionTests {
    private static func entries() -> [String: LexiconEntry] {
        var slang = LexiconEntry(valence: -1)
        slang.isInterjection = true
        // No valence of its own: a refused interjection hides nothing whatever its other roles.
        var exclamation = LexiconEntry()
        exclamation.isInterjection = true
        return ["我去": slang, "我的天": exclamation, "oh boy": exclamation, "去了": LexiconEntry(valence: -0.5),
                "去维修": LexiconEntry(valence: -1), "我的": LexiconEntry(valence: 0.1), "天空": LexiconEntry(valence: 1),
                "oh": LexiconEntry(valence: 1), "boy": LexiconEntry(valence: 1), "没货": LexiconEntry(valence: -2)]
    }

    private func terms(_ text: String) throws -> [String] {
        let matcher = TermMatcher(entries: Self.entries())
        let segmented = try Segmenter().segment(text)
        let alone = matcher.matches(in: segmented)
        let scanner = LexiconScanner(scoring: matcher, cues: CueTerms(layers: []), modifierCharacters: [])
        #expect(scanner.scan(segmented).scoring == alone, "\(text): the scanner and the matcher disagree")
        return alone.map { matcher.terms[Int($0.entry)] }
    }

    @Test func theTermAnInterjectionHidGoesOnAtTheNextCharacter() throws {
        #expect(try terms("他说我去了三次都没货") == ["去了", "没货"])
        #expect(try terms("我去维修点两次") == ["去维修"])
    }

    @Test func aShorterTermAtTheSameStartStandsIn() throws {
        #expect(try terms("我的天空很蓝") == ["我的", "天空"])
        // English terms start at a token start: "oh" is the shorter term at the refused "oh boy".
        #expect(try terms("oh boy scouts were late") == ["oh", "boy"])
    }

    @Test func anInterjectionClosingItsClauseIsKept() throws {
        #expect(try terms("我去！又没货") == ["我去", "没货"])
        #expect(try terms("我的天，天空都黑了") == ["我的天", "天空"])
        #expect(try terms("oh boy, late again") == ["oh boy"])
    }
}
