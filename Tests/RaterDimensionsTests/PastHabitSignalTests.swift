import Rater
import Testing

/// A past habit ("used to", `IrrealisRole.bygone`) tells how things went before, not how this case went: it reads no
/// recovery, while the verb "use" in a relative clause ("the app I used to get my refund") is no habit and leaves
/// the recovery to its outcome words. Sentences written for these tests.
@Suite struct PastHabitSignalTests {
    @Test func usedInOrderToLeavesARecoveryRecovered() throws {
        let found = try signals("The app I used to get my refund was simple and the refund arrived the next day.")
        #expect(found.contains(.recovered))
        #expect(!found.contains(.unresolved))
    }

    @Test(arguments: ["They used to refund without any fuss.", "We used to be refunded within a day."])
    func pastHabitReadsNoRecovery(_ text: String) throws {
        let found = try signals(text)
        #expect(!found.contains(.unresolved), "\(text)")
        #expect(!found.contains(.recovered), "\(text)")
    }

    @Test func lostHabitStillReadsChurn() throws {
        #expect(try signals("Used to be my favourite spot, not anymore.").contains(.atRisk))
    }

    /// Loyalty in a past habit or a retracted clause is loyalty lost: at risk, not loyal and not nothing.
    @Test(arguments: ["This bakery was my favourite. Not anymore.", "We highly recommended this dentist, but not anymore.",
                      "We used to recommend this garage to everyone.", "I was a loyal customer of this bank, not anymore."])
    func loyaltyTakenBackIsAtRisk(_ text: String) throws {
        let found = try signals(text)
        #expect(found.contains(.atRisk), "\(text)")
        #expect(!found.contains(.loyal), "\(text)")
    }
}
