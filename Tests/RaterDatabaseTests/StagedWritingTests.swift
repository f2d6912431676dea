import Foundation
import RaterCore
import RaterSinks
import Testing

@testable import RaterDatabase

/// `StagedRunWriter`, what SQLite runs write through: the rows it leaves are `RunWriter`'s (`BatchedWritingTests`
/// compares the tables), and these pin what makes it worth having and what it must not break.
@Suite struct StagedWritingTests {
    /// The merge's look-ups go through the tables' primary keys: a full scan of `dimension_mentions`,
    /// `aspect_mentions` or `signals` per
    /// run would grow with everything a database has ever stored. With no statistics, and with `ANALYZE` statistics
    /// that count fewer rows than SQLite guesses for the staging tables, which have none (a dashboard may run it on a
    /// young database and never again).
    @Test(arguments: [false, true]) func theMergeLooksKeysUpInsteadOfScanningTables(analysed: Bool) throws {
        let replacement = StagedRunWriter.replacementStatements
        let creates = replacement.filter { $0.hasPrefix("CREATE TABLE") }
        #expect(creates.count == 2)
        let statements = StagedRunWriter.mergeStatements + replacement.filter { !$0.hasPrefix("CREATE TABLE") }
        let scratch = try Scratch(.sqlite)
        let database = try scratch.openWithTables()
        if analysed {
            try database.transaction { executor in
                try executor.execute("ANALYZE", [])
                // 60,000 rows in two sources; a comment's mentions and signals a few rows each.
                let counts = [(Schema.comments, "60000 30000 1"), (Schema.dimensionMentions, "60000 30000 3 1"),
                              (Schema.aspectMentions, "30000 30000 2 1"), (Schema.signals, "60000 30000 2 1 1")]
                for (table, stat) in counts {
                    try executor.execute("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)",
                                         [.text(table.name), .text("sqlite_autoindex_\(table.name)_1"), .text(stat)])
                }
                try executor.execute("ANALYZE sqlite_schema", [])  // reads the statistics again
            }
        }
        let plans = try database.transaction { executor in
            let writer = StagedRunWriter(executor: executor, runID: "run", timestamp: "2026-11-27T00:00:00.000Z")
            try writer.write(StoredComment(comment(nil, record: 1)))  // keyed by its text: staging begins
            for statement in creates { try executor.execute(statement, []) }
            return try statements.map { statement in
                try executor.query("EXPLAIN QUERY PLAN " + statement, []).map { row in row.last?.string ?? "" }
            }
        }
        #expect(plans.count == 10)
        for (statement, plan) in zip(statements, plans) {
            for table in [Schema.comments, Schema.dimensionMentions, Schema.aspectMentions, Schema.signals] {
                #expect(!plan.contains { $0.hasPrefix("SCAN \(table.name)") || $0.hasPrefix("SCAN t") },
                        "\(statement): \(plan)")
            }
            #expect(!plan.contains { $0.hasPrefix("BLOOM FILTER") }, "\(statement): \(plan)")
        }
        // The sorted keys are sorted once, then written in order.
        for plan in plans[5...6] {
            #expect(plan.contains { $0 == "USE TEMP B-TREE FOR ORDER BY" }, "\(plan)")
        }
        // The deletes go over the run's keys in key order and find a comment's stored mentions and signals by the
        // primary key's index alone, reading no row; then a mention's key in the run's keys (its dimensions' or
        // aspects' bits), a signal's in the sorted signal keys.
        let lookUps = ["SEARCH r USING PRIMARY KEY (source=? AND comment_key=?)",
                       "SEARCH r USING PRIMARY KEY (source=? AND comment_key=?)",
                       "SEARCH s USING PRIMARY KEY (source=? AND comment_key=? AND signal=? AND value=?)"]
        let deletes = zip(plans.suffix(3), zip(["dimension_mentions", "aspect_mentions", "signals"], lookUps))
        for (plan, (table, lookUp)) in deletes {
            #expect(plan.contains {
                $0 == "SEARCH t USING COVERING INDEX sqlite_autoindex_\(table)_1 (source=? AND comment_key=?)"
            }, "\(plan)")
            #expect(plan.contains { $0.contains("sqlite_autoindex_rater_staged_replaced_keys_1 FOR IN-OPERATOR") },
                    "\(plan)")
            #expect(plan.contains { $0 == lookUp }, "\(plan)")
        }
    }

    /// Repeated texts are numbered in input order, and a rerun over the same input keeps the keys: the rows are
    /// replaced, not added, and a comment that lost a signal loses its row.
    @Test func keysAreStableAcrossRunsAndRerunsReplaceRows() throws {
        let scratch = try Scratch(.sqlite)
        func run(signal: SignalValue?) throws -> [[SQLValue]] {
            let recorder = try RunRecorder(options: scratch.options())
            try recorder.record { sink in
                for (record, text) in ["好评", "房间很干净", "好评", "好评"].enumerated() {
                    var stored = StoredComment(comment(nil, record: record + 1, text: text))
                    if let signal, record == 3 {
                        stored.signals = [StoredComment.Signal(value: signal, evidenceJSON: "[]")]
                    }
                    try sink.write(stored)
                }
                return .finished
            }
            return try scratch.open().read { executor in
                try executor.query("SELECT comment_key, record FROM comments ORDER BY record", [])
            }
        }
        let digest = "sha256:" + SHA256Digest.hex(of: "好评")
        let first = try run(signal: .loyal)
        #expect(first.map { $0[0] } == [.text(digest), .text("sha256:" + SHA256Digest.hex(of: "房间很干净")),
                                          .text(digest + "#2"), .text(digest + "#3")])
        #expect(try scratch.open().count(Schema.signals) == 1)
        #expect(try run(signal: nil) == first)
        #expect(try scratch.open().count(Schema.signals) == 0)
        #expect(try scratch.open().count(Schema.comments) == 4)
    }

    /// The staging tables go with the transaction, failed or committed: the next run on the same connection starts
    /// from an empty staging database (`SQLiteConnection.stagingSchema`, detached when a transaction ends).
    @Test func aFailedRunLeavesNoStagedRowsForTheNext() throws {
        let scratch = try Scratch(.sqlite)
        let database = try scratch.openWithTables()
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try database.transaction { executor in
                try StagedRunWriter(executor: executor, runID: "failed", timestamp: "t").writeNumbered("F", count: 40)
                throw Stop()
            }
        }
        // The writing connection's own attached database: another connection never sees it. Anonymous (a temporary
        // file), never synced, its pages freed without zeroing, and as large as a new database's.
        let (left, settings) = try database.transaction { executor in
            (try executor.query("SELECT name FROM rater_staging.sqlite_schema", []),
             try executor.query("SELECT file FROM pragma_database_list WHERE name = 'rater_staging'", [])
                + executor.query("PRAGMA rater_staging.synchronous", [])
                + executor.query("PRAGMA rater_staging.secure_delete", [])
                + executor.query("PRAGMA rater_staging.page_size", []))
        }
        #expect(left.isEmpty, "staging tables left behind: \(left)")
        let pageSize = SQLValue.integer(SQLiteConnection.newDatabasePageSize)
        #expect(settings == [[.text("")], [.integer(0)], [.integer(0)], [pageSize]])
        let staged = try database.transaction { executor in
            let writer = StagedRunWriter(executor: executor, runID: "next", timestamp: "t")
            try writer.writeNumbered("N", count: 40)
            // The first 32 have gone into the staging table (one statement); the rest wait for `finish()`.
            let staged = try executor.query("SELECT text FROM \(StagedRunWriter.stagedComments.name) ORDER BY seq", [])
            try writer.finish()
            // Kept until the transaction ends: detaching their database is what throws them away.
            let kept = try executor.query("SELECT count(*) FROM \(StagedRunWriter.stagedComments.name)", [])
            #expect(kept == [[.integer(40)]])
            return staged
        }
        #expect(staged == (1...32).map { [.text("N\($0)")] })
        let texts = try database.read { try $0.query("SELECT text, run_id FROM comments ORDER BY record", []) }
        #expect(texts == (1...40).map { [.text("N\($0)"), .text("next")] })
        let afterFinish = try database.transaction { executor in
            try executor.query("SELECT name FROM rater_staging.sqlite_schema", [])
        }
        #expect(afterFinish.isEmpty, "staging tables left after the run: \(afterFinish)")
    }

    /// An export whose comments all have ids is written as it comes, with no staging tables.
    @Test func anExportWithIdsIsNotStaged() throws {
        let scratch = try Scratch(.sqlite)
        let database = try scratch.openWithTables()
        let temporary = try database.transaction { executor in
            let writer = StagedRunWriter(executor: executor, runID: "run", timestamp: "t")
            for record in 1...40 { try #require(try writer.write(StoredComment(comment("C\(record)", record: record))) == "C\(record)") }
            let temporary = try executor.query("SELECT name FROM rater_staging.sqlite_schema", [])
            try writer.finish()
            return temporary
        }
        #expect(temporary.isEmpty)
        #expect(try database.count(Schema.comments) == 40)
    }

    /// Long comments: 64 of about 150 KB each, twice into the same database. SQLite 3.40 failed the first run with
    /// "database or disk is full" while Rater kept statement journals in memory up to 4 MiB (see `SQLiteConnection`):
    /// moving such a journal to its file wrote nothing.
    @Test func longCommentsAreStoredAndReplaced() throws {
        let scratch = try Scratch(.sqlite)
        let paragraph = String(repeating: "服务很好，房间干净，早餐丰富。", count: 3_400)
        for run in 1...2 {
            let manifest = try RunRecorder(options: scratch.options()).record { sink in
                for record in 1...64 {
                    try sink.write(StoredComment(comment("L\(record)", record: record, text: paragraph + "\(run)")))
                }
                return .finished
            }
            #expect(manifest.status == "complete")
        }
        let texts = try scratch.open().read { try $0.query("SELECT text FROM comments", []) }
        #expect(texts.count == 64)
        #expect(texts.allSatisfy { $0[0] == .text(paragraph + "2") })
    }

    /// The indexes the key-ordered merge would write at random are dropped and built again when the run stages at
    /// least a third as many comments as the table holds, and kept otherwise; either way the database ends with
    /// every index, consistent with its table.
    @Test func unorderedIndexesAreBuiltAgainOnlyForRunsLargeNextToTheTable() throws {
        #expect(StagedRunWriter.unorderedIndexes.map(\.name)
                == ["comments_by_source_record", "comments_by_confidence"])
        #expect(StagedRunWriter.rebuildsIndexes(storedRows: 0, stagedRows: 1))
        #expect(StagedRunWriter.rebuildsIndexes(storedRows: 300, stagedRows: 100))
        #expect(!StagedRunWriter.rebuildsIndexes(storedRows: 301, stagedRows: 100))
        #expect(!StagedRunWriter.rebuildsIndexes(storedRows: 0, stagedRows: 0))
        let scratch = try Scratch(.sqlite)
        let database = try scratch.openWithTables()
        func indexes() throws -> [[SQLValue]] {
            try database.read { try $0.query("SELECT name FROM sqlite_schema WHERE type = 'index' ORDER BY name", []) }
        }
        // Dropping or creating an index moves the schema's version on; temporary tables have a schema of their own.
        func schemaVersion() throws -> [[SQLValue]] {
            try database.read { try $0.query("PRAGMA main.schema_version", []) }
        }
        // With `ids`, comments with export ids are written before staging begins and counted among the stored rows.
        func run(_ prefix: String, comments: Int, ids: Int = 0, failing: Bool = false) throws {
            struct Stop: Error {}
            do {
                try database.transaction { executor in
                    let writer = StagedRunWriter(executor: executor, runID: prefix, timestamp: "t")
                    try writer.writeNumbered(prefix, count: comments, ids: ids)
                    try writer.finish()
                    if failing { throw Stop() }
                }
            } catch is Stop {}
        }
        let names = try indexes().map { $0[0] }
        var version = try schemaVersion()
        try run("A", comments: 40)  // into an empty table
        #expect(try schemaVersion() != version)
        // What `ANALYZE` records about the indexes outlives their rebuilding.
        try database.transaction { try $0.execute("ANALYZE", []) }
        func statistics() throws -> [[SQLValue]] {
            try database.read { try $0.query("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'comments' ORDER BY idx", []) }
        }
        let analysed = try statistics()
        #expect(analysed.count == Schema.comments.indexes.count + 1)  // and the primary key's
        version = try schemaVersion()
        try run("B", comments: 10)  // 40 stored, 10 staged: kept
        #expect(try schemaVersion() == version)
        try run("C", comments: 20, failing: true)  // 50 stored, 20 staged: built again, then rolled back
        #expect(try schemaVersion() == version)
        #expect(try indexes().map { $0[0] } == names)
        try run("D", comments: 25, ids: 5)  // 55 stored once its ids are in, 20 staged
        #expect(try schemaVersion() != version)
        #expect(try indexes().map { $0[0] } == names)
        #expect(try statistics() == analysed)
        #expect(try database.count(Schema.comments) == 75)
        let check = try database.read { try $0.query("PRAGMA integrity_check", []) }
        #expect(check == [[.text("ok")]])
        // The rebuilt index answers a query on its own, every row in it.
        let byRecord = try database.read { executor in
            try executor.query("SELECT count(*) FROM comments INDEXED BY comments_by_source_record WHERE source = ?",
                               [.text(comment(nil, record: 1).source)])
        }
        #expect(byRecord == [[.integer(75)]])
    }

    /// The merge's own cache, sort threads and freeing of pages are the connection's until the merge ends, and no
    /// longer, whether it succeeds or fails between dropping the indexes and building them again: the writer's cache
    /// is back for what the run writes after it, and sorts elsewhere (`rater serve`) use no helper thread. A merge
    /// that fails there leaves the indexes as they were, rolled back with the rest.
    @Test func theMergeGivesBackTheConnectionsSettings() throws {
        let scratch = try Scratch(.sqlite)
        let database = try scratch.openWithTables()
        func current(_ executor: any SQLExecutor) throws -> [[SQLValue]] {
            try executor.query("PRAGMA cache_size", []) + executor.query("PRAGMA threads", [])
                + executor.query("PRAGMA main.secure_delete", [])
        }
        func run(_ prefix: String) throws -> [[SQLValue]] {
            try database.transaction { executor in
                let writer = StagedRunWriter(executor: executor, runID: prefix, timestamp: "t")
                try writer.writeNumbered(prefix, count: 40)
                try writer.finish()
                return try current(executor)
            }
        }
        let before = try database.transaction { try current($0) }
        #expect(before[0...1] == [[.integer(-SQLiteConnection.writerCacheKiB)], [.integer(0)]])
        #expect(try run("S") == before)
        // Fails in the mentions' merge: after the indexes were dropped, before they are built again.
        try database.transaction { executor in
            try executor.execute("CREATE TEMP TRIGGER stop BEFORE INSERT ON main.dimension_mentions "
                                 + "BEGIN SELECT RAISE(ABORT, 'stopped'); END", [])
        }
        let indexes = try database.read { try $0.query("SELECT name FROM sqlite_schema WHERE type = 'index'", []) }
        #expect(throws: (any Error).self) { try run("F") }
        #expect(try database.transaction { try current($0) } == before)
        #expect(try database.read { try $0.query("SELECT name FROM sqlite_schema WHERE type = 'index'", []) } == indexes)
        #expect(try database.read { try $0.query("PRAGMA integrity_check", []) } == [[.text("ok")]])
        #expect(try database.count(Schema.comments) == 40)
    }
}

extension StagedRunWriter {
    /// Writes comments 1…`count` with texts `prefix` and the record number, each keyed by a digest of its own, so
    /// that they are staged; the first `ids` of them have export ids (`prefix-n`) instead, and are written at once.
    func writeNumbered(_ prefix: String, count: Int, ids: Int = 0) throws {
        for record in 1...count {
            let id = record <= ids ? "\(prefix)-\(record)" : nil
            try write(StoredComment(comment(id, record: record, text: "\(prefix)\(record)")))
        }
    }
}
