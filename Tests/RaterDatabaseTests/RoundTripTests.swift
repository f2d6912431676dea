import Foundation
import RaterAggregate
import RaterCore
import RaterSinks
import Testing

@testable import RaterDatabase

/// The same checks against SQLite and PostgreSQL: one description of the tables, two drivers.
@Suite struct RoundTripTests {
    /// Grouped by branch: the aggregates of `writeRun`'s comments are two keys (everyone, the branch) of three
    /// scopes each (overall, assurance, tangibles).
    static let byBranch: AggregationOptions = {
        var options = AggregationOptions()
        options.groupBy = ["branch"]
        return options
    }()

    /// Writes one run: three comments (two with export ids, one keyed by its text), a rejection and a signal; the
    /// aggregates are made from the stored comments, grouped by branch.
    func writeRun(_ scratch: Scratch, end: RunRecorder.End = .finished) throws -> RunManifest {
        let recorder = try RunRecorder(options: scratch.options(aggregation: Self.byBranch))
        return try recorder.record { sink in
            try sink.write(comment("H001", record: 1))
            var returning = StoredComment(comment(nil, record: 2, text: "早餐很好吃", label: .positive, score: 0.6))
            returning.signals = [StoredComment.Signal(value: .loyal, evidenceJSON: #"[{"cue":"下次还来"}]"#)]
            try sink.write(returning)
            try sink.write(comment("H003", record: 3, text: "房间很干净"))
            try sink.write(sampleRejection)
            return end
        }
    }

    func roundTrip(_ kind: DatabaseKind) throws {
        let scratch = try Scratch(kind)
        let manifest = try writeRun(scratch)
        #expect(manifest.status == "complete_with_rejects")
        #expect(manifest.exitCode == 3)
        #expect(manifest.counts.read == 4 && manifest.counts.analysed == 3 && manifest.counts.rejected == 1)

        let written = [comment("H001", record: 1),
                       comment(nil, record: 2, text: "早餐很好吃", label: .positive, score: 0.6),
                       comment("H003", record: 3, text: "房间很干净")]
        let database = try scratch.open()
        let read = try DatabaseReader.comments(in: database)
        // Fields come back in name order (see DatabaseReader).
        var expected = written.map { result -> CommentResult in
            var result = result
            result.fields.sort { $0.name < $1.name }
            return result
        }
        // The stored signal comes back with its evidence: `rater report --db` counts its rates from these.
        expected[1].signals = [SignalSummary(value: .loyal, evidence: [CueEvidence(cue: "下次还来", clause: "", negator: nil)])]
        #expect(read == expected)
        #expect(read.map { $0.signals.map(\.evidence.first?.cue) } == [[], ["下次还来"], []])

        let keys = try database.read { try $0.query("SELECT comment_key FROM comments ORDER BY record", []) }
        #expect(keys.map { $0[0].string } == ["H001", "sha256:" + SHA256Digest.hex(of: "早餐很好吃"), "H003"])

        let rejects = try database.read {
            try $0.query("SELECT source, record, line, byte_offset, reason, message, raw FROM rejects", [])
        }
        #expect(rejects == [[.text("hotel.csv"), .integer(9), .integer(10), .integer(412), .text("missing_column"),
                             .text(sampleRejection.reason.message), .text("H009")]])

        let signals = try database.read { try $0.query("SELECT signal, value, evidence FROM signals", []) }
        #expect(signals == [[.text("loyalty"), .text("loyal"), .text(#"[{"cue":"下次还来"}]"#)]])

        let aggregates = try scratch.aggregates()
        // Everyone and the branch: overall, the two dimensions and the comments' one aspect.
        #expect(aggregates.count == 8)
        var returning = comment(nil, record: 2, text: "早餐很好吃", label: .positive, score: 0.6)
        returning.signals = [SignalSummary(value: .loyal, evidence: [])]
        #expect(aggregates == expectedAggregates([written[0], returning, written[2]], options: Self.byBranch))
        // Sorted by key: everyone's assurance, overall and tangibles rows, then the branch's.
        let overall = Array(aggregates[1].prefix(6))
        #expect(overall == [.text(""), .text(""), .text("overall"), .text("{}"), .integer(3), .integer(3)])
        #expect(aggregates[4][0] == .text("branch=上海外滩店") && aggregates[4][1] == .text(""))
        #expect(aggregates[4][3] == .text(#"{"branch":"上海外滩店"}"#))
        let rates = aggregateColumns.firstIndex(of: "signal_rates")!
        #expect(aggregates[1][rates] == .text(#"{"loyalty.loyal":{"count":1,"rate":0.333333}}"#))

        let runs = try database.read {
            try $0.query("SELECT id, status, exit_code, read, analysed, rejected, manifest FROM runs", [])
        }
        #expect(runs.count == 1)
        #expect(runs[0][0] == .text(manifest.runID) && runs[0][1] == .text("complete_with_rejects"))
        #expect(runs[0][2] == .integer(3) && runs[0][3] == .integer(4) && runs[0][5] == .integer(1))
        let stored = try RunManifest.decode(runs[0][6].string ?? "")
        #expect(stored.runID == manifest.runID && stored.counts == manifest.counts)
    }

    func idempotent(_ kind: DatabaseKind) throws {
        let scratch = try Scratch(kind)
        _ = try writeRun(scratch)
        let first = try scratch.counts()
        _ = try writeRun(scratch)
        var second = try scratch.counts()
        #expect(second["runs"] == 2)
        second["runs"] = 1
        #expect(second == first)
        #expect(first == ["runs": 1, "comments": 3, "dimension_mentions": 6, "aspect_mentions": 3, "signals": 1,
                          "aggregates": 8,
                          "rejects": 1, "corrections": 0, "sources": 0, "rating_answers": 0])
    }

    /// A run that fails half-way keeps nothing it wrote; the failure is logged as a run of its own.
    func failedRunKeepsPrevious(_ kind: DatabaseKind) throws {
        struct Boom: Error {}
        let scratch = try Scratch(kind)
        _ = try writeRun(scratch)
        let before = try scratch.counts()
        let aggregatesBefore = try scratch.aggregates()
        let recorder = try RunRecorder(options: scratch.options(aggregation: Self.byBranch))
        #expect(throws: Boom.self) {
            try recorder.record { sink in
                for record in 10..<20 { try sink.write(comment("X\(record)", record: record)) }
                throw Boom()
            }
        }
        var after = try scratch.counts()
        #expect(after["runs"] == 2)
        after["runs"] = 1
        #expect(after == before)
        #expect(try scratch.aggregates() == aggregatesBefore)
        let statuses = try scratch.open().read {
            try $0.query("SELECT status, exit_code FROM runs ORDER BY started_at, status", [])
        }
        #expect(Set(statuses.map { $0[0] }) == [.text("complete_with_rejects"), .text("failed")])
    }

    /// Comments without an export id are keyed by their text; repeats within a source are numbered.
    func repeatedTexts(_ kind: DatabaseKind) throws {
        let scratch = try Scratch(kind)
        for _ in 0..<2 {
            try RunRecorder(options: scratch.options()).record { sink in
                for record in 1...3 { try sink.write(comment(nil, record: record, text: "一样的评论")) }
                try sink.write(comment(nil, record: 4, source: "other.csv", text: "一样的评论"))
                return .stopped
            }
        }
        let keys = try scratch.open().read {
            try $0.query("SELECT source, comment_key, run_id FROM comments ORDER BY source, comment_key", [])
        }
        let digest = "sha256:" + SHA256Digest.hex(of: "一样的评论")
        #expect(keys.map { [$0[0], $0[1]] } == [[.text("hotel.csv"), .text(digest)],
                                                [.text("hotel.csv"), .text(digest + "#2")],
                                                [.text("hotel.csv"), .text(digest + "#3")],
                                                [.text("other.csv"), .text(digest)]])
        #expect(Set(keys.map { $0[2] }).count == 1, "every row belongs to the latest run")
    }

    /// A statement that fails in the middle of many (PostgreSQL: in the middle of a pipelined batch) fails the
    /// transaction, names the problem, and keeps nothing.
    func failingStatementRollsBack(_ kind: DatabaseKind) throws {
        let scratch = try Scratch(kind)
        _ = try writeRun(scratch)
        let before = try scratch.counts()
        let database = try scratch.open()
        let upsert = Schema.rejects.upsertStatement(database.dialect)
        func row(_ record: Int, reason: SQLValue = .text("empty_text")) -> [SQLValue] {
            [.text("bad.csv"), .integer(record), .null, .null, reason, .text("m"), .text("raw"), .text("run")]
        }
        let error = #expect(throws: DatabaseError.self) {
            try database.transaction { executor in
                for record in 1...100 { try executor.execute(upsert, row(record)) }
                try executor.execute(upsert, row(101, reason: .null))  // `reason` is NOT NULL
                for record in 102...600 { try executor.execute(upsert, row(record)) }
            }
        }
        #expect("\(error.map { "\($0)" } ?? "")".lowercased().contains("null"))
        #expect(try scratch.counts() == before)
        // The connection is usable afterwards.
        #expect(try database.count(Schema.rejects) == before["rejects"])
    }

    /// Every kind of value a row can hold comes back as written: an empty text stays empty (not NULL), integers
    /// beyond 32 bits keep their value, long and non-BMP text is whole. In SQLite a NUL byte inside a text is kept
    /// too; PostgreSQL's text cannot hold one, so there it becomes U+FFFD and the rest of the text is kept.
    func valuesRoundTrip(_ kind: DatabaseKind) throws {
        let scratch = try Scratch(kind)
        _ = try writeRun(scratch)
        let database = try scratch.open()
        let upsert = Schema.rejects.upsertStatement(database.dialect)
        let texts = ["", "西湖店 \u{1F44D}", String(repeating: "长", count: 5_000), "a\u{0}b\u{0}", "\u{0}"]
        try database.transaction { executor in
            for (index, text) in texts.enumerated() {
                try executor.execute(upsert, [.text("values.csv"), .integer(index + 1), .integer(1 << 40),
                                              .null, .text("empty_text"), .text("message \(index)"), .text(text),
                                              .text("run")])
            }
        }
        // Each text lands in its own column: the texts of a row are bound from one buffer (`WriteStatements`).
        let contents = try database.read {
            try $0.query("SELECT source, reason, message, raw, run_id FROM rejects WHERE source = 'values.csv' "
                         + "AND record <= 3 ORDER BY record", [])
        }
        #expect(contents == texts.prefix(3).enumerated().map { index, text in
            [.text("values.csv"), .text("empty_text"), .text("message \(index)"), .text(text), .text("run")]
        })
        let bytes = kind == .sqlite ? "length(CAST(raw AS BLOB))" : "octet_length(raw)"
        let rows = try database.read {
            try $0.query("SELECT line, byte_offset, CASE WHEN raw IS NULL THEN 1 ELSE 0 END, \(bytes) FROM rejects WHERE source = 'values.csv' "
                         + "ORDER BY record", [])
        }
        let expected: [[SQLValue]] = texts.map { [.integer(1 << 40), .null, .integer(0), .integer($0.utf8.count)] }
        guard kind == .postgres else { #expect(rows == expected); return }
        // Each NUL's one byte becomes U+FFFD's three.
        let stored: [[SQLValue]] = texts.map {
            [.integer(1 << 40), .null, .integer(0), .integer($0.utf8.count + 2 * $0.utf8.filter { $0 == 0 }.count)]
        }
        #expect(rows == stored)
        let kept = try database.read {
            try $0.query("SELECT raw FROM rejects WHERE source = 'values.csv' AND record = 4", [])
        }
        #expect(kept == [[.text("a\u{FFFD}b\u{FFFD}")]])
    }

    /// SQLite's memory statistics cost a process-wide mutex around each of its allocations; Rater turns them off
    /// before its first connection opens. Fails if something in the process opens SQLite before `SQLiteConnection`.
    @Test func sqliteProcessSettingsAreMade() throws {
        let scratch = try Scratch(.sqlite)
        _ = try writeRun(scratch)
        #expect(SQLiteConnection.memoryStatisticsOff == 0)
    }

    /// SQLite would prepare only the first of several statements in one text and leave the rest out unseen.
    @Test func sqliteRefusesSeveralStatementsInOneWrite() throws {
        let scratch = try Scratch(.sqlite)
        let database = try scratch.openWithTables()
        let error = #expect(throws: DatabaseError.self) {
            try database.transaction { executor in
                try executor.execute("DELETE FROM rejects; DELETE FROM comments", [])
            }
        }
        #expect("\(error.map { "\($0)" } ?? "")".contains("more than one statement"))
        // One statement with its closing semicolon is fine.
        try database.transaction { try $0.execute("DELETE FROM rejects;", []) }
    }

    /// A text with a NUL inside is read back whole and found by a parameter with the same NUL: GRDB's binding and
    /// reading stopped at the NUL, so `a<NUL>b` read back as `a` and a lookup for it found the row holding `a` (the
    /// review workspace corrected the comment with id `A` for the one with id `A<NUL>B`).
    @Test func sqliteTextsWithNULAreReadAndLookedUpWhole() throws {
        let scratch = try Scratch(.sqlite)
        _ = try writeRun(scratch)
        let database = try scratch.open()
        let upsert = Schema.rejects.upsertStatement(database.dialect)
        let texts = ["a", "a\u{0}b", "a\u{0}", "\u{0}", ""]
        try database.transaction { executor in
            for (index, text) in texts.enumerated() {
                try executor.execute(upsert, [.text("nul.csv"), .integer(index + 1), .integer(1), .null,
                                              .text("empty_text"), .text("m"), .text(text), .text("run")])
            }
        }
        let read = try database.read {
            try $0.query("SELECT raw FROM rejects WHERE source = 'nul.csv' ORDER BY record", [])
        }
        #expect(read == texts.map { [.text($0)] })
        for (index, text) in texts.enumerated() {
            let found = try database.read {
                try $0.query("SELECT record FROM rejects WHERE source = ? AND raw = ?", [.text("nul.csv"), .text(text)])
            }
            #expect(found == [[.integer(index + 1)]], "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func sqliteValuesRoundTrip() throws { try valuesRoundTrip(.sqlite) }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresValuesRoundTrip() throws {
        try valuesRoundTrip(.postgres)
    }

    @Test func sqliteFailingStatementRollsBack() throws { try failingStatementRollsBack(.sqlite) }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresFailingStatementRollsBack() throws {
        try failingStatementRollsBack(.postgres)
    }

    @Test func sqliteRoundTrip() throws { try roundTrip(.sqlite) }
    @Test func sqliteIdempotent() throws { try idempotent(.sqlite) }
    @Test func sqliteFailedRunKeepsPrevious() throws { try failedRunKeepsPrevious(.sqlite) }
    @Test func sqliteRepeatedTexts() throws { try repeatedTexts(.sqlite) }

    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresRoundTrip() throws {
        try roundTrip(.postgres)
    }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresIdempotent() throws {
        try idempotent(.postgres)
    }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresFailedRunKeepsPrevious() throws {
        try failedRunKeepsPrevious(.postgres)
    }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresRepeatedTexts() throws {
        try repeatedTexts(.postgres)
    }
}
