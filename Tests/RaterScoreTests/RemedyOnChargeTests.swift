import Rater
import Testing

/// A remedial act on a charge (kind `remedy`: "reversed", "waived", "cancelled", 免除, 退还) before a complaint or a
/// cost noun took the charge back: the act weighs its valence on a charge and the charge counts nothing of its own.
/// Negated, the act is a complaint and the charge stands. Sentences written for these tests, from telecoms, gyms,
/// landlords, banks, airlines and traffic offices.
@Suite struct RemedyOnChargeTests {
    @Test(arguments: ["They reversed the cancellation fee.", "The gym cancelled the penalty after one call.",
                      "The landlord refunded the deposit.", "The airline removed the surcharge.",
                      "客服免除了违约金", "房东退还了押金", "银行减免了滞纳金", "交警撤销了罚款"])
    func aChargeTakenBackIsPraise(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
        #expect(try rules(text).contains("remedy"), "\(text)")
    }

    @Test(arguments: ["They reversed the cancellation fee.", "客服免除了违约金"])
    func theChargeCountsNothing(_ text: String) throws {
        #expect(try rules(text).contains("remedied"), "\(text)")
    }

    @Test(arguments: ["They never waived the late fee.", "房东一直没有退还押金", "银行没有减免滞纳金"])
    func aRemedyNotDoneIsAComplaint(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
    }

    /// Without a charge after it the word keeps its own reading.
    @Test(arguments: ["My flight was cancelled without notice.", "They cancelled my order twice."])
    func withoutAChargeNothingChanges(_ text: String) throws {
        #expect(try !rules(text).contains("remedy"), "\(text)")
        #expect(try label(text) == .negative, "\(text)")
    }

    @Test(arguments: ["银行减免了滞纳金，态度也好", "物业免除了违约金"])
    func aChargeWaivedIsARecovery(_ text: String) throws {
        #expect(try analyse(text).report.signals.contains { $0.value == .recovered }, "\(text)")
    }
}

/// A remedial act takes back only a charge: a cost noun (kind `scale`, `cost`: fee, deposit, the overcharge, 押金,
/// 乱收费) right after it. A mistake ("removed the wrong tooth"), a manner ("refunded me late") or a feeling is no
/// charge, and an act in the passive (被退回, "was cancelled") has no object after it. Sentences written for these
/// tests, from dentistry, banking, e-commerce and public services.
@Suite struct RemedyObjectTests {
    @Test(arguments: ["The dentist removed the wrong tooth.", "They credited the wrong account.",
                      "The bank reversed the wrong payment twice.", "They refunded me late and never apologised.",
                      "申请被退回失望", "商家直接取消差评", "The clinic cancelled my appointment, terrible."])
    func noChargeNoRemedy(_ text: String) throws {
        #expect(try !rules(text).contains("remedy"), "\(text)")
        #expect(try !rules(text).contains("remedied"), "\(text)")
        #expect(try label(text) != .positive, "\(text)")
    }

    @Test func aWrongPaymentReversedIsNoRecovery() throws {
        #expect(try !analyse("The bank reversed the wrong payment twice.").report.signals.contains { $0.value == .recovered })
    }

    /// Charges that are complaints in their own right (the overcharge, hidden fees) are cost nouns too.
    @Test(arguments: ["The bank refunded the overcharge.", "The shop reversed the hidden fees."])
    func aChargeThatIsAComplaintCanBeTakenBack(_ text: String) throws {
        #expect(try rules(text).contains("remedy"), "\(text)")
        #expect(try label(text) == .positive, "\(text)")
    }
}
