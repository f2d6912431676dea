import Rater
import Testing

/// A weak learned term under a negator counts nothing (`ScoringRules.negatedWeakLearned`): a learned weight says how
/// often a word turns up in complaints, not an opinion a negator could turn into praise. Hand-written terms keep the
/// flip ("not bad" is mild praise). Sentences written for these tests, several industries.
@Suite struct NegatedLeanTests {
    @Test(arguments: ["The pool was closed for maintenance and nobody told us at check-in.",
                      "The gate changed and no one told the passengers.",
                      "Our table was given away and nobody told us.",
                      "No one ever calls back."])
    func negatedLeanIsNoPraise(_ text: String) throws {
        #expect(try label(text) != .positive, "\(text)")
        #expect(try rules(text).contains("negated_lean"), "\(text)")
    }

    @Test(arguments: ["The room was not bad at all.", "The nurse was not rude, just busy."])
    func negatedHandWrittenNegativeStaysMildPraise(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
        #expect(try !rules(text).contains("negated_lean"), "\(text)")
    }
}
