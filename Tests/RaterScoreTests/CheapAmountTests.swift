import Rater
import Testing

/// An amount of money said to be small (kind `amount`: 才, 只要, "only", "just" right before a sum) is a low price,
/// mild praise, and the currency word's learned leaning (块钱) gives way. Sentences written for these tests, several
/// trades.
@Suite struct CheapAmountTests {
    @Test(arguments: ["洗车才二十块钱", "停车只要10元", "这么大一份才15块钱", "Parking was only $5 for the whole day.",
                      "A haircut here is just 12 dollars."])
    func smallSumIsCheap(_ text: String) throws {
        #expect(try rules(text).contains("cheap_amount"), "\(text)")
        #expect(try label(text) == .positive, "\(text)")
    }

    /// 停车才十块钱: the learned 十块钱 holds its number, and the currency word after the numerals is the unit. The
    /// scorer asks only the entries that can be an amount (`Scorer.mayBeAmount`), and a learned term opening with a
    /// numeral must stay one of them.
    @Test(arguments: ["停车才十块钱", "这么一大碗面才十块钱"])
    func learnedTermHoldingItsNumberIsAnAmount(_ text: String) throws {
        let contributions = try analyse(text).scored.contributions
        #expect(contributions.contains { $0.term == "十块钱" && $0.rules.map(\.name).contains("cheap_amount") },
                "\(text)")
    }

    @Test(arguments: ["我花了五百块钱修手机", "They only refunded 5 dollars of the 80 I paid.", "客服才退了五块钱"])
    func sumNotSaidToBeSmallIsNoPraise(_ text: String) throws {
        #expect(try !rules(text).contains("cheap_amount"), "\(text)")
    }
}
