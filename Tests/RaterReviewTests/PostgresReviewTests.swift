import Foundation
import Rater
import RaterCore
import RaterDatabase
import Testing
@testable import RaterReview

/// The workspace over PostgreSQL (the shared deployment): the same filters, corrections and append-only guard
/// as on SQLite. Runs when RATER_TEST_POSTGRES_URL names a server (`.ci/run` starts one).
@Suite struct PostgresReviewTests {
    static let serverURL = ProcessInfo.processInfo.environment["RATER_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// A fresh schema on the test server, reached through `search_path`, holding the sample comments.
    static func store() throws -> (ReviewStore, url: String) {
        let records: [(String, String, String, String)] = [
            ("r1", "西湖店", "2026-11-01", "环境不错，但是服务员态度很差"),
            ("r4", "滨江店", "2026-11-03", "We waited an hour for a table and nobody apologised. Never again."),
            ("r6", "滨江店", "2026/11/03", "Checked in at noon."),
        ]
        return try store(records.enumerated().map { index, row in
            SourceRecord(source: "branches.csv", recordNumber: index + 1, id: row.0, text: row.3,
                         fields: [Field("branch", row.1), Field("date", row.2)])
        })
    }

    /// A fresh schema on the test server, reached through `search_path`, holding `records` analysed.
    static func store(_ records: [SourceRecord], dateColumn: String? = nil) throws -> (ReviewStore, url: String) {
        let base = try #require(serverURL)
        let schema = "review_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        // `schema` is made here from a UUID, never from input: an identifier cannot be a parameter.
        try PostgresConnection(url: base).transaction { try $0.execute("CREATE SCHEMA \(schema)", []) }
        let url = base + (base.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)"
        let analyzer = try Analyzer(engine: reviewEngine)
        let recorder = try RunRecorder(options: .init(postgresURL: url, inputs: []))
        _ = try recorder.record { sink in
            for record in records { try sink.write(analyzer.analyze(record)) }
            return .finished
        }
        return (try ReviewStore(connection: PostgresConnection(url: url), dateColumn: dateColumn), url)
    }

    /// Column names are keys to `->>`, never a JSON path: `a"b` and the like match as they are.
    @Test(.enabled(if: serverURL != nil, "RATER_TEST_POSTGRES_URL is not set"))
    func columnFilterTakesAnyColumnNameAsItIs() throws {
        let names = ["a\"b", "\"", "a\\b", "$.x", "a.b", "{a,b}", "a'b"]
        let (store, _) = try Self.store(names.enumerated().map { index, name in
            SourceRecord(source: "odd.jsonl", recordNumber: index + 1, id: "j\(index + 1)", text: "Friendly staff.",
                         fields: [Field(name, "x\(index + 1)"), Field("d\"ate", "2026-11-\(10 + index)")])
        }, dateColumn: "d\"ate")
        func ids(_ query: [(String, String)]) throws -> [String] { try store.page(ReviewFilter(query: query)).comments.map(\.id) }
        #expect(Set(store.groupColumns) == Set(names + ["d\"ate"]))
        for (index, name) in names.enumerated() {
            #expect(try ids([("column", name), ("value", "x\(index + 1)")]) == ["j\(index + 1)"], "\(name)")
            #expect(try ids([("column", name)]) == ["j\(index + 1)"], "\(name)")
            #expect(try ids([("column", name), ("value", "x0")]).isEmpty, "\(name)")
        }
        #expect(try ids([("from", "2026-11-15")]) == ["j6", "j7"])
    }

    @Test(.enabled(if: serverURL != nil, "RATER_TEST_POSTGRES_URL is not set"))
    func filtersCorrectionsAndTheAppendOnlyGuard() throws {
        let (store, url) = try Self.store()
        func ids(_ query: [(String, String)]) throws -> [String] { try store.page(ReviewFilter(query: query)).comments.map(\.id) }
        #expect(try ids([]) == ["r1", "r4", "r6"])
        #expect(store.groupColumns == ["branch", "date"] && store.dateColumn == "date")
        #expect(try ids([("column", "branch"), ("value", "滨江店")]) == ["r4", "r6"])
        #expect(try ids([("from", "2026-11-03")]) == ["r4", "r6"])
        #expect(try ids([("q", "NOON")]) == ["r6"])
        #expect(try ids([("signal", "loyalty=at_risk")]) == ["r4"])
        #expect(try ids([("dimension", "tangibles")]) == ["r1"])

        try store.record(CorrectionRequest(source: "branches.csv", commentKey: "r6", action: .label, value: .positive,
                                           analyst: "李雷"))
        try store.record(CorrectionRequest(source: "branches.csv", commentKey: "r1", action: .removeDimension,
                                           dimension: .tangibles, analyst: "李雷"))
        #expect(try ids([("label", "positive")]).contains("r6"))
        #expect(try ids([("dimension", "tangibles")]).isEmpty)
        #expect(try ids([("review", "reviewed")]) == ["r1", "r6"])
        #expect(try store.corrections().map(\.seq) == [2, 1])
        #expect(GoldExport.csv(try store.reviewedComments()).contains("r6,en,Checked in at noon.,positive,"))
        // An accept's kept dimensions decide the dimension filter (the SQL's string match, on PostgreSQL too), and a
        // removal after it still applies.
        let r4 = try #require(try store.comment(source: "branches.csv", key: "r4"))
        try store.record(CorrectionRequest(source: "branches.csv", commentKey: "r4", action: .addDimension,
                                           dimension: .tangibles, value: .negative, analyst: "李雷"))
        try store.record(CorrectionRequest(source: "branches.csv", commentKey: "r4", action: .accept, value: r4.label,
                                           analyst: "李雷"))
        #expect(try store.corrections().first?.acceptedDimensions?.contains("tangibles:negative") == true)
        #expect(try ids([("dimension", "tangibles")]) == ["r4"])
        let accepted = Set(try #require(try store.comment(source: "branches.csv", key: "r4")).dimensions.map(\.dimension))
        for dimension in ServiceDimension.allCases {
            #expect(try ids([("dimension", dimension.rawValue)]).contains("r4") == accepted.contains(dimension),
                    "\(dimension)")
        }
        try store.record(CorrectionRequest(source: "branches.csv", commentKey: "r4", action: .removeDimension,
                                           dimension: .tangibles, analyst: "李雷"))
        #expect(try ids([("dimension", "tangibles")]).isEmpty)

        // A set signal decides the signal filter (the SQL's CASE, on PostgreSQL too): r4 judged with no loyalty
        // signal, r6 judged loyal.
        try store.record(CorrectionRequest(source: "branches.csv", commentKey: "r4", action: .setSignal,
                                           signal: .loyalty, analyst: "李雷"))
        try store.record(CorrectionRequest(source: "branches.csv", commentKey: "r6", action: .setSignal,
                                           signal: .loyalty, signalValue: .loyal, analyst: "李雷"))
        #expect(try ids([("signal", "loyalty=at_risk")]).isEmpty)
        #expect(try ids([("signal", "loyalty")]) == ["r6"])
        #expect(try ids([("signal", "loyalty=loyal")]) == ["r6"])
        let latest = try #require(try store.corrections().first)
        #expect(latest.signal == .loyalty && latest.signalValue == .loyal)

        let database = try PostgresConnection(url: url)
        #expect(throws: DatabaseError.self) {
            try database.transaction { try $0.execute("UPDATE corrections SET analyst = 'mallory'", []) }
        }
        #expect(throws: DatabaseError.self) { try database.transaction { try $0.execute("DELETE FROM corrections", []) } }
        #expect(try store.corrections().allSatisfy { $0.analyst == "李雷" })
    }
}
