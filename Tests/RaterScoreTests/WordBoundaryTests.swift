import Rater
import Testing

/// One-character negators, turn words and question words inside ordinary words (`CoverRole`, and the 0-valence
/// entries that shadow 如何 in 无论如何). Sentences written for these tests.
@Suite struct WordBoundaryTests {
    @Test(arguments: ["无线鼠标很灵敏", "前台不但耐心而且细致", "无论如何客房很整洁", "不得不说早餐很丰富"])
    func aRuleCharacterInsideAnOrdinaryWordIsNoRule(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
        #expect(try !rules(text).contains("negated"), "\(text)")
        #expect(try !rules(text).contains("double_negated"), "\(text)")
        #expect(try !rules(text).contains("irrealis"), "\(text)")
        #expect(try !rules(text).contains("after_contrast"), "\(text)")
    }

    @Test func aNegatorBeforeAnOpinionInOneWordStillNegates() throws {
        #expect(try label("价格不贵") == .positive)
        #expect(try label("味道不好") == .negative)
        #expect(try rules("菜不好吃").contains("negated"))
    }

    /// Learned one-character weights are statistics about a character: inside a longer ICU word they are no piece of
    /// it (银 + 行 read 银行, "bank", as praise). Beside a degree word they still count.
    @Test(arguments: ["我上午去银行", "银行", "附近有两家银行", "周末去办事"])
    func learnedCharactersDoNotMakeUpAnOrdinaryWord(_ text: String) throws {
        let terms = try analyse(text).scored.contributions.map(\.term)
        for character in ["银", "行", "办", "事"] { #expect(!terms.contains(character), "\(text): \(character)") }
    }

    @Test func aBankWithHighFeesIsAComplaint() throws {
        #expect(try label("这家银行手续费太高了") == .negative)
    }
}
