import Rater
import Testing

/// Reluctance negates what it is reluctant about (`en/negators.tsv`: "hesitate to", "reluctant to"): "I would not
/// hesitate to recommend them" read −0.60 and loyalty at risk ("not … recommend"), a common way to praise. Sentences
/// written for these tests, several trades.
@Suite struct ReluctanceTests {
    @Test(arguments: ["I would not hesitate to recommend them to anyone.",
                      "I wouldn't hesitate to recommend this clinic to my family.",
                      "We would not hesitate to recommend the bank's mortgage team."])
    func notHesitatingToRecommendIsPraise(_ text: String) throws {
        let analysis = try analyse(text)
        #expect(analysis.scored.sentiment.label == .positive, "\(text)")
        #expect(analysis.report.signals.contains { $0.value == .loyal }, "\(text)")
        #expect(!analysis.report.signals.contains { $0.value == .atRisk }, "\(text)")
    }

    @Test(arguments: ["I hesitate to recommend them after this stay.", "I was reluctant to recommend the garage."])
    func reluctanceToRecommendIsNoPraise(_ text: String) throws {
        let analysis = try analyse(text)
        #expect(analysis.scored.sentiment.label == .negative, "\(text)")
        #expect(!analysis.report.signals.contains { $0.value == .loyal }, "\(text)")
    }
}
