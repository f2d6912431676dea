import Rater
import Testing

/// A negated ability before praise with "more" or "enough" closing the clause ("I couldn't recommend them more") is
/// praise that could go no further, and a loyal customer: not a negated recommendation. Sentences written for these
/// tests, from several industries.
@Suite struct UnsurpassedPraiseTests {
    @Test(arguments: ["I couldn't recommend them more.", "I can't recommend this dentist more!",
                      "We could not recommend the movers more", "I cannot recommend this garage highly enough"])
    func aRecommendationThatCouldGoNoFurtherIsLoyal(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
        let signals = try analyse(text).report.signals
        #expect(signals.contains { $0.value == .loyal }, "\(text): \(signals)")
        #expect(!signals.contains { $0.value == .atRisk }, "\(text): \(signals)")
    }

    @Test(arguments: ["We can't praise the nurses enough", "I couldn't praise the crew more"])
    func praiseThatCouldGoNoFurtherIsPraise(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
        #expect(try rules(text).contains("unsurpassed"), "\(text)")
    }

    /// Without the closing "more" or "enough", or with a negator that is no ability, the negation stands.
    @Test(arguments: ["I couldn't recommend them to anyone", "The room was not good enough",
                      "I can't recommend this hotel, the beds were awful"])
    func otherNegationsStand(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
        #expect(try !rules(text).contains("unsurpassed"), "\(text)")
    }
}

/// Money put back in the active voice ("they reversed the charge", "waived the fee") is praise and a recovery.
@Suite struct ActiveReversalTests {
    @Test(arguments: ["They reversed the charge after one phone call.", "The bank waived the late fee.",
                      "The card company reversed my duplicate payment within a day."])
    func moneyPutBackIsARecovery(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
        #expect(try analyse(text).report.signals.contains { $0.value == .recovered }, "\(text)")
    }
}
