import Rater
import Testing

/// 推荐 after a member of staff is their sales pitch, not the customer's recommendation: it reads neither as praise nor
/// as loyalty, and what the customer says of the thing recommended decides. Sentences written for these tests, from
/// several industries.
@Suite struct StaffRecommendationTests {
    @Test(arguments: ["理财经理推荐的产品亏了", "服务员推荐的招牌菜很难吃", "店员推荐的面霜用了过敏", "客户经理推荐的基金亏损了一半"])
    func whatStaffRecommendedAndFailedIsAComplaint(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
        let signals = try analyse(text).report.signals
        #expect(!signals.contains { $0.value == .loyal }, "\(text): \(signals)")
    }

    /// The customer's own recommendation is still praise and loyalty.
    @Test(arguments: ["强烈推荐这家店", "推荐给朋友了，服务很好"])
    func theCustomersRecommendationIsStillLoyal(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
        #expect(try analyse(text).report.signals.contains { $0.value == .loyal }, "\(text)")
    }

    /// Money lost on what the customer was sold is a complaint in its own words.
    @Test(arguments: ["买的理财产品亏损严重", "这只基金让我亏钱了"])
    func moneyLostIsAComplaint(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
    }
}
