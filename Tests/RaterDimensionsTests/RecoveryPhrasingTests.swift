import Rater
import Testing

/// Recovery outcomes in the customer's words: a refund that went through in the end (退成功, 给退了一半), and a case not
/// put right (did not actually solve, closed without a fix, had to reopen it). Sentences written for these tests,
/// several trades.
@Suite struct RecoveryPhrasingTests {
    @Test(arguments: ["折腾了好几天，最后还是退成功了", "联系商家后给退了一半的钱", "找了客服，商家给退了运费",
                      "鞋子尺码不对，跟店家沟通后换成功了"])
    func refundThatWentThroughIsRecovered(_ text: String) throws {
        let found = try signals(text)
        #expect(found.contains(.recovered), "\(text)")
        #expect(!found.contains(.unresolved), "\(text)")
    }

    @Test(arguments: ["the helpdesk was friendly but did not actually solve anything",
                      "ticket closed without a fix, I had to reopen it three times",
                      "The plumber was polite but didn't fix the leak.",
                      "They closed my complaint and I reopened it twice."])
    func caseNotPutRightIsUnresolved(_ text: String) throws {
        let found = try signals(text)
        #expect(found.contains(.unresolved), "\(text)")
        #expect(!found.contains(.recovered), "\(text)")
    }

    @Test(arguments: ["商家说不给退", "They refused to fix the boiler."])
    func refusedStaysUnresolved(_ text: String) throws {
        #expect(try signals(text).contains(.unresolved), "\(text)")
    }
}
