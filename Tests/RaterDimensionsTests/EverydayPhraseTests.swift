import Rater
import Testing

/// Everyday phrases the lexicons lacked, each a variant of a family they hold ("exceeded all expectations",
/// 下次不来, "nobody has explained", "charged twice"), found in a user-side review where a careful reader disagreed with
/// the reading. Every comment here was written for this suite.
@Suite struct EverydayPhraseTests {
    private func label(_ text: String) throws -> SentimentLabel {
        try Analyzer(engine: dimensionEngine).analysis(of: text).scored.sentiment.label
    }

    @Test(arguments: [
        "The concierge exceeded every expectation we had",
        "Honestly the spa exceeded all my expectations",
        "The repair exceeded expectation in every way",
    ])
    func expectationsExceeded(_ text: String) throws {
        #expect(try signals(text).contains(.exceeded), "\(text)")
        #expect(try label(text) == .positive, "\(text)")
    }

    @Test func atEaseIsComfortAndIllAtEaseItsOpposite() throws {
        #expect(try label("The dentist put me at ease straight away") == .positive)
        #expect(try label("I felt ill at ease in that lobby") == .negative)
    }

    @Test func aDoubleChargeNobodyCouldExplainIsOpen() throws {
        let text = "They charged me twice for one night and no one could explain it"
        #expect(try signals(text).contains(.unresolved))
        #expect(try label(text) == .negative)
        #expect(try report(text).dimensions.contains { $0.dimension == .reliability })
    }

    /// 以后不来 says what 下次不来 says: the customer will not come (buy) again.
    @Test(arguments: ["快递丢了两次，以后不买了", "菜又咸又贵，以后都不来了", "前台太凶了，以后不会去了"])
    func notComingBackFromNowOnIsAtRisk(_ text: String) throws {
        #expect(try signals(text).contains(.atRisk), "\(text)")
        #expect(try label(text) == .negative, "\(text)")
    }

    /// "without any fuss" is "no fuss": praise, not a bare negation that reads a failure into the aspects near it.
    @Test func withoutAnyFussIsPraise() throws {
        let text = "They price-matched without any fuss and even carried the TV to my car"
        #expect(try label(text) == .positive)
        #expect(try aspects(text)[.price] == .positive)
    }
}
