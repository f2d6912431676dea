import Foundation
import RaterDatabase
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `rater analyze --db/--postgres/--manifest` as cron runs it: killed mid-run, re-run, failed, exit codes.
@Suite(.serialized) final class DatabaseCommandLineTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "rater-db-cli-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// A CSV export of `count` distinct comments with ids, about 60 bytes each.
    func generatedExport(_ count: Int) throws -> String {
        let texts = ["环境不错，但是服务员态度很差", "The room was clean and the staff were friendly",
                     "送餐太慢了，等了一个小时", "Great food but the delivery was slow", "房间很干净，前台很热情"]
        var csv = "id,branch,text\n"
        for index in 0..<count { csv += "G\(index),b\(index % 7),\(texts[index % texts.count]) \(index)\n" }
        let path = folder + "generated-\(count).csv"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Everything a dashboard could see, row by row, for before/after comparisons.
    func snapshot(_ path: String) throws -> [String: [[SQLValue]]] {
        try snapshot(SQLiteConnection(path: path))
    }

    func snapshot(_ database: any DatabaseConnection) throws -> [String: [[SQLValue]]] {
        try database.read { executor in
            var tables = [String: [[SQLValue]]]()
            for table in Schema.tables {
                tables[table.name] = try executor.query(
                    "SELECT * FROM \(table.name) ORDER BY " + table.primaryKey.joined(separator: ", "), [])
            }
            return tables
        }
    }

    /// Starts `rater analyze … --db` on a large export, kills it with SIGKILL while it is writing (its WAL is
    /// growing), and checks that every table is exactly as the previous run left it; then re-runs to completion.
    @Test func aKilledRunLeavesThePreviousDatabaseAndARerunCompletes() throws {
        let database = folder + "results.sqlite"
        let first = try CLIProcess.run(["analyze", "Corpora/samples/hotel_reviews_zh.csv", "--db", database,
                                        "--output", folder + "first.jsonl"])
        #expect(first.status == 0, "\(first.standardError)")
        let before = try snapshot(database)
        #expect(before["runs"]?.count == 1)
        #expect((before["comments"]?.count ?? 0) > 10)

        let big = try generatedExport(20_000)
        let process = Process()
        process.executableURL = CLIProcess.executable("rater")
        process.arguments = ["analyze", big, "--db", database, "--output", folder + "big.jsonl", "--jobs", "2"]
        process.currentDirectoryURL = CLIProcess.repository
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["RATER_LEXICONS": CLIProcess.repository.appendingPathComponent("Lexicons").path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        // Mid-run: the transaction has spilled at least 2 MB of pages into the WAL and has not committed. (The export
        // has ids, so its rows are written as they come; `StagedWritingTests` covers a staged run that fails.)
        let deadline = Date().addingTimeInterval(120)
        var walBytes = 0
        while process.isRunning, Date() < deadline, walBytes < 2 << 20 {
            usleep(20_000)
            walBytes = (try? FileManager.default.attributesOfItem(atPath: database + "-wal")[.size] as? Int) ?? 0
        }
        let killedMidRun = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try #require(killedMidRun, "the run finished before it could be killed (WAL \(walBytes) bytes)")
        #expect(process.terminationReason == .uncaughtSignal)

        #expect(try snapshot(database) == before, "a killed run changed the database")
        #expect(try String(contentsOfFile: folder + "first.jsonl", encoding: .utf8).isEmpty == false)

        let rerun = try CLIProcess.run(["analyze", big, "--db", database, "--output", folder + "big.jsonl"])
        #expect(rerun.status == 0, "\(rerun.standardError)")
        let after = try snapshot(database)
        #expect(after["runs"]?.count == 2)
        #expect(after["comments"]?.count == (before["comments"]?.count ?? 0) + 20_000)
        // The first run's rows are untouched by the second (different source).
        #expect(after["comments"]?.filter { $0[0] == .text("Corpora/samples/hotel_reviews_zh.csv") }
            == before["comments"])
    }

    /// A run whose WAL cannot be copied into the database after the commit (here the database file may not grow, as
    /// on a full disk) is still a complete run: its rows are safe in the WAL and every reader sees them. The run says
    /// so on standard error instead of leaving an unexplained WAL beside the database (18 GB after 1 GB of plain
    /// text). The file size limit (`ulimit -f`, with `SIGXFSZ` ignored so that writes fail with `EFBIG`) lets the
    /// WAL and the results file grow but not the database past its size before the run.
    @Test func aJournalThatCannotBeCopiedIsReportedAndTheRunKept() throws {
        let database = folder + "limited.sqlite"
        let first = try CLIProcess.run(["analyze", try generatedExport(3_000), "--db", database,
                                        "--output", folder + "first.jsonl"])
        #expect(first.status == 0, "\(first.standardError)")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: database)[.size] as? Int)
        let second = try generatedExport(1_500)  // another source: every row new, so the database must grow
        func walBytesAfter() -> Int {
            (try? FileManager.default.attributesOfItem(atPath: database + "-wal")[.size] as? Int) ?? 0
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        // `ulimit -f` counts 1 KiB blocks in bash; 64 KiB above the database's size lets the checkpoint start.
        process.arguments = ["-c", "trap '' XFSZ; ulimit -f \(size / 1024 + 64); exec \"$0\" \"$@\"",
                             CLIProcess.executable("rater").path, "analyze", second, "--db", database,
                             "--output", folder + "second.jsonl"]
        process.currentDirectoryURL = CLIProcess.repository
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["RATER_LEXICONS": CLIProcess.repository.appendingPathComponent("Lexicons").path]) { $1 }
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
        #expect(message.contains("SQLite could not copy the WAL into the database"), "\(message)")
        #expect(message.contains("the run is committed and its rows are safe in the WAL"), "\(message)")
        #expect(message.contains("Do not delete the -wal file"), "\(message)")
        #expect(message.contains("the WAL holds \(walBytesAfter()) bytes"), "\(message)")
        #expect(message.contains(database), "\(message)")
        #expect(walBytesAfter() > 0)
        let tables = try snapshot(database)
        #expect(tables["comments"]?.count == 4_500)
        #expect(tables["runs"]?.count == 2)
    }

    /// The same input twice: the same rows (only `runs` grows); the manifest and `runs` agree on counts and exit code.
    @Test func reRunningTheSameInputAddsNoRowsAndTheManifestRecordsTheRun() throws {
        let database = folder + "twice.sqlite"
        let manifest = folder + "run.json"
        let input = "Corpora/unusual/invalid_bytes_gbk.csv"
        var counts = [[String: Int]]()
        for _ in 0..<2 {
            let outcome = try CLIProcess.run(["analyze", input, "--db", database, "--manifest", manifest,
                                              "--output", folder + "out.jsonl"])
            #expect(outcome.status == 3, "\(outcome.standardError)")
            counts.append(try snapshot(database).mapValues(\.count))
        }
        #expect(counts[0]["comments"] == 2 && counts[0]["rejects"] == 1 && counts[0]["runs"] == 1)
        #expect(counts[1]["runs"] == 2)
        counts[1]["runs"] = 1
        #expect(counts[0] == counts[1])

        let written = try RunManifest.decode(String(contentsOfFile: manifest, encoding: .utf8))
        #expect(written.exitCode == 3 && written.status == "complete_with_rejects")
        #expect(written.counts.read == 3 && written.counts.analysed == 2 && written.counts.rejected == 1)
        #expect(written.counts.rejectedByReason == ["invalid_encoding": 1])
        #expect(written.inputs.count == 1 && written.inputs[0].path == input && written.inputs[0].sha256?.count == 64)
        #expect(written.lexicons.count > 5 && written.lexiconVersion != nil)
        let runs = try snapshot(database)["runs"] ?? []
        #expect(runs.contains { $0[0] == .text(written.runID) })
    }

    /// `--strict` keeps what was read before the stop, and says so in `runs` and the manifest (exit code 4).
    @Test func aStrictStopIsRecordedAsStopped() throws {
        let database = folder + "strict.sqlite"
        let outcome = try CLIProcess.run(["analyze", "--strict", "Corpora/unusual/invalid_bytes_gbk.csv", "--db", database,
                                          "--manifest", folder + "strict.json", "--output", folder + "strict.jsonl"])
        #expect(outcome.status == 4, "\(outcome.standardError)")
        let tables = try snapshot(database)
        #expect(tables["runs"]?.count == 1 && tables["rejects"]?.count == 1)
        let manifest = try RunManifest.decode(String(contentsOfFile: folder + "strict.json", encoding: .utf8))
        #expect(manifest.status == "stopped" && manifest.exitCode == 4)
        #expect(tables["comments"]?.count == manifest.counts.analysed)
    }

    /// A database that cannot be opened is fatal before anything is read, and the previous outputs stay.
    @Test func anUnopenableDatabaseFailsWithExitCodeOne() throws {
        try Data("previous\n".utf8).write(to: URL(fileURLWithPath: folder + "keep.jsonl"))
        let outcome = try CLIProcess.run(["analyze", "Corpora/samples/hotel_reviews_zh.csv",
                                          "--db", folder + "no/such/folder/x.sqlite", "--output", folder + "keep.jsonl"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("cannot open the database"))
        #expect(try String(contentsOfFile: folder + "keep.jsonl", encoding: .utf8) == "previous\n")
    }

    /// A new, empty PostgreSQL schema on the test server, reached through `search_path`.
    func postgresScratch() throws -> (url: String, schema: String) {
        try PostgresTestSchema.create("cli", on: ProcessInfo.processInfo.environment["RATER_TEST_POSTGRES_URL"]!)
    }

    /// The PostgreSQL version of the kill test: the run is killed while its transaction holds its write lock on
    /// `comments`; the server rolls the transaction back when the connection drops.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["RATER_TEST_POSTGRES_URL"] != nil,
                   "RATER_TEST_POSTGRES_URL is not set: start a server with `eval \"$(scripts/postgres-test-server.sh start)\"`"))
    func aKilledPostgresRunLeavesThePreviousContent() throws {
        let (url, schema) = try postgresScratch()
        let first = try CLIProcess.run(["analyze", "Corpora/samples/hotel_reviews_zh.csv", "--postgres", url,
                                        "--output", folder + "first.jsonl"])
        #expect(first.status == 0, "\(first.standardError)")
        let database = try PostgresConnection(url: url)
        let before = try snapshot(database)
        #expect(before["runs"]?.count == 1)

        let big = try generatedExport(10_000)
        let process = Process()
        process.executableURL = CLIProcess.executable("rater")
        process.arguments = ["analyze", big, "--postgres", url, "--output", folder + "big.jsonl"]
        process.currentDirectoryURL = CLIProcess.repository
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["RATER_LEXICONS": CLIProcess.repository.appendingPathComponent("Lexicons").path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let locks = """
            SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relname = 'comments' AND l.mode = 'RowExclusiveLock'
            """
        let deadline = Date().addingTimeInterval(120)
        var writing = false
        while process.isRunning, Date() < deadline, !writing {
            usleep(20_000)
            writing = (try database.read { try $0.query(locks, [.text(schema)]) }.first?.first?.int ?? 0) > 0
        }
        usleep(500_000)  // well into the run's writes
        let killedMidRun = process.isRunning && writing
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try #require(killedMidRun, "the run finished before it could be killed")
        #expect(try snapshot(database) == before, "a killed run changed the database")

        let rerun = try CLIProcess.run(["analyze", big, "--postgres", url, "--output", folder + "big.jsonl"])
        #expect(rerun.status == 0, "\(rerun.standardError)")
        let after = try snapshot(database)
        #expect(after["runs"]?.count == 2)
        #expect(after["comments"]?.count == (before["comments"]?.count ?? 0) + 10_000)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["RATER_TEST_POSTGRES_URL"] != nil,
                   "RATER_TEST_POSTGRES_URL is not set: start a server with `eval \"$(scripts/postgres-test-server.sh start)\"`"))
    func postgresAndSQLiteGetTheSameRows() throws {
        let (url, _) = try postgresScratch()
        let database = folder + "both.sqlite"
        let outcome = try CLIProcess.run(["analyze", "Corpora/samples/restaurant_delivery_en.csv", "--db", database,
                                          "--postgres", url, "--output", folder + "both.jsonl"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let postgres = try PostgresConnection(url: url)
        let sqlite = try SQLiteConnection(path: database)
        let query = "SELECT source, comment_key, id, record, label, score, fields FROM comments ORDER BY record"
        let fromPostgres = try postgres.read { try $0.query(query, []) }
        #expect(fromPostgres.count > 10)
        #expect(fromPostgres == (try sqlite.read { try $0.query(query, []) }))
        let dimensions = "SELECT comment_key, dimension, label, score FROM dimension_mentions ORDER BY 1, 2"
        #expect((try postgres.read { try $0.query(dimensions, []) }) == (try sqlite.read { try $0.query(dimensions, []) }))
    }
}
