import Foundation
import Testing

@testable import RaterDatabase

/// A nightly run is one transaction, so SQLite's WAL grows to the size of what it writes; the run gives that disk
/// back when it ends, even while a dashboard or `rater serve` holds the database open, and never waits long for
/// readers that are in the way.
@Suite struct JournalReleaseTests {
    private func walBytes(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int
    }

    /// A fresh database with its tables, and a dashboard's connection open on it before any run; `scratch` keeps the
    /// file for as long as the test holds this.
    private struct OpenDatabase {
        let scratch: Scratch
        let path: String
        let dashboard: SQLiteConnection

        init() throws {
            scratch = try Scratch(.sqlite)
            path = try #require(scratch.sqlitePath)
            dashboard = try SQLiteConnection(path: path)
            try dashboard.createSchema()
        }
    }

    @Test func aRunLeavesNoWALBehindWhileAReaderHoldsTheDatabaseOpen() throws {
        // A dashboard's connection, open before the run and after it; SQLite deletes the WAL only when the last
        // connection closes, so without the checkpoint the run's frames would stay on disk.
        let open = try OpenDatabase()
        let (scratch, path, dashboard) = (open.scratch, open.path, open.dashboard)
        #expect(try dashboard.count(Schema.comments) == 0)

        let manifest = try RoundTripTests().writeRun(scratch)

        #expect(manifest.status == "complete_with_rejects")
        #expect(walBytes(path) == 0, "the WAL holds \(walBytes(path) ?? -1) bytes after the run")
        // The rows are in the database file itself, and the open connection sees them.
        #expect(try dashboard.count(Schema.comments) == 3)
    }

    @Test func aFailedRunLeavesNoWALBehindEither() throws {
        let open = try OpenDatabase()
        let (scratch, path, dashboard) = (open.scratch, open.path, open.dashboard)
        #expect(try dashboard.count(Schema.comments) == 0)

        struct Failure: Error {}
        #expect(throws: Failure.self) {
            try RunRecorder(options: scratch.options()).record { sink in
                try sink.write(comment("H001", record: 1))
                throw Failure()
            }
        }

        #expect(walBytes(path) == 0, "the WAL holds \(walBytes(path) ?? -1) bytes after the failed run")
        #expect(try dashboard.count(Schema.comments) == 0)
    }

    /// A reader still on the snapshot before the run needs the run's frames kept apart from the database file: the
    /// run ends at once, keeps the WAL, and the next release after the reader has gone cuts it.
    @Test func aReaderOnTheSnapshotBeforeTheRunKeepsTheWALUntilItIsDone() throws {
        let open = try OpenDatabase()
        let (scratch, path, dashboard) = (open.scratch, open.path, open.dashboard)

        try dashboard.read { (reader: any SQLExecutor) throws in
            #expect(try reader.query("SELECT COUNT(*) FROM comments", []).first?.first?.int == 0)
            let manifest = try RoundTripTests().writeRun(scratch)
            #expect(manifest.status == "complete_with_rejects")
            #expect((walBytes(path) ?? 0) > 0)
            // Still the snapshot it started with.
            #expect(try reader.query("SELECT COUNT(*) FROM comments", []).first?.first?.int == 0)
        }

        let later = try SQLiteConnection(path: path)
        #expect(later.releaseJournal() == .released)
        #expect(walBytes(path) == 0)
        #expect(try dashboard.count(Schema.comments) == 3)
    }

    /// A reader that has the run's frames in view blocks only the truncation, which holds the write lock while it
    /// waits: it gives up after `truncationWaitMilliseconds`, not the 30 s busy timeout.
    @Test func theTruncationWaitsBrieflyForAReaderInTheWAL() throws {
        let open = try OpenDatabase()
        let (path, dashboard) = (open.path, open.dashboard)
        let writer = try SQLiteConnection(path: path)
        try writer.transaction { try $0.execute("DELETE FROM rejects", []) }

        try dashboard.read { (reader: any SQLExecutor) throws in
            #expect(try reader.query("SELECT COUNT(*) FROM rejects", []).first?.first?.int == 0)
            let started = Date()
            #expect(writer.releaseJournal() == .keptForReaders)
            let waited = Date().timeIntervalSince(started)
            #expect(waited < Double(SQLiteConnection.busyTimeoutSeconds) / 3, "waited \(waited) s")
        }
        #expect(writer.releaseJournal() == .released)
        #expect(walBytes(path) == 0)
    }

    /// Another connection in the way (busy, with any extended code) is the expected, quiet case; any other
    /// failure is reported. `DatabaseCommandLineTests` makes a real one with a file size limit.
    @Test func onlyOtherConnectionsInTheWayKeepTheWALQuietly() {
        let busy: [Int32] = [5, 5 | (1 << 8), 5 | (2 << 8), 5 | (3 << 8)]  // BUSY, _RECOVERY, _SNAPSHOT, _TIMEOUT
        for code in busy {
            #expect(SQLiteConnection.journalRelease(failedWith: code, message: "m") == .keptForReaders, "\(code)")
        }
        // FULL, IOERR, IOERR_WRITE, CORRUPT, READONLY, LOCKED (this connection's own unfinished statement)
        for code: Int32 in [13, 10, 10 | (3 << 8), 11, 8, 6, 6 | (1 << 8)] {
            #expect(SQLiteConnection.journalRelease(failedWith: code, message: "m") == .failed("m"), "\(code)")
        }
    }
}
