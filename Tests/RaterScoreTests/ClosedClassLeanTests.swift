import Rater
import Testing

/// A connective (concessive adverb, particle, conjunction: kind `connective`) or a contrast word carries no learned
/// valence: how often complaints say 倒是 ("admittedly") says nothing of the clause it stands in, and a learned −0.65
/// pulled praise such as 房间倒是挺干净 down. An analyst lists such a word in `connectives.tsv`; the learner never
/// learns it, and the scorer weighs nothing a learned file still gives it. Sentences written for these tests, several
/// trades.
@Suite struct ClosedClassLeanTests {
    @Test(arguments: ["快递倒是很快", "客服倒是挺耐心的", "维修师傅倒是很专业", "这家酒店的早餐倒是不错"])
    func concessiveAdverbWeighsNothing(_ text: String) throws {
        let result = try analyse(text).scored
        let weighted = result.contributions.filter { $0.term == "倒是" && $0.weight != 0 }
        #expect(weighted.isEmpty, "\(text): \(weighted.map(\.weight))")
        // Nothing else in these clauses leans negative but a learned topic word (客服, 维修): the praise is not pulled
        // down by the connective.
        #expect(result.sentiment.label == .positive, "\(text): \(result.sentiment.score)")
    }
}
