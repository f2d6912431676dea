import Rater
import Testing

/// A question that denies what it asks (`IrrealisRole.rhetorical`: 难道…吗, 这也叫, 凭什么, "is this what you call",
/// "you call this") asserts the opposite of its words: praise inside it is a complaint, not the nothing a plain
/// question makes of it, and a complaint keeps its weight. Sentences written for these tests, from several industries.
@Suite struct RhetoricalQuestionTests {
    @Test(arguments: ["这也叫五星级酒店？", "难道这就是你们说的优质服务吗？", "这也算新鲜的海鲜？",
                      "Is this what you call good customer service?", "You call this a luxury spa?",
                      "Is this supposed to be a comfortable seat?", "难道这叫专业的维修吗"])
    func praiseInARhetoricalQuestionIsAComplaint(_ text: String) throws {
        let sentiment = try analyse(text).scored.sentiment
        #expect(sentiment.label == .negative, "\(text): \(sentiment.score)")
        #expect(try rules(text).contains("irrealis"), "\(text)")
    }

    /// A complaint inside keeps its full weight, more than a plain question leaves it.
    @Test(arguments: [("凭什么收这么贵的服务费？", "收这么贵的服务费？"),
                      ("How could they be so rude to an elderly patient?", "Were they rude to an elderly patient?")])
    func aComplaintKeepsItsWeight(_ pair: (String, String)) throws {
        #expect(try score(pair.0) < 0, "\(pair.0)")
        #expect(try score(pair.0) <= score(pair.1), "\(pair.0) against \(pair.1)")
    }

    /// A plain question is no denial: praise in it still reads nothing either way.
    @Test(arguments: ["酒店的早餐好吃吗？", "Is the breakfast good?"])
    func aPlainQuestionStaysNeutral(_ text: String) throws {
        let sentiment = try analyse(text).scored.sentiment
        #expect(sentiment.label == .neutral, "\(text): \(sentiment.score)")
    }
}
