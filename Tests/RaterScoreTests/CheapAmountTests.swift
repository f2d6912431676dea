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

    /// 块 is also a measure word: only where it closes its clause is it a currency (才两块肉 is two pieces of meat).
    @Test(arguments: ["红烧肉才两块肉，太少了", "一碗牛肉面才三块牛肉"])
    func aMeasureWordIsNoSum(_ text: String) throws {
        #expect(try !rules(text).contains("cheap_amount"), "\(text)")
    }

    @Test(arguments: ["一瓶矿泉水才两块，很实惠", "停车一小时才两块"])
    func aMeasureWordClosingItsClauseIsASum(_ text: String) throws {
        #expect(try rules(text).contains("cheap_amount"), "\(text)")
    }

    /// A sum before 的 qualifies a noun (how little of it), a Chinese cheap word must start a word (刚才 is "just
    /// now"), and a small refund or compensation is no bargain.
    @Test(arguments: ["一份盖饭里才五块钱的菜", "刚才五块钱买了一瓶水", "赔偿才五十元", "航班延误了，补偿才一百元",
                      "The refund was only 5 dollars.", "After a lost bag the compensation was just 20 dollars."])
    func aSumThatIsNoPriceIsNoPraise(_ text: String) throws {
        #expect(try !rules(text).contains("cheap_amount"), "\(text)")
        #expect(try label(text) != .positive, "\(text)")
    }

    /// A negator before the cheap word turns the reading; a space after a currency sign still leaves the sum read.
    @Test func aNegatedCheapSumIsNoPraise() throws {
        #expect(try score("停车费不是才五块钱") < 0)
        #expect(try rules("Parking was only $ 5 for the day.").contains("cheap_amount"))
    }
}
