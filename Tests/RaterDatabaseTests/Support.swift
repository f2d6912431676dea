import Foundation
import RaterAggregate
import RaterCore
import Testing

@testable import RaterDatabase

/// The PostgreSQL server the tests use: `.ci/run` starts one (`scripts/postgres-test-server.sh`) and exports it.
let postgresURL = ProcessInfo.processInfo.environment["RATER_TEST_POSTGRES_URL"]
let postgresAvailable = postgresURL.map { !$0.isEmpty } ?? false
let postgresSkipMessage: Comment =
    "RATER_TEST_POSTGRES_URL is not set: start a server with `eval \"$(scripts/postgres-test-server.sh start)\"`"

enum DatabaseKind: String, CaseIterable, Sendable {
    case sqlite, postgres
}

/// A fresh, empty place to write: a new SQLite file, or a new PostgreSQL schema reached through `search_path`.
/// Removed (the file with its journals, or the schema with its tables) when the test lets go of it, so repeated
/// local runs do not pile up databases.
final class Scratch {
    let kind: DatabaseKind
    let sqlitePath: String?
    let postgresURL: String?
    private let schema: String

    init(_ kind: DatabaseKind) throws {
        self.kind = kind
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        schema = name
        switch kind {
        case .sqlite:
            sqlitePath = NSTemporaryDirectory() + "rater-db-\(name).sqlite"
            postgresURL = nil
        case .postgres:
            guard let base = RaterDatabaseTests.postgresURL else { throw ScratchError.noServer }
            let admin = try PostgresConnection(url: base)
            // `name` is made here from a UUID, never from input: an identifier cannot be a parameter.
            try admin.transaction { try $0.execute("CREATE SCHEMA \(name)", []) }
            sqlitePath = nil
            postgresURL = base + (base.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(name)"
        }
    }

    deinit {
        if let sqlitePath {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqlitePath + suffix) }
        } else if let base = RaterDatabaseTests.postgresURL, let admin = try? PostgresConnection(url: base) {
            // `schema` was made from a UUID in `init`, never from input.
            try? admin.transaction { try $0.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE", []) }
        }
    }

    func open() throws -> any DatabaseConnection {
        if let sqlitePath { return try SQLiteConnection(path: sqlitePath) }
        return try PostgresConnection(url: postgresURL!)
    }

    /// `open()` with Rater's tables created, for tests that write through a writer rather than a `RunRecorder`.
    func openWithTables() throws -> any DatabaseConnection {
        let database = try open()
        try database.createSchema()
        return database
    }

    func options(inputs: [String] = [], manifest: String? = nil,
                 aggregation: AggregationOptions = AggregationOptions()) -> RunRecorder.Options {
        RunRecorder.Options(sqlitePath: sqlitePath, postgresURL: postgresURL, manifestPath: manifest, inputs: inputs,
                            aggregation: aggregation)
    }

    /// The `aggregates` table without the columns that say which run wrote it, in key order.
    func aggregates() throws -> [[SQLValue]] {
        inKeyOrder(try open().read {
            try $0.query("SELECT \(aggregateColumns.joined(separator: ", ")) FROM aggregates", [])
        })
    }

    func counts() throws -> [String: Int] {
        let database = try open()
        var counts = [String: Int]()
        for table in Schema.tables { counts[table.name] = try database.count(table) }
        return counts
    }
}

enum ScratchError: Error { case noServer }

func comment(_ id: String?, record: Int, source: String = "hotel.csv", text: String = "环境不错，但是服务员态度很差",
             label: SentimentLabel = .negative, score: Double = -0.4286) -> CommentResult {
    CommentResult(
        id: id ?? "\(source):\(record)", source: source, recordNumber: record, line: record + 1, language: .zh,
        text: text,
        sentiment: SentimentSummary(
            label: label, score: score, positive: 0.5, negative: 0.5, neutral: 0, confidence: 0.79,
            terms: [
                TermExplanation(term: "不错", base: 2, rules: ["before_contrast:但是"], weight: 1.2),
                TermExplanation(term: "差", base: -2, rules: ["intensified:很", "after_contrast:但是"], weight: -3.9),
            ]),
        dimensions: [
            DimensionSummary(dimension: .assurance, label: .negative, score: -0.8, mentions: 2,
                             evidence: [(cue: "态度", clause: "但是服务员态度很差"), (cue: "服务员", clause: "但是服务员态度很差")]),
            DimensionSummary(dimension: .tangibles, label: .positive, score: 0.55, mentions: 1,
                             evidence: [(cue: "环境", clause: "环境不错")]),
        ],
        aspects: [AspectSummary(aspect: .price, label: .negative, score: -0.6, mentions: 1,
                                evidence: [CueEvidence(cue: "贵", clause: "就是有点贵")])],
        profile: ProfileSummary(name: "hotel", version: "1", serviceScore: -0.3),
        fields: [Field("branch", "上海外滩店"), Field("note", "it's \"quoted\"; 'DROP TABLE comments;--")])
}

let sampleRejection = Rejection(source: "hotel.csv", recordNumber: 9, line: 10, byteOffset: 412,
                                reason: .missingColumn(name: "text", columnCount: 1), raw: "H009")

/// The columns of `aggregates` that hold figures, not the run that wrote them.
let aggregateColumns = Schema.aggregates.columnNames.filter { $0 != "run_id" && $0 != "written_at" }

/// What the `aggregates` table must hold for `comments` (each counted once) under `options`: the rows one
/// aggregation over all of them gives, in `Scratch.aggregates()`'s order and columns.
func expectedAggregates(_ comments: [CommentResult], options: AggregationOptions) -> [[SQLValue]] {
    var aggregation = Aggregation(options: options)
    for comment in comments { aggregation.add(comment) }
    let indices = aggregateColumns.map { Schema.aggregates.columnNames.firstIndex(of: $0)! }
    return inKeyOrder(aggregation.rows.map { row in
        let values = Rows.aggregate(row, runID: "", at: "")
        return indices.map { values[$0] }
    })
}

/// Aggregate rows sorted by group_key, period and scope (their first three columns) in byte order, whatever the
/// database's collation.
func inKeyOrder(_ rows: [[SQLValue]]) -> [[SQLValue]] {
    rows.sorted { left, right in
        for column in 0..<3 where left[column] != right[column] {
            return Array((left[column].string ?? "").utf8)
                .lexicographicallyPrecedes(Array((right[column].string ?? "").utf8))
        }
        return false
    }
}
