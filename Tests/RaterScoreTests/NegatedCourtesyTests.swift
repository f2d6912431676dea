import Rater
import Testing

/// A courtesy of service a customer expects (greeting, knocking, checking on a table; 招呼, 搭理, 接待), named under a
/// negator, was not done: a complaint, as an unfixed fault is (`LexiconEntry.negatedAct`). Alone the word says
/// nothing. Sentences written for these tests, from several industries.
@Suite struct NegatedCourtesyTests {
    @Test(arguments: ["Nobody greeted us when we walked into the showroom.", "The courier didn't knock, he just left a card.",
                      "进了营业厅半天没人招呼",
                      "护士站的人根本不搭理病人", "到了前台也没有人接待我们"])
    func aCourtesyNotDoneIsAComplaint(_ text: String) throws {
        let sentiment = try analyse(text).scored.sentiment
        #expect(sentiment.label == .negative, "\(text): \(sentiment.score)")
        #expect(try rules(text).contains("negated_act"), "\(text)")
    }

    /// "never checked on" is read by a longer phrase of its own; the comment is a complaint all the same.
    @Test func aTableNeverCheckedOnIsAComplaint() throws {
        #expect(try label("Our waiter never checked on us after the mains arrived.") == .negative)
    }

    /// Done, the courtesy is no complaint.
    @Test(arguments: ["The receptionist greeted us by name.", "店员主动跟我们打招呼，很热情"])
    func aCourtesyDoneIsNoComplaint(_ text: String) throws {
        #expect(try label(text) != .negative, "\(text)")
    }
}
