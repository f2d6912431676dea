import Foundation
import RaterCore
import Testing
@testable import RaterReview

/// Thousands of comments: every comment is on exactly one page, in order, whatever the filter and order.
@Suite struct ReviewPagingTests {
    static func results(_ count: Int) -> [CommentResult] {
        (1...count).map { index in
            let label: SentimentLabel = index % 3 == 0 ? .negative : index % 3 == 1 ? .positive : .neutral
            let dimensions = index % 5 == 0 ? [DimensionSummary(dimension: .responsiveness, label: .negative, score: -0.5,
                                                                 mentions: 1, evidence: [(cue: "等", clause: "等了很久")])] : []
            return CommentResult(
                id: "c\(index)", source: "big.csv", recordNumber: index, line: index + 1, language: .zh,
                text: index % 7 == 0 ? "第\(index)条：等了很久才上菜" : "第\(index)条：还可以",
                sentiment: SentimentSummary(label: label, score: label == .negative ? -0.4 : 0.3, positive: 0.3,
                                            negative: 0.2, neutral: 0.5,
                                            confidence: Double((index * 7919) % 1000) / 1000, terms: []),
                dimensions: dimensions, fields: [Field("branch", index % 2 == 0 ? "东" : "西")])
        }
    }

    @Test func everyCommentIsOnExactlyOnePage() throws {
        let fixture = try ReviewFixture(results: Self.results(3_000))
        for query in [[], [("order", "low-confidence")], [("label", "negative"), ("column", "branch"), ("value", "东")],
                      [("dimension", "responsiveness"), ("q", "上菜")]] as [[(String, String)]] {
            var filter = try ReviewFilter(query: query)
            let first = try fixture.store.page(filter)
            var seen = [String]()
            var confidences = [Double]()
            for page in 1...first.pageCount {
                filter.page = page
                let data = try fixture.store.page(filter)
                #expect(data.comments.count <= ReviewLimits.pageSize)
                seen += data.comments.map(\.id)
                confidences += data.comments.map(\.confidence)
            }
            #expect(seen.count == first.total && Set(seen).count == seen.count, "\(query)")
            if filter.order == .lowConfidence { #expect(confidences == confidences.sorted()) }
            // Past the end is the last page (PageBoundsTests).
            filter.page = first.pageCount + 1
            let past = try fixture.store.page(filter)
            #expect(past.page == first.pageCount)
            #expect(past.comments.map(\.id) == Array(seen.suffix(past.comments.count)) && !past.comments.isEmpty)
        }
        #expect(try fixture.store.page(ReviewFilter()).total == 3_000)
        #expect(try fixture.store.page(ReviewFilter()).pageCount == 60)
        // Negative (every third) in the 东 branch (even numbers): multiples of 6.
        #expect(try fixture.store.page(ReviewFilter(query: [("label", "negative"), ("column", "branch"), ("value", "东")])).total == 500)
        // Responsiveness (multiples of 5) that mention 上菜 (multiples of 7): multiples of 35.
        #expect(try fixture.store.page(ReviewFilter(query: [("dimension", "responsiveness"), ("q", "上菜")])).total == 85)
    }
}
