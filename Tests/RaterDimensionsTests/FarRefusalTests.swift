import Rater
import Testing

/// A refusal reaches a recovery cue far after it only while nothing else has been said of it (`RecoveryOutcomes
/// .farRefusal`): no outcome word near the cue, none between the two, no turn word parting them. Sentences written
/// for these tests, several trades.
@Suite struct FarRefusalTests {
    /// Something else was refused; the refund's own done word decides it.
    @Test(arguments: ["They refused my coupon at the till but processed the refund within two days.",
                      "The waiter refused to take our order for ages and then the refund came through quickly.",
                      "The hotel refused to upgrade our room and then the refund came through quickly.",
                      "The gym refused my guest pass but the refund was credited the next day."])
    func laterDoneWordWinsOverAFarRefusal(_ text: String) throws {
        let found = try signals(text)
        #expect(found.contains(.recovered), "\(text)")
        #expect(!found.contains(.unresolved), "\(text)")
    }

    /// What was refused follows the refusal, however far on, when nothing else is said of it.
    @Test(arguments: ["They refused to even look at the refund.",
                      "The shop refused point blank to discuss any kind of refund.",
                      "The airline flatly refused even to talk to us about compensation."])
    func farRefusalStillRefuses(_ text: String) throws {
        let found = try signals(text)
        #expect(found.contains(.unresolved), "\(text)")
        #expect(!found.contains(.recovered), "\(text)")
    }
}
