import Rater
import Testing

/// Where a case reads recovered, the complaint that opens the story (投诉, "complained": a recovery cue whose reading
/// follows the sentiment) is narrative, not the verdict (rule `recovered_topic`), and the staff who put it right are
/// not judged by it. Sentences written for these tests, several trades.
@Suite struct RecoveryNarrativeTests {
    @Test(arguments: ["投诉以后物业经理亲自上门道歉，问题当天就解决了",
                      "我投诉之后，客服主管马上道歉并给了补偿",
                      "I complained about the cold room and the manager apologised and moved us straight away.",
                      "We complained about the noise and the front desk apologized and upgraded our room."])
    func theOpeningComplaintIsNoVerdict(_ text: String) throws {
        let analysis = try Analyzer(engine: dimensionEngine).analysis(of: text)
        #expect(analysis.signals.contains { $0.value == .recovered }, "\(text)")
        #expect(analysis.scored.sentiment.label != .negative, "\(text): \(analysis.scored.sentiment.score)")
        let complaint = analysis.scored.contributions.filter { $0.term.hasPrefix("投诉") || $0.term == "complained" }
        #expect(!complaint.isEmpty && complaint.allSatisfy { $0.weight == 0 }, "\(text)")
        #expect(!analysis.dimensions.contains { $0.label == .negative }, "\(text)")
    }

    /// A complaint that was not put right keeps its weight.
    @Test(arguments: ["投诉了三次都没人处理", "I complained twice and nobody ever got back to me."])
    func anOpenComplaintKeepsItsWeight(_ text: String) throws {
        let analysis = try Analyzer(engine: dimensionEngine).analysis(of: text)
        #expect(analysis.scored.sentiment.label == .negative, "\(text)")
        #expect(!analysis.scored.contributions.contains { $0.rules.map(\.name).contains("recovered_topic") }, "\(text)")
    }
}
