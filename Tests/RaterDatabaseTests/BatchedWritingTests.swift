import Foundation
import RaterCore
import RaterSinks
import Testing

@testable import RaterDatabase

/// `RunWriter` writes comments, mentions and signals several rows to a statement, and `StagedRunWriter` (SQLite)
/// stages them and merges them at the end. The tables must end up exactly as when every row is written at once,
/// whatever the order of repeats, and PostgreSQL must never see one key twice in a statement (it refuses that).
@Suite struct BatchedWritingTests {
    /// A run's worth of comments in two sources: ids that come back soon (in the same batch) and late (in a later
    /// one) with other mentions and signals, comments without an id and with repeated texts, comments with no
    /// mentions, and comments with two values of one signal.
    static func comments() -> [StoredComment] {
        comments(dimensionsPerComment: 6, signalsFrom: 0)
    }

    /// A second run over `a.csv` only (`b.csv` keeps the first run's rows): fewer mentions per comment and other
    /// signals, so that the rows it replaces must go.
    static func rerunComments() -> [StoredComment] {
        comments(dimensionsPerComment: 3, signalsFrom: 2).filter { $0.source == "a.csv" }
    }

    static func comments(dimensionsPerComment: Int, signalsFrom: Int) -> [StoredComment] {
        let dimensions = ServiceDimension.allCases
        return (0..<150).map { index in
            let source = index < 75 ? "a.csv" : "b.csv"
            let id: String? = switch index {
            case _ where index % 11 == 0: nil  // keyed by text
            case _ where index % 7 == 3: "C\(index - 2)"  // comes back two comments later
            case _ where index % 40 == 39: "C\(index - 30)"  // comes back a batch or two later
            default: "C\(index)"
            }
            var result = comment(id, record: index + 1, source: source,
                                 text: index % 11 == 0 ? "重复的评论 \(index % 3)" : "评论 \(index)")
            // An id that comes back a batch later speaks to one dimension fewer: its first mention must go.
            let mentions = index % 40 == 39 ? max(0, index % dimensionsPerComment - 1) : index % dimensionsPerComment
            result.dimensions = (0..<mentions).map { offset in
                let dimension = dimensions[(index + offset) % dimensions.count]
                return DimensionSummary(dimension: dimension, label: offset % 2 == 0 ? .positive : .negative,
                                        score: Double(index) / 1000, mentions: offset + 1,
                                        evidence: [(cue: "c\(index)", clause: "clause \(index)")])
            }
            // Up to three aspects in the first run, at most one in the rerun; a service score only with a mention.
            result.aspects = (0..<(index % (dimensionsPerComment / 2 + 1))).map { offset in
                AspectSummary(aspect: Aspect.allCases[(index + offset) % Aspect.allCases.count],
                              label: offset % 2 == 0 ? .negative : .positive, score: -Double(index) / 1000,
                              mentions: offset + 1, evidence: [CueEvidence(cue: "a\(index)", clause: "aspect \(index)")])
            }
            result.profile.serviceScore = mentions == 0 ? nil : Double(index) / 100 + Double(dimensionsPerComment)
            var stored = StoredComment(result)
            let signals: [SignalValue] = switch (index + signalsFrom) % 4 {
            case 0: [.loyal]
            case 1: [.met, .exceeded, .atRisk, .met]  // `met` twice: one row, the later evidence
            default: []
            }
            stored.signals = signals.enumerated().map { position, value in
                StoredComment.Signal(value: value, evidenceJSON: "[\"\(value.rawValue) \(position)\"]")
            }
            return stored
        }
    }

    enum Writer: CustomStringConvertible {
        case direct(RunWriter.Batching)
        case staged(rowsPerStatement: Int)

        var description: String {
            switch self {
            case let .direct(batching): "direct, \(batching)"
            case let .staged(rows): "staged, \(rows) rows a statement"
            }
        }
    }

    /// Writes each run's comments in a transaction of its own with `writer`, and reads back every row of the three
    /// tables.
    static func write(_ kind: DatabaseKind, _ writer: Writer, runs: [[StoredComment]] = [comments()]) throws
        -> [String: [[SQLValue]]]
    {
        let scratch = try Scratch(kind)
        let database = try scratch.openWithTables()
        for (number, run) in runs.enumerated() { try database.transaction { executor in
            // A run id of its own per run: a row the rerun leaves alone keeps the first run's.
            let (runID, timestamp) = ("run\(number + 1)", "2026-11-2\(7 + number)T00:00:00.000Z")
            let rowWriter: any RunRowWriter = switch writer {
            case let .direct(batching):
                RunWriter(executor: executor, runID: runID, timestamp: timestamp, batching: batching)
            case let .staged(rows):
                StagedRunWriter(executor: executor, runID: runID, timestamp: timestamp, rowsPerStatement: rows)
            }
            for comment in run { try rowWriter.write(comment) }
            try rowWriter.finish()
        } }
        var tables = [String: [[SQLValue]]]()
        for table in [Schema.comments, Schema.dimensionMentions, Schema.aspectMentions, Schema.signals] {
            let columns = table.columnNames.joined(separator: ", ")
            tables[table.name] = try database.read { try $0.query("SELECT \(columns) FROM \(table.name)", []) }
                .sorted { $0.map(\.description).lexicographicallyPrecedes($1.map(\.description)) }
        }
        return tables
    }

    func sameAsRowByRow(_ kind: DatabaseKind) throws {
        let expected = try Self.write(kind, .direct(.none))
        #expect(expected["comments"]?.count == 131)  // 150 written, 19 of them an id again
        // Both values of one signal stay: they are two rows.
        #expect(expected["signals"]?.contains { $0[2] == .text("expectation") && $0[3] == .text("exceeded") } == true)
        #expect(expected["signals"]?.contains { $0[2] == .text("expectation") && $0[3] == .text("met") } == true)
        // One row for the repeated `met`, with the later evidence.
        #expect(expected["signals"]?.contains { $0[3] == .text("met") && $0[4] == .text(#"["met 3"]"#) } == true)
        #expect(expected["signals"]?.contains { $0[3] == .text("met") && $0[4] == .text(#"["met 0"]"#) } == false)
        var writers: [Writer] = [.direct(.standard), .direct(RunWriter.Batching(rowsPerStatement: 3, commentsPerFlush: 5)),
                                 .direct(RunWriter.Batching(rowsPerStatement: 7, commentsPerFlush: 200))]
        if kind == .sqlite { writers += [.staged(rowsPerStatement: 32), .staged(rowsPerStatement: 1)] }
        for writer in writers {
            let written = try Self.write(kind, writer)
            for table in ["comments", "dimension_mentions", "aspect_mentions", "signals"] {
                #expect(written[table] == expected[table], "\(table), \(writer)")
            }
        }
        // The first digest-keyed comment ten comments in: the staged writer writes those ten at once, then stages.
        // Two export ids shaped like the keys of a text that comes later without an id, written before staging.
        let digest = "sha256:" + SHA256Digest.hex(of: "重复的评论 0")
        let shapedLikeKeys = [digest, digest + "#2"].enumerated().map { offset, id in
            StoredComment(comment(id, record: 900 + offset, source: "a.csv", text: "另一条 \(offset)"))
        }
        let idsFirst = shapedLikeKeys + Array(Self.comments().dropFirst()) + [Self.comments()[0]]
        let expectedIDsFirst = try Self.write(kind, .direct(.none), runs: [idsFirst])
        for writer in writers {
            let written = try Self.write(kind, writer, runs: [idsFirst])
            for table in ["comments", "dimension_mentions", "aspect_mentions", "signals"] {
                #expect(written[table] == expectedIDsFirst[table], "ids first: \(table), \(writer)")
            }
        }
        // A second run over one of the sources replaces that source's mentions and signals and keeps the other's.
        let twoRuns = [Self.comments(), Self.rerunComments()]
        let expectedAfterRerun = try Self.write(kind, .direct(.none), runs: twoRuns)
        #expect(expectedAfterRerun["dimension_mentions"]!.count < expected["dimension_mentions"]!.count)
        #expect(expectedAfterRerun["dimension_mentions"]!.filter { $0[0] == .text("b.csv") }
            == expected["dimension_mentions"]!.filter { $0[0] == .text("b.csv") })
        #expect(expectedAfterRerun["signals"] != expected["signals"])
        #expect(expectedAfterRerun["aspect_mentions"]!.count < expected["aspect_mentions"]!.count)
        #expect(expectedAfterRerun["aspect_mentions"]!.filter { $0[0] == .text("b.csv") }
            == expected["aspect_mentions"]!.filter { $0[0] == .text("b.csv") })
        // Comments without a mention have no service score.
        let serviceScore = try #require(Schema.comments.columnNames.firstIndex(of: "service_score"))
        #expect(expected["comments"]!.contains { $0[serviceScore] == .null })
        #expect(expected["comments"]!.contains { $0[serviceScore] != .null })
        for writer in writers {
            let written = try Self.write(kind, writer, runs: twoRuns)
            for table in ["comments", "dimension_mentions", "aspect_mentions", "signals"] {
                #expect(written[table] == expectedAfterRerun[table], "rerun: \(table), \(writer)")
            }
        }
    }

    /// A comment that comes back keeps only its last mentions, even when its first ones are still waiting.
    func repeatedCommentKeepsItsLastMentions(_ kind: DatabaseKind, _ writer: Writer) throws {
        let tables = try Self.write(kind, writer)
        let mentions = try #require(tables["dimension_mentions"])
        // C1 is written as comment 1 (one mention) and again as comment 3 (three mentions).
        let ofC1 = mentions.filter { $0[1] == .text("C1") }
        #expect(ofC1.count == 3)
        #expect(ofC1.allSatisfy { $0[4] == .real(0.003) })
        // C9 is written as comment 9 (three mentions) and again as comment 39, a batch later (two mentions).
        let ofC9 = mentions.filter { $0[1] == .text("C9") }
        #expect(ofC9.count == 2)
        #expect(ofC9.allSatisfy { $0[4] == .real(0.039) })
    }

    @Test func sqliteSameAsRowByRow() throws { try sameAsRowByRow(.sqlite) }
    @Test func sqliteRepeatedCommentKeepsItsLastMentions() throws {
        try repeatedCommentKeepsItsLastMentions(.sqlite, .direct(.standard))
        try repeatedCommentKeepsItsLastMentions(.sqlite, .staged(rowsPerStatement: 32))
    }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresSameAsRowByRow() throws {
        try sameAsRowByRow(.postgres)
    }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresRepeatedCommentKeepsItsLastMentions()
        throws
    {
        try repeatedCommentKeepsItsLastMentions(.postgres, .direct(.standard))
    }

    @Test func multiRowStatementsNumberEveryValue() {
        let sqlite = Schema.signals.upsertStatement(.sqlite, rows: 2)
        #expect(sqlite.contains("VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?) ON CONFLICT"))
        let postgres = Schema.signals.upsertStatement(.postgres, rows: 3)
        #expect(postgres.contains("($7, $8, $9, $10, $11, $12), ($13,") && postgres.contains("$18) ON CONFLICT"))
        #expect(Schema.signals.upsertStatement(.postgres) == Schema.signals.upsertStatement(.postgres, rows: 1))
    }
}
