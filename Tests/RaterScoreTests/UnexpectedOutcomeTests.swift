import Rater
import Testing

/// "didn't expect X" tells of X happening against expectation: the negator is about the expectation, so X keeps its
/// own sign (the `didn't expect` phrases of multiplier 1 in `en/degree.tsv`). Sentences written for these tests.
@Suite struct UnexpectedOutcomeTests {
    @Test(arguments: [
        ("I didn't expect such friendly staff", SentimentLabel.positive),
        ("We did not expect the room to be this clean", .positive),
        ("I didn't expect the staff to be so rude", .negative),
        ("Never expected the wait to be this long", .negative),
    ])
    func theOutcomeKeepsItsSign(_ text: String, _ expected: SentimentLabel) throws {
        #expect(try label(text) == expected, "\(text)")
        #expect(try !rules(text).contains("negated"), "\(text)")
    }
}
