import Foundation
import Testing

@testable import RaterDatabase

/// A nightly run is one transaction, so SQLite's WAL grows to the size of what it writes; the run gives that disk
/// back when it has committed, even while a dashboard or `rater serve` holds the database open.
@Suite struct JournalReleaseTests {
    private func walBytes(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int
    }

    @Test func aRunLeavesNoWALBehindWhileAReaderHoldsTheDatabaseOpen() throws {
        let scratch = try Scratch(.sqlite)
        let path = try #require(scratch.sqlitePath)
        // A dashboard's connection, open before the run and after it; SQLite deletes the WAL only when the last
        // connection closes, so without the checkpoint the run's frames would stay on disk.
        let dashboard = try SQLiteConnection(path: path)
        try dashboard.createSchema()
        #expect(try dashboard.count(Schema.comments) == 0)

        let manifest = try RoundTripTests().writeRun(scratch)

        #expect(manifest.status == "complete_with_rejects")
        #expect(walBytes(path) == 0, "the WAL holds \(walBytes(path) ?? -1) bytes after the run")
        // The rows are in the database file itself, and the open connection sees them.
        #expect(try dashboard.count(Schema.comments) == 3)
    }

    @Test func releasingTheJournalOfAnIdleDatabaseSucceeds() throws {
        let scratch = try Scratch(.sqlite)
        let database = try scratch.open()
        try database.createSchema()
        #expect(database.releaseJournal())
        #expect(walBytes(try #require(scratch.sqlitePath)) == 0)
    }
}
