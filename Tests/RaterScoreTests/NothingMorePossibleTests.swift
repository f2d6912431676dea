import Rater
import Testing

/// "could not have been more helpful", "couldn't be worse": nothing more was possible, a superlative, not a negation
/// (degree words and idioms in `Lexicons/en`). Read word by word, the negator turned the praise into a complaint and
/// the complaint into praise. Sentences written for these tests.
@Suite struct NothingMorePossibleTests {
    @Test(arguments: [
        ("The staff could not have been more helpful.", SentimentLabel.positive),
        ("They couldn't be more friendly.", .positive),
        ("It couldn't have been better.", .positive),
        ("The waiter couldn't have been more rude.", .negative),
        ("It couldn't be worse.", .negative),
        ("Service could not have been worse.", .negative),
    ])
    func nothingMoreWasPossible(_ text: String, _ expected: SentimentLabel) throws {
        #expect(try label(text) == expected, "\(text)")
        #expect(try !rules(text).contains("negated"), "\(text)")
        #expect(try !rules(text).contains("soft_negated"), "\(text)")
    }

    /// What was missing stays a complaint, and a plain negated comparison stays soft.
    @Test func moreThatWasPossibleStaysAComplaint() throws {
        #expect(try label("The staff could have been more helpful.") == .negative)
        #expect(try label("The staff were not more helpful than before.") == .negative)
    }
}
