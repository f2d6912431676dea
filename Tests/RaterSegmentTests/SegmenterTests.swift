import Testing

@testable import RaterSegment

@Suite struct SegmenterTests {
    private func segment(_ text: String) throws -> SegmentedText {
        try Segmenter().segment(text)
    }

    /// (text, kind) of every token.
    private func tokens(_ text: String) throws -> [(String, Token.Kind)] {
        let segmented = try segment(text)
        return segmented.tokens.map { (segmented.text(of: $0), $0.kind) }
    }

    private func clauseTexts(_ text: String) throws -> [String] {
        let segmented = try segment(text)
        return segmented.clauses.map { segmented.text(of: $0) }
    }

    /// Tokens cover the text from byte 0 to the end with no gap, overlap or empty token.
    private func expectContiguous(_ segmented: SegmentedText, sourceLocation: SourceLocation = #_sourceLocation) {
        var expectedStart: Int32 = 0
        for token in segmented.tokens {
            #expect(token.start == expectedStart, sourceLocation: sourceLocation)
            #expect(token.end > token.start, sourceLocation: sourceLocation)
            expectedStart = token.end
        }
        #expect(Int(expectedStart) == segmented.original.count, sourceLocation: sourceLocation)
    }

    // MARK: - Token kinds

    @Test func englishWordsWhitespaceNumbersAndPunctuation() throws {
        let result = try tokens("Hello, world. It's 3.5 stars!")
        #expect(result.map(\.0) == ["Hello", ",", " ", "world", ".", " ", "It's", " ", "3.5", " ", "stars", "!"])
        #expect(result.map(\.1) == [.word, .punctuation, .whitespace, .word, .punctuation, .whitespace, .word,
                                    .whitespace, .number, .whitespace, .word, .punctuation])
    }

    @Test func chineseIsIdeographicAndFullWidthMarksArePunctuation() throws {
        let result = try tokens("环境不错，但是服务员态度很差。")
        #expect(result.map(\.0).joined() == "环境不错，但是服务员态度很差。")
        let kinds = Dictionary(result.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        #expect(kinds["环境"] == .ideographic)
        #expect(kinds["，"] == .punctuation)
        #expect(kinds["。"] == .punctuation)
        for (text, kind) in result where text != "，" && text != "。" {
            #expect(kind == .ideographic, "\(text) should be ideographic")
        }
    }

    @Test func kanaIsIdeographic() throws {
        let result = try tokens("テキスト")
        #expect(!result.isEmpty)
        #expect(result.allSatisfy { $0.1 == .ideographic })
    }

    @Test func numbersAreNumbers() throws {
        let result = try tokens("100元 42")
        #expect(result.first?.0 == "100")
        #expect(result.first?.1 == .number)
        #expect(result.last?.0 == "42")
        #expect(result.last?.1 == .number)
    }

    @Test func lineFeedIsALineBreakAndSpacesAndTabsAreWhitespace() throws {
        let result = try tokens("a\nb\tc d")
        #expect(result.map(\.0) == ["a", "\n", "b", "\t", "c", " ", "d"])
        #expect(result.map(\.1) == [.word, .lineBreak, .word, .whitespace, .word, .whitespace, .word])
    }

    @Test func emojiAreSingleSymbolTokens() throws {
        let thumbs = "👍🏽"  // thumbs up + skin tone modifier: two code points
        let family = "👨\u{200D}👩\u{200D}👧"  // ZWJ sequence: five code points
        #expect(thumbs.unicodeScalars.count == 2)
        #expect(family.unicodeScalars.count == 5)
        let result = try tokens("\(thumbs) nice \(family)")
        #expect(result.map(\.0) == [thumbs, " ", "nice", " ", family])
        #expect(result.map(\.1) == [.symbol, .whitespace, .word, .whitespace, .symbol])
    }

    @Test func emojiNextToChineseStaysOneSymbol() throws {
        let result = try tokens("好吃😋😋")
        let symbols = result.filter { $0.1 == .symbol }.map(\.0)
        #expect(symbols.joined() == "😋😋")
        #expect(symbols.allSatisfy { $0.unicodeScalars.count == 1 })
    }

    @Test func nonASCIIPunctuationIsPunctuationButCurrencyIsSymbol() throws {
        let result = try tokens("¿Qué? «ok» …")
        let kinds = Dictionary(result.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        #expect(kinds["¿"] == .punctuation)
        #expect(kinds["«"] == .punctuation)
        #expect(kinds["»"] == .punctuation)
        #expect(kinds["…"] == .punctuation)
        #expect(kinds["Qué"] == .word)
        #expect(try tokens("€").map(\.1) == [.symbol])
    }

    // MARK: - Offsets and folding

    @Test(arguments: [
        "Hello, world. It's 3.5 stars!",
        "环境不错，但是服务员态度很差",
        "👍🏽 nice 👨\u{200D}👩\u{200D}👧!!",
        "mixed 中英文 text，WiFi很慢…\nsecond line？",
        "  leading and trailing  ",
        "，。！",
    ])
    func tokensCoverTheTextContiguously(text: String) throws {
        let segmented = try segment(text)
        #expect(segmented.original == Array(text.utf8))
        expectContiguous(segmented)
        #expect(segmented.tokens.map { segmented.text(of: $0) }.joined() == text)
    }

    /// Capitals beyond ASCII are lower-cased too (ÉCOLE matches `école`), at the same offsets.
    @Test func foldedIsLowercasedWithTheSameOffsets() throws {
        let text = "GREAT Service, ÉCOLE 很好 ABCxyz"
        let segmented = try segment(text)
        #expect(segmented.folded.count == segmented.original.count)
        #expect(String(decoding: segmented.folded, as: UTF8.self) == "great service, école 很好 abcxyz")
        // Every token's folded bytes are the lower-cased original bytes at the same offsets.
        for token in segmented.tokens {
            let original = String(decoding: segmented.original[token.byteRange], as: UTF8.self)
            let folded = String(decoding: segmented.folded[token.byteRange], as: UTF8.self)
            #expect(folded == original.lowercased())
        }
    }

    /// Folding works eight bytes at a time: every ASCII character at every position of a chunk, beside non-ASCII
    /// text, folds as it does alone.
    @Test func foldingEveryASCIICharacterAtEveryPosition() throws {
        let ascii = (0x20..<0x7F).map { Character(Unicode.Scalar(UInt8($0))) }
        for shift in 0..<8 {
            let text = String(repeating: "x", count: shift) + "é" + String(ascii) + "ÀZ好Q"
            let segmented = try segment(text)
            // À (C3 80) folds to à (C3 A0) as well.
            let expected = Array(text.lowercased().utf8)
            #expect(segmented.folded == expected, "shift \(shift)")
        }
    }

    @Test func foldingLeavesNonLettersAlone() throws {
        let text = "@[\\]^_`{|}~ 0-9"
        let segmented = try segment(text)
        #expect(segmented.folded == segmented.original)
    }

    @Test func emptyTextHasNothing() throws {
        let segmented = try segment("")
        #expect(segmented.original.isEmpty)
        #expect(segmented.folded.isEmpty)
        #expect(segmented.tokens.isEmpty)
        #expect(segmented.clauses.isEmpty)
        #expect(segmented.sentenceCount == 0)
    }

    @Test func onlyPunctuationHasTokensButNoClauses() throws {
        for text in ["，。！", "!!!", "?", " . , ; "] {
            let segmented = try segment(text)
            #expect(!segmented.tokens.isEmpty)
            #expect(segmented.tokens.allSatisfy { $0.kind == .punctuation || $0.kind == .whitespace })
            #expect(segmented.clauses.isEmpty, "\(text)")
            #expect(segmented.sentenceCount == 0)
        }
    }

    @Test func onlyWhitespaceHasNoClauses() throws {
        let segmented = try segment("   \t ")
        #expect(segmented.clauses.isEmpty)
        #expect(segmented.sentenceCount == 0)
    }

    // MARK: - Clauses and sentences

    @Test func chineseCommaSplitsClausesInOneSentence() throws {
        let segmented = try segment("环境不错，但是服务员态度很差")
        #expect(segmented.clauses.map { segmented.text(of: $0) } == ["环境不错", "但是服务员态度很差"])
        #expect(segmented.clauses.map(\.sentence) == [0, 0])
        #expect(segmented.clauses.allSatisfy { !$0.terminator.endsSentence })
        #expect(segmented.sentenceCount == 1)
    }

    @Test(arguments: [
        ("，", false), (",", false), ("；", false), (";", false), (":", false), ("：", false),
        ("。", true), (".", true), ("!", true), ("！", true), ("?", true), ("？", true), ("\n", true), ("…", true),
    ])
    func everyMarkSplitsAClause(mark: String, endsSentence: Bool) throws {
        // Spaces keep ICU from gluing ASCII marks to their neighbours.
        let text = "好 " + mark + " 差"
        let segmented = try segment(text)
        #expect(segmented.clauses.map { segmented.text(of: $0) } == ["好", "差"], "\(text.debugDescription)")
        #expect(segmented.clauses.first?.terminator.endsSentence == endsSentence)
        #expect(segmented.clauses.map(\.sentence) == (endsSentence ? [0, 1] : [0, 0]))
        #expect(segmented.sentenceCount == (endsSentence ? 2 : 1))
    }

    @Test func nonSplittingPunctuationStaysInsideTheClause() throws {
        let segmented = try segment("好 - 差 (ok) « 行 »")
        #expect(segmented.clauses.count == 1)
        #expect(segmented.clauses.first?.terminator == Clause.Terminator())
    }

    @Test func clauseTokensExcludeTheClosingPunctuation() throws {
        let segmented = try segment("太慢了！好")
        let first = try #require(segmented.clauses.first)
        #expect(first.tokens.allSatisfy { segmented.tokens[$0].kind != .punctuation })
        let bang = try #require(segmented.tokens.firstIndex { segmented.text(of: $0) == "！" })
        #expect(first.tokens.upperBound == bang)
        #expect(segmented.clauses[1].tokens.lowerBound == bang + 1)
    }

    @Test func sentencesAreNumberedInOrder() throws {
        let segmented = try segment("Hello, world. It's fine! Really? Yes")
        #expect(segmented.clauses.map { segmented.text(of: $0) } == ["Hello", "world", "It's fine", "Really", "Yes"])
        #expect(segmented.clauses.map(\.sentence) == [0, 0, 1, 2, 3])
        #expect(segmented.sentenceCount == 4)
    }

    @Test func chineseSentencesAreNumbered() throws {
        let segmented = try segment("房间很干净。服务员很热情，早餐一般！还会再来吗？")
        #expect(segmented.clauses.map { segmented.text(of: $0) } == ["房间很干净", "服务员很热情", "早餐一般", "还会再来吗"])
        #expect(segmented.clauses.map(\.sentence) == [0, 1, 1, 2])
        #expect(segmented.sentenceCount == 3)
    }

    @Test func lineBreaksEndSentences() throws {
        let segmented = try segment("first line\nsecond line\n\nthird")
        #expect(segmented.clauses.map { segmented.text(of: $0) } == ["first line", "second line", "third"])
        #expect(segmented.clauses.map(\.sentence) == [0, 1, 2])
    }

    @Test
    func crlfLineBreaksEndSentences() throws {
        let segmented = try segment("first\r\nsecond")
        #expect(segmented.clauses.map { segmented.text(of: $0) } == ["first", "second"])
        #expect(segmented.tokens.contains { $0.kind == .lineBreak })
    }

    @Test func repeatedExclamationMarksAreCounted() throws {
        let segmented = try segment("太慢了！！！")
        #expect(segmented.clauses.count == 1)
        let clause = try #require(segmented.clauses.first)
        #expect(segmented.text(of: clause) == "太慢了")
        #expect(clause.terminator == Clause.Terminator(questionMarks: 0, exclamationMarks: 3, endsSentence: true))
    }

    @Test func questionMarkIsCounted() throws {
        let segmented = try segment("真的吗？")
        let clause = try #require(segmented.clauses.first)
        #expect(segmented.clauses.count == 1)
        #expect(segmented.text(of: clause) == "真的吗")
        #expect(clause.terminator == Clause.Terminator(questionMarks: 1, exclamationMarks: 0, endsSentence: true))
    }

    @Test func mixedMarksAndSpacesCloseOneClause() throws {
        let segmented = try segment("Wait?! ?? ok!!")
        #expect(segmented.clauses.map { segmented.text(of: $0) } == ["Wait", "ok"])
        #expect(segmented.clauses[0].terminator == Clause.Terminator(questionMarks: 3, exclamationMarks: 1,
                                                                      endsSentence: true))
        #expect(segmented.clauses[1].terminator == Clause.Terminator(questionMarks: 0, exclamationMarks: 2,
                                                                      endsSentence: true))
        #expect(segmented.clauses.map(\.sentence) == [0, 1])
    }

    @Test func commaDoesNotCountAsQuestionOrExclamation() throws {
        let segmented = try segment("好，好；好")
        #expect(segmented.clauses.count == 3)
        for clause in segmented.clauses {
            #expect(clause.terminator.questionMarks == 0)
            #expect(clause.terminator.exclamationMarks == 0)
            #expect(!clause.terminator.endsSentence)
        }
    }

    @Test func unterminatedLastClauseDoesNotEndASentence() throws {
        let segmented = try segment("很好。还行")
        #expect(segmented.clauses.map(\.terminator.endsSentence) == [true, false])
        #expect(segmented.sentenceCount == 2)
    }

    @Test func leadingPunctuationDoesNotMakeAnEmptyClauseOrSentence() throws {
        let segmented = try segment("！！，好")
        #expect(segmented.clauses.map { segmented.text(of: $0) } == ["好"])
        #expect(segmented.clauses.first?.sentence == 0)
        #expect(segmented.clauses.first?.terminator == Clause.Terminator())
    }

    @Test func decimalPointIsNotASentenceEnd() throws {
        let segmented = try segment("rated 3.5 stars")
        #expect(segmented.clauses.count == 1)
        #expect(segmented.sentenceCount == 1)
    }

    @Test func clausesAreOrderedAndDisjoint() throws {
        let segmented = try segment("一，二。三！四？五；六\n七")
        #expect(segmented.clauses.count == 7)
        for (earlier, later) in zip(segmented.clauses, segmented.clauses.dropFirst()) {
            #expect(earlier.tokens.upperBound <= later.tokens.lowerBound)
            #expect(earlier.sentence <= later.sentence)
        }
        #expect(segmented.clauses.map { segmented.text(of: $0) } == ["一", "二", "三", "四", "五", "六", "七"])
    }

    // MARK: - text(of:)

    @Test func textOfClauseTrimsSpacesButKeepsInnerOnes() throws {
        let segmented = try segment("  took   forever ,  ok ")
        #expect(segmented.clauses.map { segmented.text(of: $0) } == ["took   forever", "ok"])
    }

    @Test func textOfEmptyClauseIsEmpty() throws {
        let segmented = try segment("好")
        #expect(segmented.text(of: Clause(tokens: 0..<0, sentence: 0, terminator: .init())) == "")
    }

    @Test func textOfRangeAndTokenQuoteTheOriginalCase() throws {
        let segmented = try segment("WiFi很慢")
        let first = try #require(segmented.tokens.first)
        #expect(segmented.text(of: first) == "WiFi")
        #expect(segmented.text(0..<4) == "WiFi")
        #expect(segmented.text(4..<segmented.original.count) == "很慢")
    }

    @Test func oneSegmenterCanBeReused() throws {
        let segmenter = try Segmenter()
        let first = try segmenter.segment("很好，谢谢")
        let second = try segmenter.segment("bad")
        let again = try segmenter.segment("很好，谢谢")
        #expect(first.tokens == again.tokens)
        #expect(first.clauses == again.clauses)
        #expect(second.tokens == [Token(start: 0, end: 3, kind: .word)])
    }

    @Test func longTextCoversMoreThanOneBatchOfBoundaries() throws {
        // The ICU facade returns boundaries in batches of 256: make sure nothing is lost between batches.
        let text = String(repeating: "good, ", count: 200)
        let segmented = try segment(text)
        #expect(segmented.tokens.count == 600)
        expectContiguous(segmented)
        #expect(segmented.clauses.count == 200)
        #expect(segmented.clauses.allSatisfy { segmented.text(of: $0) == "good" })
    }

    // MARK: - UTF-8 offsets from ICU's UTF-16 boundaries

    /// ICU breaks a UTF-16 copy of the text; every boundary must come back as the UTF-8 offset of the same place,
    /// whatever mix of one- to four-byte scalars (surrogate pairs in UTF-16) comes before it.
    @Test func boundariesLandOnTheSameCharactersWhateverTheirUTF8Length() throws {
        let text = "naïve café 𠀀好吃 👍🏽 ñandú，中文 déjà-vu 😋😋 Ω"
        let segmented = try segment(text)
        expectContiguous(segmented)
        let words = segmented.tokens.filter { $0.kind == .word }.map { segmented.text(of: $0) }
        #expect(words == ["naïve", "café", "ñandú", "déjà", "vu", "Ω"])
        let symbols = segmented.tokens.filter { $0.kind == .symbol }.map { segmented.text(of: $0) }
        #expect(symbols == ["👍🏽", "😋", "😋"])
        let ideographic = segmented.tokens.filter { $0.kind == .ideographic }.map { segmented.text(of: $0) }
        #expect(ideographic.joined() == "𠀀好吃中文")
        for token in segmented.tokens {
            #expect(segmented.original[Int(token.start)] & 0xC0 != 0x80)  // starts a scalar
        }
    }

    /// Text whose only non-ASCII characters are two-byte letters (each one UTF-16 unit, two UTF-8 bytes).
    @Test func twoByteLettersComeOutWhole() throws {
        let segmented = try segment("naïve café, ñandú déjà-vu Ω")
        expectContiguous(segmented)
        let words = segmented.tokens.filter { $0.kind == .word }.map { segmented.text(of: $0) }
        #expect(words == ["naïve", "café", "ñandú", "déjà", "vu", "Ω"])
    }

    /// Boundaries are mapped walking forward from the previous one; the walk must carry over from one batch of
    /// 256 boundaries to the next, after four-byte scalars as well.
    @Test func nonASCIITextCoversMoreThanOneBatchOfBoundaries() throws {
        let text = String(repeating: "好吃😋，é ", count: 150)
        let segmented = try segment(text)
        expectContiguous(segmented)
        #expect(segmented.tokens.count > 256)
        #expect(segmented.tokens.filter { $0.kind == .symbol }.map { segmented.text(of: $0) }
            == Array(repeating: "😋", count: 150))
        #expect(segmented.tokens.filter { $0.kind == .word }.map { segmented.text(of: $0) }
            == Array(repeating: "é", count: 150))
        #expect(segmented.tokens.map { segmented.text(of: $0) }.joined() == text)
    }
}
