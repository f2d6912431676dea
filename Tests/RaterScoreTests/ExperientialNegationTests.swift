import Rater
import Testing

/// "never … so X", 从没这么X: a negator of experience before an exclamative degree word compares with everything ever
/// met, so it intensifies X (`ExclamativeRole`, `Lexicons/*/exclamatives.tsv`). Sentences written for these tests.
@Suite struct ExperientialNegationTests {
    @Test(arguments: [
        ("Never had such a bad meal in my life.", SentimentLabel.negative),
        ("I have never been so disappointed.", .negative),
        ("We have never had such a good time", .positive),
        ("I have never been treated so well", .positive),
        ("I have never been more disappointed.", .negative),
        ("I have never felt more comfortable in a hotel", .positive),
        ("我从来没有这么失望过", .negative),
        ("从没吃过这么好吃的面", .positive),
        // The degree word inside a learned phrase (这么差, 这么好的, 这么贵) counts as one before it.
        ("从来没见过这么差的服务", .negative),
        ("从来没住过这么好的酒店", .positive),
        ("从没见过这么贵的停车场", .negative),
    ])
    func neverSoIsASuperlative(_ text: String, _ expected: SentimentLabel) throws {
        #expect(try label(text) == expected, "\(text)")
        #expect(try !rules(text).contains("negated"), "\(text)")
        #expect(try !rules(text).contains("soft_negated"), "\(text)")
    }

    @Test func otherNegatorsBeforeAnIntensifierStaySoft() throws {
        #expect(try label("This was not so great") == .negative)
        #expect(try rules("This was not so great").contains("soft_negated"))
        #expect(try label("房间不那么干净") == .negative)
    }

    @Test func neverWithoutAnIntensifierStillNegates() throws {
        #expect(try label("The staff were never helpful") == .negative)
        #expect(try rules("The staff were never helpful").contains("negated"))
    }
}
