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
