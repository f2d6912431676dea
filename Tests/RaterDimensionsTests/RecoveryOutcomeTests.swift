import Rater
import Testing

/// A recovery is an event: a refund named, promised, asked for, pending or refused is not one; a refund received is.
/// Every comment here was written for this suite.
@Suite struct RecoveryOutcomeTests {
    /// The recovery readings of `text`, as a set: never both values for one comment.
    private func recovery(_ text: String) throws -> Set<SignalValue> {
        try signals(text).filter { $0.kind == .recovery }
    }

    @Test(arguments: [
        "退款三天了还没到账，客服总说在处理",
        "客服答应给退款，后来再也没有消息",
        "说会尽快退款，等了十天也没动静",
        "申请退款一周了，还在审核中",
        "商家拒绝退款，平台也不管",
        "要求退款被驳回了",
        "没有收到任何补偿",
        "灯罩裂了，很想退货",
        "已经快一个月了还没退款",
        "The refund still hasn't arrived after two weeks",
        "They promised a refund but nothing has come",
        "I asked for a refund and heard nothing",
        "My refund is still pending",
        "They refused to give me a refund",
        "We were told we would get compensation, still waiting",
        "The replacement will be sent next month, they say",
    ])
    func aRefundThatHasNotHappenedIsUnresolved(_ text: String) throws {
        #expect(try recovery(text) == [.unresolved], "\(text)")
    }

    @Test(arguments: [
        "退款已经到账了，客服态度也好",
        "申请后第二天退款就到账了",
        "退款很快，点个赞",
        "店家主动给了补偿",
        "服务员及时处理了，还给了补偿",
        "收到退款了，谢谢",
        "The refund was processed within two days",
        "They refunded me the same afternoon",
        "I got a full refund, no questions asked",
        "The manager offered compensation straight away",
        "I asked for a refund and got it the next day",
        "They sent a replacement the next morning",
        "The refund for the broken chair took six weeks",
        "商家很快寄来了新的换货",
        "退款挺快的，好评",
        "坏了一个，商家给予了赔偿",
    ])
    func aRefundReceivedIsRecovered(_ text: String) throws {
        #expect(try recovery(text) == [.recovered], "\(text)")
    }

    /// A noun that names the topic says nothing about an outcome.
    @Test(arguments: [
        "支持七天无理由退款",
        "退款流程写在页面最下面",
        "关于补偿的条款看不太懂",
        "The refund policy is printed on the receipt",
        "Compensation terms are on their website",
    ])
    func aBareTopicIsNoSignal(_ text: String) throws {
        #expect(try recovery(text).isEmpty, "\(text)")
    }

    @Test func thePendingOutcomeWinsOverTheNounAndKeepsItsEvidence() throws {
        let found = try report("退款到现在都没到账，客服一直说在处理").signals.filter { $0.kind == .recovery }
        #expect(found.map(\.value) == [.unresolved])
        #expect(found.first?.evidence.map(\.cue).contains("退款") == true)
        #expect(found.first?.evidence.first { $0.cue == "退款" }?.clause == "退款到现在都没到账")
        // The later clause, with no recovery cue of its own, keeps the case open too and is evidence of it.
        #expect(found.first?.evidence.contains { $0.cue == "在处理" && $0.clause == "客服一直说在处理" } == true)
    }

    /// A later clause's outcome replaces an earlier one's; within a clause the open outcome stands.
    @Test(arguments: [
        ("刚开始没人理，后来经理出面解决了", SignalValue.recovered),
        ("店长道歉了，可是到现在还没退款", .unresolved),
        ("道歉了但问题没解决", .unresolved),
        ("Nobody answered at first, then the manager sorted it out", .recovered),
        ("They apologised, but the refund still has not come through", .unresolved),
    ])
    func theLastClauseDecides(_ text: String, _ expected: SignalValue) throws {
        #expect(try recovery(text) == [expected], "\(text)")
    }

    @Test func anUnresolvedProblemStaysUnresolved() throws {
        #expect(try recovery("问题至今没解决") == [.unresolved])
        #expect(try recovery("The issue is still unresolved") == [.unresolved])
    }

    /// Expectation compares one thing at a time: two clauses may read two ways.
    @Test func expectationKeepsEachClausesReading() throws {
        #expect(try signals("菜比预期好，服务却令人失望") == [.exceeded, .fellShort])
    }
}
