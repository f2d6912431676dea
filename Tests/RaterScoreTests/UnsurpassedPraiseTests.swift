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

/// "any more" and "no more" at the clause's end say "no longer": a recommendation, a return or trust withdrawn, not
/// praise that could go no further ("anymore" is no closer either).
@Suite struct NoLongerIsNoCloserTests {
    @Test(arguments: ["I can't recommend this salon any more.", "We can't come back to this gym any more.",
                      "I can't recommend the clinic anymore.", "Honestly I couldn't recommend that plumber no more"])
    func aLapsedRecommendationIsAtRisk(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
        #expect(try !rules(text).contains("unsurpassed"), "\(text)")
        let signals = try analyse(text).report.signals
        #expect(signals.contains { $0.value == .atRisk }, "\(text): \(signals)")
        #expect(!signals.contains { $0.value == .loyal }, "\(text): \(signals)")
    }

    @Test(arguments: ["I can't trust this bank any more.", "We couldn't trust the airline any more"])
    func trustWithdrawnIsNegative(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
        #expect(try !rules(text).contains("unsurpassed"), "\(text)")
    }
}

/// "X enough" right after a word further on than the ability's own verb says "not X enough": no praise that could go
/// no further. The verb itself takes the closer directly ("can't thank you enough").
@Suite struct NotEnoughIsNoPraiseTests {
    @Test(arguments: ["We couldn't keep the room warm enough.", "The heater couldn't keep the office warm enough",
                      "They couldn't get the carpets clean enough", "We could not make the soup hot enough"])
    func anAdjectiveBeforeEnoughIsNotEnough(_ text: String) throws {
        #expect(try label(text) != .positive, "\(text)")
        #expect(try !rules(text).contains("unsurpassed"), "\(text)")
    }

    @Test(arguments: ["I can't thank you enough.", "We couldn't praise the removal team enough",
                      "I cannot praise this bakery enough"])
    func theVerbTakesTheCloserDirectly(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
        #expect(try rules(text).contains("unsurpassed"), "\(text)")
    }
}

/// A remedial act after a negated ability with a closer was done, and done well ("couldn't apologise enough"): the
/// scorer reads it as the dimension stage does, not as an act left undone.
@Suite struct UnsurpassedActTests {
    @Test(arguments: ["The manager couldn't apologise enough.", "The hotel staff could not apologize enough",
                      "The support team couldn't help us enough.", "The pharmacist couldn't help me more"])
    func anActThatCouldGoNoFurtherWasDone(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
        #expect(try !rules(text).contains("negated_act"), "\(text)")
        #expect(try !analyse(text).report.signals.contains { $0.value == .unresolved }, "\(text)")
    }

    @Test(arguments: ["The manager couldn't apologise enough.", "The airline could not apologize enough"])
    func anApologyThatCouldGoNoFurtherIsARecovery(_ text: String) throws {
        #expect(try analyse(text).report.signals.contains { $0.value == .recovered }, "\(text)")
    }

    /// Without the closer the act was not done.
    @Test(arguments: ["The manager couldn't apologise.", "The support team couldn't help us at all"])
    func withoutACloserTheActWasNotDone(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
    }
}

/// Money put back in the active voice ("they reversed the charge", "waived the fee") is praise and a recovery.
@Suite struct ActiveReversalTests {
    @Test(arguments: ["They reversed the charge after one phone call.", "The bank waived the late fee.",
                      "The card company reversed my duplicate payment within a day.",
                      "The gym waived the joining fee.", "They reversed all charges right away."])
    func moneyPutBackIsARecovery(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
        #expect(try analyse(text).report.signals.contains { $0.value == .recovered }, "\(text)")
    }

    /// Bare "reversed" and "waived" are no praise: a decision or a refund reversed, nothing waived.
    @Test(arguments: ["The airline reversed its decision and cancelled our seats.",
                      "The insurer waived nothing and billed us in full.",
                      "Then the shop reversed my refund without telling me."])
    func reversedOrWaivedAloneIsNoPraise(_ text: String) throws {
        #expect(try label(text) != .positive, "\(text)")
        #expect(try !analyse(text).report.signals.contains { $0.value == .recovered }, "\(text)")
    }

    /// Nothing waived is no recovery, whatever fee is named near it.
    @Test(arguments: ["The council waived nothing and kept the penalty.", "The airline waived none of the fees."])
    func nothingWaivedIsNoRecovery(_ text: String) throws {
        #expect(try !analyse(text).report.signals.contains { $0.value == .recovered }, "\(text)")
    }
}

/// The first check of the rule on a negator found before a cue (`UnsurpassedPraise.isAbilityNegation`), which a
/// negator that cannot lower-case to one passes without lower-casing (every Chinese negator): an ability negator or a
/// phrase opening with one counts in any case, nothing else does.
@Suite struct AbilityNegationTests {
    @Test(arguments: ["can't", "Cannot", "COULDN'T", "could not", "can't recommend", "Couldn't praise"])
    func abilityNegatorsCount(_ negator: String) {
        #expect(UnsurpassedPraise.isAbilityNegation(negator), "\(negator)")
    }

    @Test(arguments: ["", "not", "never", "can", "candid", "can'tx", "could", "不会", "没有", "不能", "won't",
                      "Ｃan't", "\u{212A}an't"])
    func otherNegatorsDoNot(_ negator: String) {
        #expect(!UnsurpassedPraise.isAbilityNegation(negator), "\(negator)")
        #expect(UnsurpassedPraise.openingNegator(of: negator + " recommend") == nil, "\(negator)")
    }
}
