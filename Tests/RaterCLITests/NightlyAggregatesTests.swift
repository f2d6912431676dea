import Foundation
import RaterDatabase
import Testing

/// The `aggregates` table a dashboard reads after nightly runs: the figures of every comment the database holds,
/// not of the last night's. Each run upserted the rows its own comments gave, so after an incremental night that
/// appended one comment, the overall row said 1 while `comments` held 4.
@Suite struct NightlyAggregatesTests {
    let directory = NSTemporaryDirectory() + "rater-nightly-aggregates-\(UUID().uuidString)/"
    static let postgresURL = ProcessInfo.processInfo.environment["RATER_TEST_POSTGRES_URL"]

    /// The columns that hold figures (not the run that wrote them).
    static let figures = Schema.aggregates.columnNames.filter { $0 != "run_id" && $0 != "written_at" }

    /// The `aggregates` table's figures, sorted by key in byte order whatever the database's collation.
    func aggregates(_ database: any DatabaseConnection) throws -> [[SQLValue]] {
        let rows = try database.read {
            try $0.query("SELECT \(Self.figures.joined(separator: ", ")) FROM aggregates", [])
        }
        return rows.sorted { left, right in
            for column in 0..<3 where left[column] != right[column] {
                return Array((left[column].string ?? "").utf8)
                    .lexicographicallyPrecedes(Array((right[column].string ?? "").utf8))
            }
            return false
        }
    }

    /// The `comments` column of the all-time overall row of `groupKey`.
    func comments(_ database: any DatabaseConnection, groupKey: String) throws -> Int? {
        try database.read {
            try $0.query("SELECT comments FROM aggregates WHERE group_key = \(database.dialect.placeholder(1)) "
                         + "AND period = '' AND scope = 'overall'", [.text(groupKey)])
        }.first?.first?.int
    }

    /// A new, empty PostgreSQL schema on the test server, reached through `search_path`.
    func postgresScratch() throws -> String? {
        guard let base = Self.postgresURL else { return nil }
        return try PostgresTestSchema.create("aggregates", on: base).url
    }

    func append(_ text: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    func analyze(_ arguments: [String]) throws {
        let outcome = try CLIProcess.run(["analyze"] + arguments)
        #expect(outcome.status == 0, "\(outcome.standardError)")
    }

    /// The review's repro: three comments, then one appended and analysed incrementally. The database must hold
    /// the figures one run over all four gives, in SQLite and (when a test server runs) PostgreSQL.
    @Test func anIncrementalNightAggregatesEveryStoredComment() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let export = directory + "n.csv"
        try "id,comment,branch\n1,great service,A\n2,slow delivery,A\n3,rude staff,B\n"
            .write(toFile: export, atomically: true, encoding: .utf8)
        let postgres = try postgresScratch()
        let nightly = ["--text-column", "comment", "--id-column", "id", "--group-by", "branch",
                       "--db", directory + "inc.sqlite", "--incremental", directory + "inc.state"]
            + (postgres.map { ["--postgres", $0] } ?? [])
        try analyze([export, "-o", directory + "inc1.jsonl"] + nightly)
        try append("4,lovely,A\n", to: export)
        try analyze([export, "-o", directory + "inc2.jsonl"] + nightly)

        try analyze([export, "-o", directory + "whole.jsonl", "--text-column", "comment", "--id-column", "id",
                     "--group-by", "branch", "--db", directory + "whole.sqlite"])
        let whole = try aggregates(SQLiteConnection(path: directory + "whole.sqlite"))
        var databases: [any DatabaseConnection] = [try SQLiteConnection(path: directory + "inc.sqlite")]
        if let postgres { databases.append(try PostgresConnection(url: postgres)) }
        for database in databases {
            #expect(try database.count(Schema.comments) == 4)
            #expect(try comments(database, groupKey: "") == 4, "\(database.displayName)")
            #expect(try comments(database, groupKey: "branch=A") == 3, "\(database.displayName)")
            #expect(try comments(database, groupKey: "branch=B") == 1, "\(database.displayName)")
            #expect(try aggregates(database) == whole, "\(database.displayName)")
        }
    }

    /// Plain nightly runs over each day's drop, by ISO week: a week's rows span the nights that fed it, and a
    /// re-run of a night (its comments replaced) counts them once. PostgreSQL alone when a test server runs.
    @Test func nightlyDropsByWeekAndARerunCountEachCommentOnce() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let header = "id,text,branch,date,csat\n"
        let days = [
            header + "1,The room was clean,A,2026-11-23 09:00,5\n2,The staff were rude,B,2026-11-23 10:00,2\n",
            header + "3,Great food but the delivery was slow,A,2026-11-24 12:00,3\n4,lovely,B,2026-11-30 08:00,4\n",
            header + "5,slow delivery,A,2026-11-17 18:00,1\n6,friendly staff,C,,5\n",
        ]
        var files = [String]()
        for (index, text) in days.enumerated() {
            let path = directory + "day\(index + 1).csv"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            files.append(path)
        }
        let grouping = ["--group-by", "branch", "--date-column", "date", "--bucket", "week",
                        "--time-zone", "Asia/Shanghai", "--csat-column", "csat"]
        var targets = [["--db", directory + "nightly.sqlite"]]
        if let postgres = try postgresScratch() { targets.append(["--postgres", postgres]) }
        for target in targets {
            for file in files + [files[1]] {
                try analyze([file, "-o", directory + "night.jsonl"] + grouping + target)
            }
        }
        try analyze(files + ["-o", directory + "whole.jsonl", "--db", directory + "whole.sqlite"] + grouping)
        let whole = try aggregates(SQLiteConnection(path: directory + "whole.sqlite"))
        #expect(whole.contains { $0[1] == .text("2026-W48") && $0[0] == .text("branch=A") })
        var databases: [any DatabaseConnection] = [try SQLiteConnection(path: directory + "nightly.sqlite")]
        if targets.count > 1 { databases.append(try PostgresConnection(url: targets[1][1])) }
        for database in databases {
            #expect(try database.count(Schema.comments) == 6)
            #expect(try comments(database, groupKey: "") == 6, "\(database.displayName)")
            #expect(try aggregates(database) == whole, "\(database.displayName)")
        }
    }

    /// A run that fails (here its aggregate file cannot be written) leaves the aggregates of the run before.
    @Test func aFailedRunLeavesTheAggregatesItFound() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (first, second) = (directory + "first.csv", directory + "second.csv")
        try "id,text,branch\n1,great service,A\n2,slow delivery,B\n".write(toFile: first, atomically: true,
                                                                           encoding: .utf8)
        try "id,text,branch\n3,rude staff,C\n".write(toFile: second, atomically: true, encoding: .utf8)
        var targets = [["--db", directory + "kept.sqlite"]]
        if let postgres = try postgresScratch() { targets.append(["--postgres", postgres]) }
        let target = targets.flatMap { $0 }
        try analyze([first, "-o", directory + "first.jsonl", "--group-by", "branch"] + target)
        var databases: [any DatabaseConnection] = [try SQLiteConnection(path: directory + "kept.sqlite")]
        if targets.count > 1 { databases.append(try PostgresConnection(url: targets[1][1])) }
        let before = try databases.map(aggregates)
        #expect(before.allSatisfy { !$0.isEmpty })
        let failed = try CLIProcess.run(["analyze", second, "-o", directory + "second.jsonl", "--group-by", "channel",
                                         "--aggregate-csv", "/dev/full"] + target)
        #expect(failed.status == 1, "\(failed.standardError)")
        #expect(try databases.map(aggregates) == before)
        for database in databases { #expect(try comments(database, groupKey: "branch=C") == nil) }
    }

    /// Two group columns: the table holds a row per branch over all its channels, keyed by the branch alone
    /// (`branch=A`), apart from the cell of a channel left empty (`branch=A; channel=`), in SQLite and PostgreSQL;
    /// and the branch's figures are those a run grouped by branch alone stores.
    @Test func twoColumnsStoreEachBranchOverAllItsChannels() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let export = directory + "c.csv"
        try "id,text,branch,channel\n1,great service,A,app\n2,slow delivery,A,\n3,rude staff,A,app\n4,lovely,B,web\n"
            .write(toFile: export, atomically: true, encoding: .utf8)
        var targets = [["--db", directory + "two.sqlite"]]
        if let postgres = try postgresScratch() { targets.append(["--postgres", postgres]) }
        try analyze([export, "-o", directory + "two.jsonl", "--group-by", "branch", "--group-by", "channel"]
                    + targets.flatMap { $0 })
        try analyze([export, "-o", directory + "one.jsonl", "--group-by", "branch", "--db", directory + "one.sqlite"])
        let one = try aggregates(SQLiteConnection(path: directory + "one.sqlite"))
        var databases: [any DatabaseConnection] = [try SQLiteConnection(path: directory + "two.sqlite")]
        if targets.count > 1 { databases.append(try PostgresConnection(url: targets[1][1])) }
        for database in databases {
            let rows = try aggregates(database)
            let keys = rows.filter { $0[1] == .text("") && $0[2] == .text("overall") }.map { $0[0].string ?? "?" }
            #expect(keys == ["", "branch=A", "branch=A; channel=", "branch=A; channel=app", "branch=B",
                             "branch=B; channel=web"], "\(database.displayName)")
            #expect(try comments(database, groupKey: "branch=A") == 3)
            #expect(try comments(database, groupKey: "branch=A; channel=") == 1)
            let groups = try database.read {
                try $0.query("SELECT groups FROM aggregates WHERE group_key = 'branch=A' AND scope = 'overall'", [])
            }.first?.first?.string
            #expect(groups?.replacingOccurrences(of: " ", with: "") == #"{"branch":"A"}"#)
            // Every row over `branch` alone is the row of a run grouped by branch alone.
            let rollups = rows.filter { !($0[0].string ?? "").contains(";") }
            #expect(rollups.count == one.count)
            #expect(rollups.map { $0.dropFirst(4) } == one.map { $0.dropFirst(4) }, "\(database.displayName)")
        }
    }
}
