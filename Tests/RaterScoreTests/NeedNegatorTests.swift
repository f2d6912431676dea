import Rater
import Testing

/// A negator of need (不用, 无需, 没必要, "no need to", "didn't need to") says an act was not needed, not that it was
/// left undone: no negated act and no unresolved recovery. Other words it negates are negated as by any negator.
/// Sentences written for these tests, from several industries.
@Suite struct NeedNegatorTests {
    @Test(arguments: [
        "这台洗衣机用了三年都不用修，质量很好",
        "手机质量很好，无需退款",
        "房间干净，不需要换房",
        "No need to follow up, the courier was on time.",
        "We didn't need to call the helpdesk, the router worked great.",
        "There was no need to explain anything, the pharmacist was brilliant.",
    ])
    func anActNotNeededIsNoComplaint(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
        #expect(try !rules(text).contains("negated_act"), "\(text)")
        #expect(try !analyse(text).report.signals.contains { $0.value == .unresolved }, "\(text)")
    }

    /// A refund not needed is no recovery at all.
    @Test(arguments: ["衣服很合身，没必要退款", "The jacket fits well, no need for a refund."])
    func aRefundNotNeededIsNoRecovery(_ text: String) throws {
        #expect(try !analyse(text).report.signals.contains { $0.value.kind == .recovery }, "\(text)")
    }

    /// The negators that are no negators of need still leave the act undone.
    @Test(arguments: ["客服一直没有答复", "商家没退款", "They never followed up."])
    func anActNotDoneIsStillAComplaint(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
    }

    /// Other words are negated as before: no need to worry is good.
    @Test(arguments: ["不用担心质量", "No need to worry about the paperwork."])
    func otherWordsAreNegatedAsBefore(_ text: String) throws {
        #expect(try label(text) != .negative, "\(text)")
    }
}
