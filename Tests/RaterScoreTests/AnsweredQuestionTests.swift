import Rater
import Testing

/// A question the writer answers in the next sentence states what it asks (`AnsweredQuestion`): negated after "no",
/// as said after "yes". A question nobody answers, or followed by more than an answer, stays a question (×0).
/// Sentences written for these tests, from several industries.
@Suite struct AnsweredQuestionTests {
    @Test(arguments: ["Would I stay at this hotel again? Absolutely not.",
                      "Would I recommend this bank to a friend? Never.",
                      "Was the repair worth the money? No.",
                      "Is the food good? Not really.",
                      "还会再来吗？不会。", "会推荐给朋友吗？绝对不会！"])
    func aQuestionAnsweredNoIsAComplaint(_ text: String) throws {
        let sentiment = try analyse(text).scored.sentiment
        #expect(sentiment.label == .negative, "\(text): \(sentiment.score)")
        #expect(try rules(text).contains("irrealis"), "\(text)")
    }

    @Test(arguments: ["Was the staff helpful? Definitely.", "Was the massage worth it? Absolutely!"])
    func aQuestionAnsweredYesIsPraise(_ text: String) throws {
        let sentiment = try analyse(text).scored.sentiment
        #expect(sentiment.label == .positive, "\(text): \(sentiment.score)")
    }

    /// Real questions, asking for help or followed by more than an answer, stay neutral.
    @Test(arguments: ["Is the breakfast good? We arrive on Friday.", "Is the pool heated? We are staying in March.",
                      "请问这家店的菜好吃吗？", "Is the gym clean?"])
    func anUnansweredQuestionStaysNeutral(_ text: String) throws {
        let sentiment = try analyse(text).scored.sentiment
        #expect(sentiment.label == .neutral, "\(text): \(sentiment.score)")
    }
}
