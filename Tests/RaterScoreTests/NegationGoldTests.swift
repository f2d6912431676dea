import Foundation
import Rater
import Testing

/// The negation gold sets (`Corpora/gold/negation_gold_{zh,en}.csv`, written and labelled by the team before Rater
/// was run on them): three-way accuracy may not fall below the figure measured when the sets were added, less one
/// comment, so a rule change that costs negation readings shows here before it shows in a review. Rows are plain
/// (no quoted field holds a comma: Chinese text uses the full-width ，).
@Suite struct NegationGoldTests {
    private func accuracy(_ language: String) throws -> (right: Int, total: Int) {
        let path = repositoryRoot.appendingPathComponent("Corpora/gold/negation_gold_\(language).csv").path
        let rows = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
        var right = 0
        for row in rows {
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            try #require(fields.count == 5, "\(row)")
            let gold = String(fields[4])
            if try label(String(fields[3])).rawValue == gold { right += 1 }
        }
        return (right, rows.count)
    }

    @Test(arguments: [("zh", 57), ("en", 54)])
    func accuracyHoldsItsFloor(_ set: (language: String, floor: Int)) throws {
        let result = try accuracy(set.language)
        #expect(result.total == 72)
        #expect(result.right >= set.floor, "\(set.language): \(result.right)/\(result.total)")
    }
}
