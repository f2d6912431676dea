import Foundation
import RaterAggregate
import RaterCore
import Testing

@testable import RaterDatabase

/// The `aggregates` table is the aggregation of every stored comment after each run, not of the last run's: a
/// nightly run upserting its own comments' rows left the overall row counting one night, and a re-run of the same
/// comments must not count them twice.
@Suite struct StoredAggregatesTests {
    /// By branch and ISO week of the `date` field, with a CSAT column.
    static let options: AggregationOptions = {
        var options = AggregationOptions()
        options.groupBy = ["branch"]
        options.dateColumn = "date"
        options.bucket = .week
        options.csatColumn = "csat"
        return options
    }()

    /// A comment of `branch` on `date`; without an id it is keyed by its text (staged in SQLite).
    func result(_ id: String?, record: Int, branch: String, date: String, label: SentimentLabel = .negative,
                score: Double = -0.4286, csat: String = "4", text: String? = nil,
                signals: [SignalValue] = []) -> CommentResult {
        var result = comment(id, record: record, text: text ?? "评论 \(record) \(branch)", label: label, score: score)
        result.fields = [Field("branch", branch), Field("date", date), Field("csat", csat)]
        result.signals = signals.map { SignalSummary(value: $0, evidence: []) }
        return result
    }

    func run(_ scratch: Scratch, _ comments: [CommentResult], options: AggregationOptions = options) throws {
        let manifest = try RunRecorder(options: scratch.options(aggregation: options)).record { sink in
            for comment in comments { try sink.write(comment) }
            return .finished
        }
        #expect(manifest.counts.aggregates == (try scratch.aggregates().count))
    }

    func nightlyRuns(_ kind: DatabaseKind) throws {
        let scratch = try Scratch(kind)
        let night1 = [
            result("A1", record: 1, branch: "A", date: "2026-11-23"),
            result("A2", record: 2, branch: "A", date: "2026-11-23", label: .positive, score: 0.5, signals: [.loyal]),
            result(nil, record: 3, branch: "B", date: "2026-11-24", csat: "2"),
        ]
        try run(scratch, night1)
        #expect(try scratch.aggregates() == expectedAggregates(night1, options: Self.options))

        // Night 2: one new comment the same week (its week row spans both nights), one in the week before (whose
        // change the later week's rows now have), one with no date.
        let night2 = [
            result("A4", record: 4, branch: "A", date: "2026-11-25", label: .positive, score: 0.7),
            result(nil, record: 5, branch: "C", date: "2026-11-16"),
            result("A6", record: 6, branch: "A", date: ""),
        ]
        try run(scratch, night2)
        let all = night1 + night2
        #expect(try scratch.aggregates() == expectedAggregates(all, options: Self.options))
        let overall = try scratch.aggregates().first { $0[0] == .text("") && $0[1] == .text("") && $0[2] == .text("overall") }
        #expect(overall?[4] == .integer(6))

        // Night 3 re-runs night 1's comments, one with a new label and one moved to another branch: each counts once,
        // as it is now.
        var rerun = night1
        rerun[0] = result("A1", record: 1, branch: "A", date: "2026-11-23", label: .positive, score: 0.9)
        rerun[1] = result("A2", record: 2, branch: "D", date: "2026-11-23", label: .positive, score: 0.5,
                          signals: [.loyal])
        try run(scratch, rerun)
        #expect(try scratch.aggregates() == expectedAggregates(rerun + night2, options: Self.options))
        #expect(try scratch.counts()["comments"] == 6)

        // Grouped otherwise, no row of the old grouping stays.
        try run(scratch, [], options: AggregationOptions())
        #expect(try scratch.aggregates() == expectedAggregates(rerun + night2, options: AggregationOptions()))
        #expect(try scratch.aggregates().allSatisfy { $0[0] == .text("") && $0[1] == .text("") })
    }

    @Test func sqliteAggregatesEveryStoredComment() throws {
        try nightlyRuns(.sqlite)
    }

    @Test(.enabled(if: postgresAvailable, postgresSkipMessage))
    func postgresAggregatesEveryStoredComment() throws {
        try nightlyRuns(.postgres)
    }

    /// Pages of any size give the observations one page gives: the page's mentions and signals go to its comments,
    /// none lost at a page's edge. A repeated field name is stored as an array; its first value is the one read.
    func paging(_ kind: DatabaseKind) throws {
        let scratch = try Scratch(kind)
        var comments = [CommentResult]()
        for record in 1...9 {
            let id: String? = record % 3 == 0 ? nil : "P\(record)"
            let label: SentimentLabel = record % 2 == 0 ? .positive : .negative
            let signals: [SignalValue] = record % 4 == 0 ? [.loyal, .atRisk] : []
            comments.append(result(id, record: record, branch: record % 2 == 0 ? "A" : "B",
                                   date: "2026-11-\(10 + record)", label: label, score: Double(record) / 10,
                                   signals: signals))
        }
        comments[4].fields.insert(Field("branch", "first"), at: 0)
        try run(scratch, comments)
        #expect(try scratch.aggregates() == expectedAggregates(comments, options: Self.options))
        let database = try scratch.open()
        func aggregation(pageSize: Int) throws -> Aggregation {
            var aggregation = Aggregation(options: Self.options)
            try database.read { executor in
                try StoredObservations(executor: executor, options: Self.options, pageSize: pageSize)
                    .forEach { aggregation.add($0) }
            }
            return aggregation
        }
        var expected = Aggregation(options: Self.options)
        for comment in comments { expected.add(comment) }
        for size in [1, 2, 4, 9, 10, 4_096] { #expect(try aggregation(pageSize: size) == expected, "page size \(size)") }
    }

    @Test func sqlitePagesCoverEveryComment() throws {
        try paging(.sqlite)
    }

    @Test(.enabled(if: postgresAvailable, postgresSkipMessage))
    func postgresPagesCoverEveryComment() throws {
        try paging(.postgres)
    }
}
