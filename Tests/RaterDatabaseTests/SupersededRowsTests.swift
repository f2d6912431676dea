import Foundation
import RaterCore
@testable import RaterSinks
import Testing

@testable import RaterDatabase

/// A record held back half written and read again whole: every writer deletes the row the half record left
/// (`SupersededRecord`) — the half text's rows under its digest (comment, mentions, aspects, signals), a half id's
/// rows, or the half record's rejection — and nothing else: not a repeat of the half text stored at another record,
/// nor a row of the same record number under an export id, nor another source's rows. The deletion does not depend
/// on what the whole record becomes: a whole record that is rejected leaves no half row either.
@Suite struct SupersededRowsTests {
    static func rows(_ kind: DatabaseKind, staged: Bool) throws -> [[SQLValue]] {
        let scratch = try Scratch(kind)
        let database = try scratch.openWithTables()
        func night(_ number: Int, superseding: [SupersededRecord] = [], _ comments: [StoredComment],
                   rejections: [Rejection] = []) throws {
            try database.transaction { executor in
                let (runID, timestamp) = ("night\(number)", "2026-11-1\(number)T00:00:00.000Z")
                let writer: any RunRowWriter = staged
                    ? StagedRunWriter(executor: executor, runID: runID, timestamp: timestamp)
                    : RunWriter(executor: executor, runID: runID, timestamp: timestamp)
                for record in superseding { try writer.delete(record) }
                for comment in comments { try writer.write(comment) }
                for rejection in rejections { try writer.write(rejection) }
                try writer.finish()
            }
        }
        // Night 1, t.txt (no ids): the half text at record 3, the same half text complete at record 1 (a repeat,
        // kept), and a row of record 3 under an export id (kept). u.txt's record 3 holds the half text too. v.csv
        // (ids after the text): record 2 cut inside its id ("10" of "102"). w.csv: record 2 rejected half written,
        // record 3 rejected for good.
        try night(1, [StoredComment(comment(nil, record: 1, source: "t.txt", text: "房间很")),
                      StoredComment(comment(nil, record: 2, source: "t.txt", text: "早餐好")),
                      StoredComment(comment(nil, record: 3, source: "t.txt", text: "房间很")),
                      StoredComment(comment(nil, record: 3, source: "u.txt", text: "房间很")),
                      StoredComment(comment("101", record: 1, source: "v.csv", text: "早餐好")),
                      StoredComment(comment("10", record: 2, source: "v.csv", text: "房间很脏")),
                      StoredComment(comment("7", record: 3, source: "t.txt", text: "房间很脏"))],
                  rejections: [Rejection(source: "w.csv", recordNumber: 2, reason: .emptyText, raw: ""),
                               Rejection(source: "w.csv", recordNumber: 3, reason: .emptyText, raw: "")])
        // Night 2: t.txt's record 3 whole; v.csv's record 2 whole, and rejected (it holds the header again): the
        // half id's row goes all the same; w.csv's record 2 whole.
        var whole = StoredComment(comment(nil, record: 3, source: "t.txt", text: "房间很脏"))
        whole.skippedTexts = try {
            let texts = SkippedTexts()
            for text in ["房间很", "早餐好"] { try texts.add(SkippedTexts.Digest(of: text)) }
            try texts.seal()
            return texts
        }()
        try night(2, superseding: [SupersededRecord(source: "t.txt", recordNumber: 3,
                                                    row: .digest(SkippedTexts.Digest(of: "房间很").hex)),
                                   SupersededRecord(source: "v.csv", recordNumber: 2, row: .exportID("10")),
                                   SupersededRecord(source: "w.csv", recordNumber: 2, row: .rejection)],
                  [whole, StoredComment(comment("201", record: 2, source: "w.csv", text: "早餐好"))],
                  rejections: [Rejection(source: "v.csv", recordNumber: 2, reason: .repeatedHeader, raw: "")])
        return try database.read { executor in
            var rows = try executor.query("SELECT source, record, comment_key FROM comments ORDER BY source, record, comment_key", [])
            for table in ["dimension_mentions", "aspect_mentions"] {
                rows += try executor.query("SELECT '\(table)', count(*), count(DISTINCT comment_key) FROM \(table)", [])
            }
            rows += try executor.query("SELECT source, record, reason FROM rejects ORDER BY source, record", [])
            return rows
        }
    }

    static func expected() -> [[SQLValue]] {
        let half = "sha256:" + SHA256Digest.hex(of: "房间很")
        return [[.text("t.txt"), .integer(1), .text(half)],
                [.text("t.txt"), .integer(2), .text("sha256:" + SHA256Digest.hex(of: "早餐好"))],
                [.text("t.txt"), .integer(3), .text("7")],
                [.text("t.txt"), .integer(3), .text("sha256:" + SHA256Digest.hex(of: "房间很脏"))],
                [.text("u.txt"), .integer(3), .text(half)],
                [.text("v.csv"), .integer(1), .text("101")],
                [.text("w.csv"), .integer(2), .text("201")],
                // Two dimensions and one aspect for each of the seven comments (two of them share a key, in two
                // sources); none left of the deleted ones.
                [.text("dimension_mentions"), .integer(14), .integer(6)],
                [.text("aspect_mentions"), .integer(7), .integer(6)],
                [.text("v.csv"), .integer(2), .text("repeated_header")],
                [.text("w.csv"), .integer(3), .text("empty_text")]]
    }

    @Test func theHexDigestIsTheKeysDigest() {
        #expect(SkippedTexts.Digest(of: "房间很").hex == SHA256Digest.hex(of: "房间很"))
        #expect(SkippedTexts.Digest(of: "").hex == SHA256Digest.hex(of: ""))
    }

    @Test func sqliteStaged() throws {
        let rows = try Self.rows(.sqlite, staged: true)
        #expect(rows == Self.expected(), "\(rows)")
    }
    @Test func sqliteDirect() throws {
        let rows = try Self.rows(.sqlite, staged: false)
        #expect(rows == Self.expected(), "\(rows)")
    }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresDirect() throws {
        let rows = try Self.rows(.postgres, staged: false)
        #expect(rows == Self.expected(), "\(rows)")
    }
}
