import RaterTestSupport
import Testing

@testable import RaterDimensions

/// `GapReach` counts words and characters on bytes; the signal rules were written against `String`'s count, and the
/// two must give the same answer for every gap, whatever its text.
@Suite struct GapReachTests {
    private func agree(_ text: String, words: Int, characters: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(text.utf8)
        let byBytes = GapReach.isWithin(0..<bytes.count, of: bytes, words: words, characters: characters)
        let byCharacters = GapReach.isWithinByCharacters(text, words: words, characters: characters)
        #expect(byBytes == byCharacters, "\(text.debugDescription), words \(words), characters \(characters)",
                sourceLocation: sourceLocation)
    }

    @Test func countsSpaceSeparatedWordsInASCII() {
        let bytes = Array(" to give  us a ".utf8)
        #expect(GapReach.isWithin(0..<bytes.count, of: bytes, words: 4, characters: 0))
        #expect(!GapReach.isWithin(0..<bytes.count, of: bytes, words: 3, characters: 99))
        // A tab is not a word separator in the rule (only the space is).
        let tabbed = Array("to\tgive".utf8)
        #expect(GapReach.isWithin(0..<tabbed.count, of: tabbed, words: 1, characters: 0))
    }

    @Test func countsCharactersOtherThanWhitespaceInChinese() {
        let bytes = Array("到现在　还 没".utf8)  // an ideographic space and a space between
        #expect(GapReach.isWithin(0..<bytes.count, of: bytes, words: 0, characters: 5))
        #expect(!GapReach.isWithin(0..<bytes.count, of: bytes, words: 99, characters: 4))
    }

    @Test func agreesWithTheStringRuleOnCharactersBytesCannotCount() {
        for text in ["快\u{0301}快", "a\r\nb", "好👍🏻", "👨‍👩‍👧好", "é", "退款\u{2028}到账", "ab\u{00A0}cd", "", " ", "　",
                     "还没\u{FE0F}到", "ﾃｽﾄ", "한국어", "a b c d e", "a  b", "中 文 字 符"] {
            for limit in 0...6 { agree(text, words: limit, characters: limit) }
        }
    }

    @Test func agreesWithTheStringRuleOnRandomGaps() {
        let pieces = ["a", "bc", " ", "  ", "\t", "\n", "\r\n", "到", "账", "　", "，", "！", "\u{0301}", "👍", "🏻",
                      "\u{200D}", "é", "ﾃ", "\u{00A0}", "\u{2028}", "x"]
        var random = SplitMix(seed: 7)
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int(random.next() % 9) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            let limit = Int(random.next() % 7)
            agree(text, words: limit, characters: limit)
        }
    }
}
