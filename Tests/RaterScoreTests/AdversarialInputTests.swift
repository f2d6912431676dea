import Foundation
import Rater
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
}
