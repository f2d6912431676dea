import Foundation
import RaterAggregate
import RaterCore
import Testing

@testable import RaterDatabase

/// The queries the README gives dashboard authors ("Queries for dashboards"), run as written on both databases: a
/// signal rate whose key holds a dot (a bare `$.loyalty.at_risk` path is NULL, silently), zero rather than NULL
/// for a value no comment had, and comments by their own date through an expression index on `fields`.
@Suite struct DashboardQueriesTests {
    static let options: AggregationOptions = {
        var options = AggregationOptions()
        options.groupBy = ["branch"]
        options.dateColumn = "date"
        return options
    }()

    func comment(_ id: String, record: Int, branch: String, date: String, signals: [SignalValue]) -> CommentResult {
        var result = RaterDatabaseTests.comment(id, record: record)
        result.fields = [Field("branch", branch), Field("date", date)]
        result.signals = signals.map { SignalSummary(value: $0, evidence: []) }
        return result
    }

    /// The SQL of each query, per database, exactly as the README shows it.
    func sql(_ kind: DatabaseKind) -> (rate: String, index: String, byDate: String) {
        switch kind {
        case .sqlite:
            (rate: "SELECT group_key, COALESCE(json_extract(signal_rates, '$.\"loyalty.at_risk\".rate'), 0) FROM "
                + "aggregates WHERE scope = 'overall' AND period = '' ORDER BY group_key",
             index: "CREATE INDEX IF NOT EXISTS comments_by_date ON comments (json_extract(fields, '$.date'))",
             byDate: "SELECT comment_key FROM comments WHERE json_extract(fields, '$.date') = ? ORDER BY comment_key")
        case .postgres:
            (rate: "SELECT group_key, COALESCE((signal_rates -> 'loyalty.at_risk' ->> 'rate')::float8, 0) FROM "
                + "aggregates WHERE scope = 'overall' AND period = '' ORDER BY group_key",
             index: "CREATE INDEX IF NOT EXISTS comments_by_date ON comments ((fields ->> 'date'))",
             byDate: "SELECT comment_key FROM comments WHERE fields ->> 'date' = $1 ORDER BY comment_key")
        }
    }

    func check(_ kind: DatabaseKind) throws {
        let scratch = try Scratch(kind)
        let comments = [
            comment("A1", record: 1, branch: "A", date: "2026-11-20", signals: [.atRisk]),
            comment("A2", record: 2, branch: "A", date: "2026-11-21", signals: []),
            comment("B1", record: 3, branch: "B", date: "2026-11-21", signals: [.loyal]),
        ]
        _ = try RunRecorder(options: scratch.options(aggregation: Self.options)).record { sink in
            for comment in comments { try sink.write(comment) }
            return .finished
        }
        let database = try scratch.open()
        let queries = sql(kind)
        let rates = try database.read { try $0.query(queries.rate, []) }
        #expect(rates.map { $0[0] } == [.text(""), .text("branch=A"), .text("branch=B")])
        // Rates are written to six decimals.
        #expect(rates.map { $0[1].double ?? -1 } == [0.333333, 0.5, 0])
        // The bare path reads through the dot, finds nothing and says NULL: why the README quotes the key.
        if kind == .sqlite {
            let bare = try database.read {
                try $0.query("SELECT json_extract(signal_rates, '$.loyalty.at_risk.rate') FROM aggregates "
                    + "WHERE group_key = '' AND scope = 'overall' AND period = ''", [])
            }
            #expect(bare == [[.null]])
        }
        try database.transaction { try $0.execute(queries.index, []) }
        let onTheTwentyFirst = try database.read { try $0.query(queries.byDate, [.text("2026-11-21")]) }
        #expect(onTheTwentyFirst == [[.text("A2")], [.text("B1")]])
    }

    @Test func sqlite() throws { try check(.sqlite) }

    @Test(.enabled(if: postgresAvailable, postgresSkipMessage))
    func postgres() throws { try check(.postgres) }
}
