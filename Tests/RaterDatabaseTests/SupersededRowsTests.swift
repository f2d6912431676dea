import Foundation
import RaterCore
@testable import RaterSinks
import Testing

@testable import RaterDatabase

/// A record held back half written and read again whole: every writer deletes the half text's rows (comment,
/// mentions, aspects, signals) for that source and record, and nothing else — not a repeat of the half text stored
/// at another record, nor a row of the same record number under an export id.
@Suite struct SupersededRowsTests {
    static func rows(_ kind: DatabaseKind, staged: Bool) throws -> [[SQLValue]] {
        let scratch = try Scratch(kind)
        let database = try scratch.openWithTables()
        func night(_ number: Int, _ comments: [StoredComment]) throws {
            try database.transaction { executor in
                let (runID, timestamp) = ("night\(number)", "2026-11-1\(number)T00:00:00.000Z")
                let writer: any RunRowWriter = staged
                    ? StagedRunWriter(executor: executor, runID: runID, timestamp: timestamp)
                    : RunWriter(executor: executor, runID: runID, timestamp: timestamp)
                for comment in comments { try writer.write(comment) }
                try writer.finish()
            }
        }
        // Night 1: the half text at record 3, the same half text complete at record 1 (a repeat, kept), and
        // another source's record 3.
        try night(1, [StoredComment(comment(nil, record: 1, source: "t.txt", text: "房间很")),
                      StoredComment(comment(nil, record: 2, source: "t.txt", text: "早餐好")),
                      StoredComment(comment(nil, record: 3, source: "t.txt", text: "房间很")),
                      StoredComment(comment(nil, record: 3, source: "u.txt", text: "房间很"))])
        // Night 2: record 3 whole.
        var whole = StoredComment(comment(nil, record: 3, source: "t.txt", text: "房间很脏"))
        whole.supersededDigest = SkippedTexts.Digest(of: "房间很").hex
        whole.skippedTexts = try {
            let texts = SkippedTexts()
            for text in ["房间很", "早餐好"] { try texts.add(SkippedTexts.Digest(of: text)) }
            try texts.seal()
            return texts
        }()
        try night(2, [whole])
        return try database.read { executor in
            var rows = try executor.query("SELECT source, record, comment_key FROM comments ORDER BY source, record", [])
            for table in ["dimension_mentions", "aspect_mentions"] {
                rows += try executor.query("SELECT '\(table)', count(*), count(DISTINCT comment_key) FROM \(table)", [])
            }
            return rows
        }
    }

    static func expected() -> [[SQLValue]] {
        let half = "sha256:" + SHA256Digest.hex(of: "房间很")
        return [[.text("t.txt"), .integer(1), .text(half)],
                [.text("t.txt"), .integer(2), .text("sha256:" + SHA256Digest.hex(of: "早餐好"))],
                [.text("t.txt"), .integer(3), .text("sha256:" + SHA256Digest.hex(of: "房间很脏"))],
                [.text("u.txt"), .integer(3), .text(half)],
                // Two dimensions and one aspect for each of the four comments (two of them share a key, in two
                // sources); none left of the deleted one.
                [.text("dimension_mentions"), .integer(8), .integer(3)],
                [.text("aspect_mentions"), .integer(4), .integer(3)]]
    }

    @Test func theHexDigestIsTheKeysDigest() {
        #expect(SkippedTexts.Digest(of: "房间很").hex == SHA256Digest.hex(of: "房间很"))
        #expect(SkippedTexts.Digest(of: "").hex == SHA256Digest.hex(of: ""))
    }

    @Test func sqliteStaged() throws { #expect(try Self.rows(.sqlite, staged: true) == Self.expected()) }
    @Test func sqliteDirect() throws {
        let rows = try Self.rows(.sqlite, staged: false)
        #expect(rows == Self.expected(), "\(rows)")
    }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresDirect() throws {
        #expect(try Self.rows(.postgres, staged: false) == Self.expected())
    }
}
