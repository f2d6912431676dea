import CRaterFaultVFS
import Foundation
import Testing

@testable import RaterDatabase

/// A run commits all of its rows or none, even when the staging database cannot be written at the end.
///
/// SQLite commits the attached staging database after the main one, and on its own: the main database's WAL
/// holds the run once its commit record is written, whatever happens to the staging database next. If the staging
/// database's last pages could not be written (its disk full, say, with the temporary directory on a disk of its
/// own), `COMMIT` failed although the run's rows were in the database, and Rater reported the run as failed.
@Suite struct StagingFailureTests {
    @Test func aRunWhoseStagingCannotBeWrittenAtTheEndLeavesNothing() throws {
        // Registering a VFS starts SQLite, after which Rater can no longer turn its memory statistics off: the
        // process's first connection must have asked first, whichever test runs first.
        _ = SQLiteConnection.memoryStatisticsOff
        let vfs = "rater-fault-" + UUID().uuidString
        try #require(rater_fault_vfs_register(vfs) == 0)
        let path = NSTemporaryDirectory() + "rater-db-\(vfs).sqlite"
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let database = try SQLiteConnection(path: "file:\(path)?vfs=\(vfs)")
        try database.transaction { executor in
            for statement in Schema.createStatements(.sqlite) { try executor.execute(statement, []) }
        }
        #expect(throws: DatabaseError.self) {
            try database.transaction { executor in
                // A staging cache of a few pages: the staged rows go to the staging database's file as they come,
                // and the last of them are still to be written when the run ends.
                try executor.execute("PRAGMA \(SQLiteConnection.stagingSchema).cache_size = 8", [])
                let writer = StagedRunWriter(executor: executor, runID: "full", timestamp: "t")
                try writer.writeNumbered("F", count: 400)
                try writer.finish()
                #expect(rater_fault_vfs_fail_temporary_database_writes(vfs, 1) == 0)
            }
        }
        #expect(rater_fault_vfs_fail_temporary_database_writes(vfs, 0) == 0)
        #expect(rater_fault_vfs_failed_writes(vfs) > 0, "the staging database had nothing left to write")
        let stored = try SQLiteConnection(path: path).read { executor in
            try executor.query("SELECT count(*) FROM \(Schema.comments.name)", [])
        }
        #expect(stored == [[.integer(0)]], "the failed run's comments were committed")
        // The connection goes on: the next run commits.
        try database.transaction { executor in
            let writer = StagedRunWriter(executor: executor, runID: "next", timestamp: "t")
            try writer.writeNumbered("N", count: 40)
            try writer.finish()
        }
        let after = try database.read { try $0.query("SELECT count(*), min(run_id) FROM comments", []) }
        #expect(after == [[.integer(40), .text("next")]])
    }
}
