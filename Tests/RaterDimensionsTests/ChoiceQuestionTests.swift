import Testing

@testable import RaterDimensions

/// `CueFinder.isChoiceQuestion` compares the bytes of 不 and 没 and of the characters on either side: the same
/// character on both sides of 不 or 没 asks (点不点, 有没有, 会不会 matched as 不会), anything else does not.
/// Sentences written for these tests.
@Suite struct ChoiceQuestionTests {
    /// Whether the negator match starting `characterOffset` characters into `text` and running `length` bytes opens
    /// a choice question.
    private func asks(_ text: String, at characterOffset: Int, length: Int = 3) -> Bool {
        let folded = Array(text.utf8)
        let start = text.prefix(characterOffset).utf8.count
        return CueFinder.isChoiceQuestion(start..<(start + length), in: folded)
    }

    @Test func theSameCharacterOnBothSidesAsks() {
        #expect(asks("以后还点不点", at: 4))
        #expect(asks("有没有退款", at: 1))
        #expect(asks("会不会再来", at: 1, length: 6))
        #expect(asks("好不好吃", at: 1))
    }

    @Test func anythingElseDoesNot() {
        #expect(!asks("点不来", at: 1))
        #expect(!asks("不点", at: 0))
        #expect(!asks("点很点", at: 1))
        #expect(!asks("有设有", at: 1))
        #expect(!asks("a不a", at: 1))
        #expect(!asks("来不", at: 1))
        #expect(!asks("点不点", at: 1, length: 2))
    }
}
