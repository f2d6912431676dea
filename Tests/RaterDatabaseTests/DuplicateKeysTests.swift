import Foundation
import RaterCore
import RaterSinks
import Testing

@testable import RaterDatabase

/// A key that comes twice in one run keeps only the later comment's rows: the run must count it (keys and records
/// replaced), name the first few, and put the counts in the manifest and the `runs` row, in every writer and
/// database. Repeats of a text without an id are numbered (`#2`, `#3`) and are not duplicates.
@Suite struct DuplicateKeysTests {
    func run(_ scratch: Scratch, _ comments: [CommentResult]) throws -> (RunManifest, DuplicateKeys) {
        let recorder = try RunRecorder(options: scratch.options(inputs: []))
        let manifest = try recorder.record { sink in
            for comment in comments { try sink.write(comment) }
            return .finished
        }
        return (manifest, recorder.duplicates)
    }

    func storedRuns(_ scratch: Scratch) throws -> [[SQLValue]] {
        try scratch.open().read {
            try $0.query("SELECT analysed, duplicate_keys, duplicates_replaced FROM runs", [])
        }
    }

    /// Export ids only: the direct writer, row by row in SQLite, batched in PostgreSQL.
    func exportIDs(_ kind: DatabaseKind) throws {
        let scratch = try Scratch(kind)
        let (manifest, duplicates) = try run(scratch, [
            comment("1", record: 1), comment("5", record: 2, text: "East"), comment("6", record: 3),
            comment("5", record: 4, text: "West"), comment("7", record: 5), comment("7", record: 6),
            comment("7", record: 7, text: "last seven"),
        ])
        #expect(manifest.counts.analysed == 7)
        #expect(manifest.counts.duplicateKeys == 2)
        #expect(manifest.counts.duplicatesReplaced == 3)
        #expect(try scratch.open().count(Schema.comments) == 4)
        #expect(try storedRuns(scratch) == [[.integer(7), .integer(2), .integer(3)]])
        #expect(duplicates.examples == [
            DuplicateKeys.Example(source: "hotel.csv", key: "5", firstLine: 3, keptLine: 5),
            DuplicateKeys.Example(source: "hotel.csv", key: "7", firstLine: 6, keptLine: 8),
        ])
        let kept = try scratch.open().read {
            try $0.query("SELECT text FROM comments WHERE comment_key IN ('5', '7') ORDER BY comment_key", [])
        }
        #expect(kept == [[.text("West")], [.text("last seven")]])
        // A rerun of the same input replaces the earlier run's rows: those are not duplicates of this run.
        let (again, _) = try run(scratch, [comment("1", record: 1), comment("5", record: 2)])
        #expect(again.counts.duplicateKeys == 0 && again.counts.duplicatesReplaced == 0)
    }

    @Test func sqliteExportIDs() throws { try exportIDs(.sqlite) }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresExportIDs() throws {
        try exportIDs(.postgres)
    }

    /// Ids before and after the first comment keyed by its text (SQLite stages from there): a staged id that the
    /// direct writer wrote earlier in the run, ids repeated among the staged rows, and texts repeated without ids
    /// (numbered, not duplicates).
    func mixed(_ kind: DatabaseKind) throws {
        let scratch = try Scratch(kind)
        let (manifest, duplicates) = try run(scratch, [
            comment("X", record: 1),
            comment(nil, record: 2, text: "一样的评论"),
            comment(nil, record: 3, text: "一样的评论"),
            comment("X", record: 4),
            comment("Y", record: 5), comment("Y", record: 6), comment("Y", record: 7),
            comment(nil, record: 8, text: "一样的评论"),
        ])
        #expect(manifest.counts.duplicateKeys == 2)
        #expect(manifest.counts.duplicatesReplaced == 3)
        #expect(try scratch.open().count(Schema.comments) == 5)
        #expect(duplicates.examples.map(\.key).sorted() == ["X", "Y"])
        #expect(duplicates.examples.first { $0.key == "X" }?.firstLine == 2)
        #expect(duplicates.examples.first { $0.key == "Y" } == DuplicateKeys.Example(
            source: "hotel.csv", key: "Y", firstLine: 6, keptLine: 8))
    }

    @Test func sqliteMixed() throws { try mixed(.sqlite) }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresMixed() throws { try mixed(.postgres) }

    /// Plain text: every comment keyed by its text, repeats numbered; no duplicates, in any database.
    func repeatedTexts(_ kind: DatabaseKind) throws {
        let scratch = try Scratch(kind)
        let (manifest, duplicates) = try run(scratch, (1...6).map { comment(nil, record: $0, text: "好评") }
                                                 + [comment(nil, record: 7, source: "other.txt", text: "好评")])
        #expect(manifest.counts.duplicateKeys == 0 && manifest.counts.duplicatesReplaced == 0)
        #expect(duplicates.examples.isEmpty)
        #expect(try scratch.open().count(Schema.comments) == 7)
    }

    @Test func sqliteRepeatedTexts() throws { try repeatedTexts(.sqlite) }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresRepeatedTexts() throws {
        try repeatedTexts(.postgres)
    }

    /// A manifest written before the counts existed still reads, with none counted.
    @Test func anOlderManifestReads() throws {
        let json = #"{"read":2,"analysed":2,"rejected":0,"rejected_by_reason":{},"aggregates":0,"signals":0}"#
        let counts = try JSONDecoder().decode(RunManifest.Counts.self, from: Data(json.utf8))
        #expect(counts.analysed == 2 && counts.duplicateKeys == 0 && counts.duplicatesReplaced == 0)
    }
}
