import Rater
import Testing

/// In a clause whose refund reads recovered, the learned leanings of its cue words (退款 −1.99, 客服 −0.79: how often
/// complaints name them) count nothing (rule `recovered_topic`): a refund made is no complaint. Sentences written for
/// these tests, several trades.
@Suite struct RecoveredTopicTests {
    private func analysis(_ text: String) throws -> Analyzer.Analysis {
        try Analyzer(engine: dimensionEngine).analysis(of: text)
    }

    @Test(arguments: ["退款两天就到账了，客服态度也很好", "机票退款三天就到账了，航空公司的客服很耐心"])
    func recoveredRefundIsNoComplaint(_ text: String) throws {
        let result = try analysis(text)
        #expect(result.signals.map(\.value).contains(.recovered), "\(text)")
        #expect(result.scored.contributions.contains { $0.rules.map(\.name).contains("recovered_topic") }, "\(text)")
        #expect(result.scored.sentiment.label == .positive, "\(text): \(result.scored.sentiment.score)")
    }

    /// The steps that led to the refund (联系 −0.86, 打电话 −0.84 learned: how customers tell of getting one) are no
    /// complaint either.
    @Test(arguments: ["打电话给商家以后已经退款了", "联系物业以后押金已经退款了", "我联系卖家以后已经退款了"])
    func stepsToARecoveredRefundAreNoComplaint(_ text: String) throws {
        let result = try analysis(text)
        #expect(result.signals.map(\.value).contains(.recovered), "\(text)")
        #expect(result.scored.sentiment.label != .negative, "\(text): \(result.scored.sentiment.score)")
    }

    @Test(arguments: ["申请退款一个星期了还没到账", "退款说好三天到账，到现在也没收到"])
    func openRefundKeepsItsLean(_ text: String) throws {
        let result = try analysis(text)
        #expect(!result.scored.contributions.contains { $0.rules.map(\.name).contains("recovered_topic") }, "\(text)")
        #expect(result.scored.sentiment.label == .negative, "\(text): \(result.scored.sentiment.score)")
    }
}
