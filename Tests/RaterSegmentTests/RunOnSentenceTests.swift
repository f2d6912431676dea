import Testing

@testable import RaterSegment

/// A full stop typed without the space after it still ends a sentence.
@Suite struct RunOnSentenceTests {
    private func clauseTexts(_ text: String) throws -> [String] {
        let segmented = try Segmenter().segment(text)
        return segmented.clauses.map { segmented.text(of: $0) }
    }

    @Test func aFullStopBeforeACapitalSplitsTheWord() throws {
        #expect(try clauseTexts("The food was great.The service was terrible")
            == ["The food was great", "The service was terrible"])
        #expect(try clauseTexts("Room was dirty.Staff were rude.") == ["Room was dirty", "Staff were rude"])
        #expect(try clauseTexts("It was great.I loved it") == ["It was great", "I loved it"])
        let segmented = try Segmenter().segment("dirty.Staff")
        #expect(segmented.tokens.map(\.kind) == [.word, .punctuation, .word])
        #expect(segmented.clauses.map(\.sentence) == [0, 1])
    }

    @Test func addressesAbbreviationsAndNumbersStayWhole() throws {
        for text in ["Write to Jane.Doe@example.com today", "See https://shop.Example.com/x now",
                     "Visit www.Booking.com soon", "Made in the U.S.A by hand", "Ask the Ph.D student",
                     "e.g.The", "It costs 3.50 dollars", "version v2.Final"] {
            // As many clauses as the same text with no capital, where no word is split.
            #expect(try clauseTexts(text).count == clauseTexts(text.lowercased()).count, "\(text)")
        }
    }
}
