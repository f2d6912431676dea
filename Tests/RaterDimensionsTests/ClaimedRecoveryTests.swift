import Rater
import Testing

/// A recovery the business claimed and the writer disputes after it is a failed recovery: the fix was the business's
/// word, and the turn, reveal or "still" after it says it did not hold. A claim with nothing disputing it, or with what
/// came after it (到账, praise), keeps its reading. Sentences written for these tests.
@Suite struct ClaimedRecoveryTests {
    @Test(arguments: [
        "The helpdesk closed my ticket as resolved, but the printer still jams on every page.",
        "They insisted the fee had been refunded. My balance still says otherwise.",
        "The landlord claimed the boiler was fixed, yet we had no hot water all weekend.",
        "Apparently the duplicate charge was reversed; it turned out they had only reversed half of it.",
        "物业说是已经修好了，结果第二天水管还是漏",
        "客服说退款已经到账了，其实卡里什么都没有",
        "系统显示问题已解决，可网页照样打不开",
        "师傅说已经修好了，刚走没一会儿又断了",
    ])
    func aDisputedClaimIsUnresolved(_ text: String) throws {
        let found = try signals(text)
        #expect(found.contains(.unresolved) && !found.contains(.recovered), "\(text)")
    }

    /// The claim held: what came after it, or nothing after it at all.
    @Test(arguments: [
        "The agent said the refund was processed, and it reached my account the next morning.",
        "They told me the router was fixed, and then it worked perfectly all week.",
        "The technician said the fault was fixed.",
        "客服说已经退款了，第二天就到账了",
        "师傅说已经修好了，用到现在都很好",
    ])
    func anUndisputedClaimKeepsItsReading(_ text: String) throws {
        #expect(try signals(text).contains(.recovered), "\(text)")
    }

    /// The writer's own report of a fix, then a complaint about something else, is no claim.
    @Test func theWritersOwnReportIsNoClaim() throws {
        let text = "They fixed it quickly, but the bathroom was still dirty."
        #expect(try signals(text).contains(.recovered), "\(text)")
    }
}
