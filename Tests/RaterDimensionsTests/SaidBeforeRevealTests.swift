import Rater
import Testing

/// What the business or its page said would happen (说是, 号称, 承诺, "they said it would", "we were told", "claimed")
/// is agreed as a booking is: a turn or a reveal after it in its sentence (结果, 实际上, 最后还是, "but", "then") says the
/// expectation fell short. A remedy promised is a recovery left open, not an expectation. Sentences written for these
/// tests, from several industries.
@Suite struct SaidBeforeRevealTests {
    @Test(arguments: [
        "说是当天发货，结果一周后才发",
        "号称三十分钟上门，实际上等了两个钟头",
        "商家承诺包安装，最后还是让我们自己装",
        "说好不收服务费，还是被收了二十块",
        "They said the room would be ready by noon, but we waited until four.",
        "We were told parking was free, but they charged us at the gate.",
        "The gym claimed the pool was open all year, and then it closed for the whole winter.",
        "They promised a sea view, then gave us a room facing the bins.",
    ])
    func whatWasSaidThenRevealedFellShort(_ text: String) throws {
        #expect(try signals(text).contains(.fellShort), "\(text)")
    }

    /// A remedy promised and not delivered is an open recovery, and no expectation besides.
    @Test(arguments: [
        "They promised to resend the charger but it never came.",
        "客服说会退款，结果一直没到账",
    ])
    func aPromisedRemedyIsARecoveryOnly(_ text: String) throws {
        #expect(try signals(text) == [.unresolved], "\(text)")
    }

    /// "Said" without a promised state is no agreement: "The nurse said sorry, but…".
    @Test func saidSorryAgreesNothing() throws {
        #expect(try !signals("The nurse said sorry, but the wait was still long.").contains(.fellShort))
    }
}
