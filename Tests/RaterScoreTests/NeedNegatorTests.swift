import Rater
import Testing

/// A negator of need (不用, 无需, 没必要, "no need to", "didn't need to") says an act was not needed, not that it was
/// left undone: no negated act and no unresolved recovery. A worry or chore it negates (kind `relief`) is relief; any
/// other opinion after it keeps its sign, the complaint it names (没必要这么凶, "no need to be so rude").
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

    /// A worry or chore not needed (kind `relief`: 担心, 排队, worry, queue) is relief: negated as by any negator.
    @Test(arguments: ["不用担心质量", "No need to worry about the paperwork.", "理赔完全不用操心，保险公司全包了",
                      "With the app there is no need to queue at the counter.", "在这家医院看病不用排长队"])
    func aReliefIsNegatedAsBefore(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
    }

    /// Any other opinion after a negator of need is the complaint it names: 没必要这么凶 says the clerk was fierce,
    /// "there was no need to be so rude" that someone was rude. The opinion keeps its sign.
    @Test(arguments: ["服务员没必要态度这么差吧", "没有必要这么凶吧", "There was no need to be so rude to us.",
                      "The receptionist didn't need to be that dismissive.",
                      "No need for such a rude reply from the bank.", "快递员没必要骂人吧"])
    func anOpinionAfterANeedNegatorKeepsItsSign(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
        #expect(try !rules(text).contains("negated"), "\(text)")
        #expect(try !rules(text).contains("soft_negated"), "\(text)")
    }

    /// A chore not needed is relief: a word naming a recovery case (a recovery topic or complaint cue: 退货, 投诉) by
    /// rule, and the chores listed in `reliefs.tsv` (返修, "send it back"). 一次就修好了，不用返修 read −0.67.
    @Test(arguments: ["冰箱一次就修好了，不用返修", "The kettle works fine, no need to send it back.",
                      "鞋子很合脚，不用退货", "物业当天就处理好了，无需投诉", "外套尺码正好，不需要换货"])
    func aChoreNotNeededIsRelief(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
        #expect(try !rules(text).contains("unneeded"), "\(text)")
    }

    /// A learned lean after a negator of need is no opinion either way: it counts nothing (维修 −1.88 is how often
    /// complaints name repairs; 热水器很耐用，无需维修 read neutral).
    @Test(arguments: ["热水器很耐用，无需维修", "这辆车开了五年，基本不用维修，很省心"])
    func aLearnedLeanNotNeededCountsNothing(_ text: String) throws {
        let analysis = try analyse(text)
        #expect(analysis.scored.sentiment.label == .positive, "\(text)")
        let repair = analysis.scored.contributions.filter { $0.term == "维修" }
        #expect(!repair.isEmpty && repair.allSatisfy { $0.weight == 0 }, "\(text)")
    }
}
