import Rater
import Testing

/// Chinese slang borrows English words (好low, "tacky"); a Latin word alone in a zh lexicon file scores English
/// comments too, so such slang is listed with the Chinese word it comes with. Sentences written for these tests.
@Suite struct CrossLanguageSlangTests {
    @Test(arguments: ["the price was low", "Prices are low and the staff are friendly", "low noise, good sleep"])
    func anEnglishLowIsNoComplaint(_ text: String) throws {
        #expect(try label(text) != .negative, "\(text)")
    }

    @Test(arguments: ["感觉好low啊", "设计有点low", "装修太low了"])
    func chineseLowSlangIsStillAComplaint(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
    }
}
