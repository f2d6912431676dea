import Foundation
import Testing

@testable import RaterDatabase

/// Databases Rater creates get larger pages; databases made before keep theirs and go on taking runs.
@Suite struct PageSizeTests {
    private func pageSize(_ database: any DatabaseConnection) throws -> Int? {
        try database.read { try $0.query("PRAGMA page_size", []).first?.first?.int }
    }

    @Test func aNewDatabaseHasTheLargerPages() throws {
        let scratch = try Scratch(.sqlite)
        _ = try RoundTripTests().writeRun(scratch)
        #expect(try pageSize(scratch.open()) == SQLiteConnection.newDatabasePageSize)
    }

    /// An empty file (made by `touch`, say) holds no database yet: it gets the larger pages too.
    @Test func anEmptyFileBecomesADatabaseWithTheLargerPages() throws {
        let scratch = try Scratch(.sqlite)
        let path = try #require(scratch.sqlitePath)
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        _ = try RoundTripTests().writeRun(scratch)
        #expect(try pageSize(scratch.open()) == SQLiteConnection.newDatabasePageSize)
    }

    @Test func anExistingDatabaseKeepsItsPagesAndTakesRuns() throws {
        let scratch = try Scratch(.sqlite)
        let path = try #require(scratch.sqlitePath)
        let older = try SQLiteConnection(path: path, newDatabasePageSize: 4_096)
        try older.createSchema()
        #expect(try pageSize(older) == 4_096)

        let first = try RoundTripTests().writeRun(scratch)
        let again = try RoundTripTests().writeRun(scratch)

        #expect(first.status == "complete_with_rejects" && again.status == "complete_with_rejects")
        #expect(try pageSize(scratch.open()) == 4_096)
        #expect(try scratch.counts()["comments"] == 3)
    }
}
