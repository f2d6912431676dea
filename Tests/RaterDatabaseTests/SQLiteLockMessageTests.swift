import Testing

@testable import RaterDatabase

/// "database is locked" alone left a cron mail without a cause or a way out: the message now names the likeliest
/// holder (another run into the same file) and the two fixes (take turns with flock, or PostgreSQL). Other
/// failures keep SQLite's own message.
@Suite struct SQLiteLockMessageTests {
    @Test func aLockNotGivenUpNamesTheLikeliestHolderAndTheWaysOut() {
        let message = SQLiteConnection.message("database is locked", primaryCode: 5)
        #expect(message.hasPrefix("database is locked (another connection kept the database's write lock for 30 s"))
        #expect(message.contains("flock") && message.contains("--postgres"))
    }

    @Test func otherFailuresKeepSQLitesMessage() {
        #expect(SQLiteConnection.message("database or disk is full", primaryCode: 13) == "database or disk is full")
    }
}
