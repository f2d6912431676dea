import Foundation
@testable import Rater
@testable import RaterScore
import Testing

/// Comments are untrusted: runs of negators or degree words must cost linear time and leave every figure finite.
@Suite struct AdversarialInputTests {
    /// The pending negators are bounded: a run of any length keeps its parity, its furthest reach and the last few
    /// words. Walking every pending negator at each match made "not " × 20,000 quadratic.
    @Test func pendingNegatorsStayBounded() {
        var modifiers = PendingModifiers()
        for ordinal in 0..<100_000 {
            modifiers.expire(before: ordinal, window: 3)
            modifiers.addNegator("not", reach: ordinal + (ordinal == 10 ? 1_000_000 : 3))
        }
        #expect(modifiers.negators.count == PendingModifiers.shownNegators)
        #expect(modifiers.negatorCount == 100_000)
        #expect(modifiers.negatorReach == 1_000_010)
        modifiers.expire(before: 1_000_011, window: 3)  // still within the long-reaching negator's scope
        #expect(modifiers.negatorCount == 100_000)
        modifiers.expire(before: 1_000_012, window: 3)
        #expect(modifiers.negatorCount == 0 && modifiers.negators.isEmpty)
    }

    @Test func aLongRunOfNegatorsKeepsItsParityAndNamesTheLastFew() throws {
        for (count, negative) in [(5_001, true), (5_000, false)] {
            let analysis = try analyse(String(repeating: "not ", count: count) + "good")
            let good = try #require(analysis.scored.contributions.first { $0.term == "good" })
            #expect((good.weight < 0) == negative)
            let rule = try #require(good.rules.first { $0.name == (negative ? "negated" : "double_negated") })
            let words = try #require(rule.trigger).split(separator: " ")
            #expect(words.first == "…")
            #expect(words.count == PendingModifiers.shownNegators + 1)
        }
        let chinese = try analyse(String(repeating: "不", count: 3_001) + "好").scored.sentiment
        #expect(chinese.score < 0)
    }

    /// Stacked intensifiers multiply up to `maxIntensification` together: 'very ' × 20,000 overflowed to a NaN score
    /// labelled neutral with confidence 1.
    @Test func stackedIntensifiersAreCapped() throws {
        let cap = ScoringRules().maxIntensification
        for count in [6, 3_000, 20_000] {
            let analysis = try analyse(String(repeating: "very ", count: count) + "good")
            let good = try #require(analysis.scored.contributions.first { $0.term == "good" })
            #expect(good.weight / good.base <= cap + 1e-9)
            #expect(good.weight / good.base >= cap - 1e-9)
            #expect(good.rules.count <= 4, "\(good.rules.count) rules")
            let sentiment = analysis.scored.sentiment
            #expect(sentiment.score.isFinite && sentiment.score > 0 && sentiment.label == .positive)
            #expect(sentiment.confidence.isFinite && sentiment.confidence < 1)
            #expect(sentiment.positiveMass.isFinite)
        }
        // Two ordinary degree words are untouched: "really very" (×1.69) stays below the cap.
        let two = try #require(try analyse("really very good").scored.contributions.first { $0.term == "good" })
        #expect(two.rules.filter { $0.name == "intensified" }.count == 2)
        #expect(abs(two.weight / two.base - 1.69) < 1e-9)
    }

    /// The result builder is the last guard: whatever a stage computes, no result carries NaN or infinity.
    @Test func theResultBuilderNeverPassesNaNOrInfinity() throws {
        var analysis = try analyse("The staff were friendly")
        analysis.scored.sentiment.score = .nan
        analysis.scored.sentiment.confidence = .infinity
        analysis.scored.sentiment.positiveShare = -.infinity
        analysis.scored.contributions[0].weight = .nan
        let result = ResultBuilder.result(from: analysis, languageOverride: nil)
        #expect(result.sentiment.score == 0)
        #expect(result.sentiment.confidence == 1)
        #expect(result.sentiment.positive == 0)
        #expect(result.sentiment.terms.allSatisfy { $0.weight.isFinite && $0.base.isFinite })
    }
}
