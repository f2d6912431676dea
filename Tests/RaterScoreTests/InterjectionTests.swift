import Rater
import Testing

/// An interjection that is an ordinary phrase elsewhere (我去, slang for "damn", literally "I go"; kind `interjection`)
/// counts only where it stands alone in its clause; at the start of an ordinary sentence (我去银行办事, "I went to the
/// bank") it is no term. Sentences written for these tests.
@Suite struct InterjectionTests {
    private func terms(_ text: String) throws -> [String] {
        try analyse(text).scored.contributions.map(\.term)
    }

    @Test(arguments: ["我去银行办事", "周末我去商场逛了逛", "明天我去取快递"])
    func anOrdinaryVerbPhraseIsNoSlang(_ text: String) throws {
        #expect(try !terms(text).contains("我去"), "\(text)")
    }

    @Test func anErrandIsNoComplaint() throws {
        #expect(try label("我去银行办事") != .negative)
    }

    @Test(arguments: ["我去！", "我去，这也太离谱了", "我去 又坏了", "我去😂"])
    func slangStandingAloneStillCounts(_ text: String) throws {
        #expect(try terms(text).contains("我去"), "\(text)")
    }
}
