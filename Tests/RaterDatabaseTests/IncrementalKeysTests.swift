import Foundation
import RaterCore
@testable import RaterSinks
import Testing

@testable import RaterDatabase

/// Plain-text exports that grow night after night, written by incremental runs that skip the records earlier runs
/// delivered and hand the writers the skipped records' texts (`StoredComment.skippedTexts`): every writer must store
/// the keys one run over the whole file stores, into the database that holds the earlier nights (where a repeat
/// numbered from 1 again replaced an earlier comment's row) and into one that does not.
@Suite struct IncrementalKeysTests {
    /// `count` records of two sources, the texts drawn so that a few come back very often ("好评" or "good" in a
    /// nightly export) and most once.
    static func records(count: Int) -> [(source: String, text: String)] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { index in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let draw = Double(state >> 11) / Double(1 << 53)
            let text = draw < 0.3 ? ["好评", "good", "房间很干净"][index % 3] : "评论 \(Int(draw * draw * draw * 400))"
            return (state & 0x100 == 0 ? "a.txt" : "b.txt", text)
        }
    }

    enum Writer: CustomStringConvertible {
        case staged
        case direct(RunWriter.Batching, RepeatCounter.Limits)

        var description: String {
            switch self {
            case .staged: "staged"
            case let .direct(batching, limits): "direct, \(batching), \(limits)"
            }
        }
    }

    /// Writes `nights` (each a range of the records, in order) in a run each into a new database, skipping the
    /// records before each night's range as an incremental run does; returns every comment's source, key and record.
    static func write(_ kind: DatabaseKind, _ writer: Writer, nights: [Range<Int>],
                      records: [(source: String, text: String)], skippedLimits: SkippedTexts.Limits = .standard)
        throws -> [[SQLValue]]
    {
        let scratch = try Scratch(kind)
        let database = try scratch.openWithTables()
        for (night, range) in nights.enumerated() {
            // What the run's reader passes over: each source's records before the night, counted per source.
            var skipped = [String: SkippedTexts]()
            for source in ["a.txt", "b.txt"] where range.lowerBound > 0 {
                let texts = SkippedTexts(limits: skippedLimits)
                for record in records[..<range.lowerBound] where record.source == source {
                    try texts.add(SkippedTexts.Digest(of: record.text))
                }
                try texts.seal()
                skipped[source] = texts
            }
            try database.transaction { executor in
                let (runID, timestamp) = ("night\(night)", "2026-11-\(10 + night)T00:00:00.000Z")
                let rowWriter: any RunRowWriter = switch writer {
                case .staged: StagedRunWriter(executor: executor, runID: runID, timestamp: timestamp)
                case let .direct(batching, limits):
                    RunWriter(executor: executor, runID: runID, timestamp: timestamp, batching: batching,
                              repeatLimits: limits)
                }
                // One input after the other, as a run reads them.
                for source in ["a.txt", "b.txt"] {
                    for index in range where records[index].source == source {
                        var stored = StoredComment(comment(nil, record: index + 1, source: source,
                                                           text: records[index].text))
                        stored.skippedTexts = skipped[source]
                        try rowWriter.write(stored)
                    }
                }
                try rowWriter.finish()
            }
        }
        return try database.read { executor in
            try executor.query("SELECT source, comment_key, record FROM comments ORDER BY source, record", [])
        }
    }

    func sameKeysAsOneRunOverTheWholeFile(_ kind: DatabaseKind) throws {
        let records = Self.records(count: 900)
        var writers: [Writer] = [
            .direct(.standard, .standard),
            // Every count forgotten at once: the run's own occurrences come from the rows, past the skipped ones.
            .direct(.none, .init(filterBits: 64, countsKept: 1)),
            .direct(RunWriter.Batching(rowsPerStatement: 3, commentsPerFlush: 5), .init(filterBits: 1 << 10,
                                                                                         countsKept: 3)),
        ]
        if kind == .sqlite { writers.insert(.staged, at: 0) }
        let whole = try Self.write(kind, writers[0], nights: [0..<900], records: records)
        #expect(whole.count == 900)
        #expect(whole.contains { $0[1].string?.hasSuffix("#40") == true }, "texts repeated many times")
        let nights = [0..<1, 1..<250, 250..<251, 251..<600, 600..<900]
        let tiny = SkippedTexts.Limits(bufferedDigests: 16, runsPerMerge: 3, entriesPerBlock: 2, filterBits: 256,
                                       cachedLookups: 2)
        for writer in writers {
            #expect(try Self.write(kind, writer, nights: [0..<900], records: records) == whole, "\(writer)")
            for limits in [SkippedTexts.Limits.standard, tiny] {
                let nightly = try Self.write(kind, writer, nights: nights, records: records, skippedLimits: limits)
                #expect(nightly == whole, "\(writer), \(limits)")
                // A database that gets only the last night (a new one, or one added to the command since): the
                // same keys as the one that has them all, and no fewer rows.
                let lastNight = try Self.write(kind, writer, nights: [600..<900], records: records,
                                               skippedLimits: limits)
                #expect(lastNight == whole.filter { $0[2].int! > 600 }, "\(writer), \(limits)")
            }
        }
    }

    @Test func sqliteSameKeysAsOneRunOverTheWholeFile() throws { try sameKeysAsOneRunOverTheWholeFile(.sqlite) }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresSameKeysAsOneRunOverTheWholeFile()
        throws
    {
        try sameKeysAsOneRunOverTheWholeFile(.postgres)
    }

    /// Without the skipped records' texts (as before they were counted), the nights number each text from 1 again
    /// and a repeat replaces the row of the text's first comment: what the test above guards against.
    @Test func withoutTheSkippedTextsRepeatsReplaceEarlierComments() throws {
        let records = [("a.txt", "好评"), ("a.txt", "房间很干净"), ("a.txt", "好评")].map { (source: $0.0, text: $0.1) }
        let scratch = try Scratch(.sqlite)
        let database = try scratch.openWithTables()
        for (night, range) in [0..<2, 2..<3].enumerated() {
            try database.transaction { executor in
                let writer = StagedRunWriter(executor: executor, runID: "n\(night)", timestamp: "t")
                for index in range {
                    try writer.write(StoredComment(comment(nil, record: index + 1, source: "a.txt",
                                                           text: records[index].text)))
                }
                try writer.finish()
            }
        }
        #expect(try database.count(Schema.comments) == 2)
        #expect(try Self.write(.sqlite, .staged, nights: [0..<2, 2..<3], records: records).count == 3)
    }
}
