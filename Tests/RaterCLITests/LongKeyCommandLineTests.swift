import Foundation
import RaterDatabase
import Testing

/// An export with one absurdly long id and one absurdly long group value: the results file, SQLite and PostgreSQL
/// agree. The id is a per-record rejection (`id_too_long`) before analysis; the group is stored under a key cut to
/// 512 bytes. PostgreSQL used to fail the whole run (`index row size 3024 exceeds btree version 4 maximum 2704 for
/// index comments_pkey`, and the same for `aggregates_pkey`) where SQLite finished it.
@Suite(.serialized) final class LongKeyCommandLineTests {
    let folder: String
    let export: String
    let longID: String
    let longBranch: String

    init() throws {
        folder = NSTemporaryDirectory() + "rater-long-keys-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // Random characters, which PostgreSQL cannot compress under its index limit.
        longID = (0..<84).map { _ in UUID().uuidString }.joined()
        longBranch = (0..<84).map { _ in UUID().uuidString }.joined()
        var csv = "id,branch,text\n"
        for index in 1...8 { csv += "L\(index),b\(index % 2),服务很好，房间干净 \(index)\n" }
        csv += "\(longID),b1,前台态度很差\n"
        csv += "L9,\(longBranch),The staff were friendly\n"
        export = folder + "export.csv"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: export))
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func run(_ database: [String], name: String) throws -> CLIProcess.Outcome {
        try CLIProcess.run(["analyze", export, "--group-by", "branch", "--output", folder + name + ".jsonl",
                            "--rejects", folder + name + ".rejects.jsonl"] + database)
    }

    /// What the run stored, for comparisons between databases and runs.
    func stored(_ database: any DatabaseConnection) throws -> [[SQLValue]] {
        try database.read { executor in
            try executor.query("SELECT comment_key, id, record FROM comments ORDER BY record", [])
                + executor.query("SELECT group_key, period, scope, groups, comments FROM aggregates "
                    + "ORDER BY group_key, period, scope", [])
                + executor.query("SELECT source, record, reason FROM rejects ORDER BY record", [])
        }
    }

    func check(_ outcome: CLIProcess.Outcome, name: String) throws {
        #expect(outcome.status == 3, "\(outcome.standardError)")
        #expect(try lines(folder + name + ".jsonl").count == 9)
        let rejects = try lines(folder + name + ".rejects.jsonl")
        #expect(rejects.count == 1)
        #expect(rejects.first?.contains(#""reason":"id_too_long""#) == true)
        #expect(rejects.first?.contains("the id is 3024 bytes, over the 512-byte limit") == true)
    }

    func checkStored(_ rows: [[SQLValue]]) {
        let keys = rows.compactMap { $0.first?.string }
        #expect(!keys.contains(longID))
        #expect(keys.allSatisfy { $0.utf8.count <= 512 })
        #expect(rows.contains { $0.count == 5 && $0[3].string == #"{"branch":"\#(longBranch)"}"# })
        #expect(rows.contains { $0 == [.text(export), .integer(9), .text("id_too_long")] })
    }

    @Test func sqliteRejectsTheLongIDAndStoresTheLongGroup() throws {
        let database = folder + "results.sqlite"
        try check(try run(["--db", database], name: "sqlite"), name: "sqlite")
        let first = try stored(SQLiteConnection(path: database))
        let comments = try SQLiteConnection(path: database).read { try $0.query("SELECT count(*) FROM comments", []) }
        #expect(comments == [[.integer(9)]])
        checkStored(first)
        // A re-run keys everything the same way: rows replaced, none added.
        try check(try run(["--db", database], name: "sqlite"), name: "sqlite")
        #expect(try stored(SQLiteConnection(path: database)) == first)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["RATER_TEST_POSTGRES_URL"] != nil,
                   "RATER_TEST_POSTGRES_URL is not set: start a server with `eval \"$(scripts/postgres-test-server.sh start)\"`"))
    func postgresAgreesWithSQLite() throws {
        let base = ProcessInfo.processInfo.environment["RATER_TEST_POSTGRES_URL"]!
        let (url, schema) = try PostgresTestSchema.create("long", on: base)
        defer { try? PostgresConnection(url: base).transaction { try $0.execute("DROP SCHEMA \(schema) CASCADE", []) } }
        let database = folder + "both.sqlite"
        try check(try run(["--postgres", url, "--db", database], name: "both"), name: "both")
        let fromPostgres = try stored(PostgresConnection(url: url))
        checkStored(fromPostgres)
        #expect(fromPostgres == (try stored(SQLiteConnection(path: database))))
        try check(try run(["--postgres", url], name: "both"), name: "both")
        #expect(try stored(PostgresConnection(url: url)) == fromPostgres)
    }
}
