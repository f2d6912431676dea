import Rater
import Testing

/// 说好, 讲好, 约好, 谈好 ("agreed, promised") name what was agreed: the 好 inside them is no praise (it read +2). Where
/// 说 reports what others find good (都说好吃), the praise stays. Sentences written for these tests.
@Suite struct AgreedNotPraiseTests {
    @Test(arguments: ["说好周五发货，结果下周三才发。", "约好上午九点上门安装，师傅拖到下午。",
                      "讲好的价格是两百，最后收了三百。", "谈好包早餐，入住时却要另外付钱。"])
    func anAgreementIsNoPraise(_ text: String) throws {
        let praise = try analyse(text).scored.contributions.filter { !$0.isLearned && $0.weight > 0 }
        #expect(praise.isEmpty, "\(text): \(praise.map(\.term))")
    }

    @Test(arguments: ["说好周五发货，结果下周三才发。", "说好三点前送到，结果五点才送来。"])
    func aBrokenAgreementIsAComplaint(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
    }

    @Test(arguments: ["朋友都说好吃，果然没失望。", "同事都说好用，我也买了一台。"])
    func whatOthersCallGoodIsStillPraise(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
    }
}
