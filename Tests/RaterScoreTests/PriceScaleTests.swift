import Rater
import Testing

/// A scale word (高, 低, "high", "low") measures the price when a cost noun (价格, 房价, "price") comes before it in its
/// clause: a high price is a complaint, a low one praise. Alone, or after an opinion word has judged the price, it
/// says nothing of the price. Sentences written for these tests.
@Suite struct PriceScaleTests {
    @Test(arguments: ["房价太高了", "这家的收费很高", "门票有点高", "The price is too high", "The prices were way too high.",
                      "Room rates are steep for what you get"])
    func aHighPriceIsAComplaint(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
        #expect(try rules(text).contains("price_scale"), "\(text)")
    }

    @Test(arguments: ["价格很低", "这里的菜价低", "Prices here are low", "the fares were lower than elsewhere"])
    func aLowPriceIsPraise(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
    }

    /// A negated high price (价格不高, "the price isn't high") is mild praise through the negation.
    @Test(arguments: ["价格不高", "The price isn't high"])
    func aPriceNotHighIsNoComplaint(_ text: String) throws {
        #expect(try score(text) > 0, "\(text)")
    }

    /// Without a cost noun before it, or once an opinion word has judged the price, a scale word measures
    /// something else.
    @Test(arguments: ["The ceilings are high and the rooms bright", "价格实惠，质量也高", "Prices were fair and the standards high",
                      "价格便宜质量高"])
    func aScaleWordAboutSomethingElseIsNoPrice(_ text: String) throws {
        #expect(try !rules(text).contains("price_scale"), "\(text)")
        #expect(try label(text) != .negative, "\(text)")
    }

    /// A cost noun that is a usual complaint itself ("fees") is still measured by the scale word after it.
    @Test func aCostNounWithAValenceIsStillMeasured() throws {
        #expect(try rules("The fees were steep").contains("price_scale"))
    }

    /// The reading is an opinion, so a price said to be high is found as the price aspect's complaint.
    @Test func theAspectTakesTheReading() throws {
        let aspects = try analyse("The price is too high.").report.aspects
        #expect(aspects.first { $0.aspect == .price }?.label == .negative)
    }
}

/// The scale word says how the price was, so a cost noun's own leaning ("fees", a usual complaint) gives way to it;
/// and a scale word that qualifies the word after it ("high-end", "high speed") measures no price.
@Suite struct PriceScaleNounTests {
    @Test(arguments: ["The fees were low.", "The account fees are low and the app is simple", "Their charges were lower."])
    func aLowFeeIsPraise(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
        let fee = try analyse(text).scored.contributions.first { $0.rules.contains { $0.name == "measured" } }
        #expect(fee?.weight == 0, "\(text)")
    }

    @Test(arguments: ["The cost of a high-end room was fine.", "The price of the high speed broadband was fair",
                      "The fare for a low-cost airline was reasonable"])
    func aScaleWordQualifyingAnotherWordMeasuresNoPrice(_ text: String) throws {
        #expect(try !rules(text).contains("price_scale"), "\(text)")
        #expect(try label(text) == .positive, "\(text)")
    }
}
