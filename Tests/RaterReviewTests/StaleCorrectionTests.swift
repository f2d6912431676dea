import Foundation
import Rater
import RaterCore
import RaterDatabase
import Testing
@testable import RaterReview

/// A correction judges a text, not a key: when a re-export gives the key another text, the correction is stale and
/// must not be applied to (or exported with) the new text; corrections of comments that are gone are counted.
@Suite struct StaleCorrectionTests {
    static func record(_ id: String, _ text: String, source: String = "cr.csv") -> SourceRecord {
        SourceRecord(source: source, recordNumber: Int(id) ?? 1, line: 2, id: id, text: text)
    }

    /// Another `rater analyze --db` run over the same database.
    static func reanalyse(_ fixture: ReviewFixture, _ records: [SourceRecord]) throws {
        let analyzer = try Analyzer(engine: reviewEngine)
        let recorder = try RunRecorder(options: .init(sqlitePath: fixture.path, inputs: []))
        _ = try recorder.record { sink in
            for record in records { try sink.write(analyzer.analyze(record)) }
            return .finished
        }
    }

    func ids(_ store: ReviewStore, _ query: [(String, String)]) throws -> [String] {
        try store.page(ReviewFilter(query: query)).comments.map(\.id)
    }

    @Test func aCorrectionIsNotCarriedToANewTextOfTheSameKey() throws {
        let fixture = try ReviewFixture([Self.record("1", "the staff were great"), Self.record("2", "rude staff")])
        let store = fixture.store
        let shown = try #require(try store.comment(source: "cr.csv", key: "1"))
        #expect(shown.machineLabel == .positive)
        let made = try store.record(CorrectionRequest(source: "cr.csv", commentKey: "1", action: .label, value: .neutral,
                                                      analyst: "ann", textSHA256: shown.textSHA256))
        #expect(made.textSHA256 == SHA256Digest.hex(of: "the staff were great"))
        #expect(try store.comment(source: "cr.csv", key: "1")?.label == .neutral)
        #expect(try store.corrections().map(\.status) == [.current])

        try Self.reanalyse(fixture, [Self.record("1", "the staff were rude and slow"), Self.record("2", "rude staff")])
        let now = try #require(try store.comment(source: "cr.csv", key: "1"))
        #expect(now.text == "the staff were rude and slow")
        #expect(now.label == now.machineLabel, "ann's judgement is about a text that is gone")
        #expect(now.corrections.isEmpty && !now.isReviewed)
        #expect(now.staleCorrections.map(\.analyst) == ["ann"])
        #expect(now.staleCorrections.first?.status == .stale)

        // Not exported, counted instead; listed as stale.
        #expect(try store.reviewedComments().isEmpty)
        #expect(try store.omissions() == CorrectionOmissions(staleCorrections: 1, staleComments: 1))
        #expect(try store.corrections().map(\.status) == [.stale])
        #expect(try store.corrections(status: .stale).map(\.seq) == [made.seq])
        #expect(try store.corrections(status: .current).isEmpty)

        // The filters see the reviewed reading without it.
        #expect(try ids(store, [("label", "neutral")]).isEmpty)
        #expect(try ids(store, [("review", "reviewed")]).isEmpty)
        #expect(try ids(store, [("review", "unreviewed")]) == ["1", "2"])
        #expect(try ids(store, [("review", "stale")]) == ["1"])
        #expect(try store.progress().reviewed == 0)

        // A page loaded before the run cannot record a judgement of the old text against the new one.
        #expect(throws: ReviewError.commentChanged(source: "cr.csv", key: "1")) {
            try store.record(CorrectionRequest(source: "cr.csv", commentKey: "1", action: .accept, value: .neutral,
                                               analyst: "ann", textSHA256: shown.textSHA256))
        }
        // Judged again on the new text: applied and exported, the stale one still left out.
        try store.record(CorrectionRequest(source: "cr.csv", commentKey: "1", action: .accept, value: .negative,
                                           analyst: "bo", textSHA256: now.textSHA256))
        let gold = GoldExport.csv(try store.reviewedComments())
        #expect(gold.contains("\r\n1,en,the staff were rude and slow,negative,"))
        #expect(gold.contains(",bo,"))
        #expect(try ids(store, [("review", "stale")]).isEmpty)
        #expect(try ids(store, [("review", "reviewed")]) == ["1"])
        #expect(try store.omissions().staleCorrections == 1)
    }

    @Test func aRerunOverTheSameTextKeepsTheCorrection() throws {
        let fixture = try ReviewFixture([Self.record("1", "the staff were great")])
        try fixture.store.record(CorrectionRequest(source: "cr.csv", commentKey: "1", action: .label, value: .neutral,
                                                   analyst: "ann"))
        try Self.reanalyse(fixture, [Self.record("1", "the staff were great")])
        #expect(try fixture.store.comment(source: "cr.csv", key: "1")?.label == .neutral)
        #expect(try fixture.store.reviewedComments().map(\.id) == ["1"])
        #expect(try fixture.store.omissions().isEmpty)
        #expect(try fixture.store.corrections().map(\.status) == [.current])
    }

    @Test func orphanedCorrectionsAreCountedNotSilentlyDropped() throws {
        let fixture = try ReviewFixture([Self.record("1", "the staff were great")])
        try fixture.store.record(CorrectionRequest(source: "cr.csv", commentKey: "1", action: .label, value: .negative,
                                                   analyst: "ann"))
        // Rows added by SQL (the table is append-only, not closed): two corrections of a comment that is not here.
        let database = try SQLiteConnection(path: fixture.path)
        try database.transaction { executor in
            for seq in [2, 3] {
                try executor.execute("INSERT INTO corrections (seq, source, comment_key, action, value, machine_label, "
                    + "machine_run_id, analyst, created_at) VALUES (?, 'gone.csv', '9', 'label', 'positive', 'negative', "
                    + "'r', 'ann', '2026-11-28T00:00:00Z')", [.integer(seq)])
            }
        }
        let store = fixture.store
        #expect(try store.reviewedComments().map(\.id) == ["1"])
        #expect(try store.omissions() == CorrectionOmissions(orphanedCorrections: 2, orphanedComments: 1))
        #expect(try store.corrections(status: .orphaned).map(\.seq) == [3, 2])
        #expect(try store.corrections().map(\.status) == [.orphaned, .orphaned, .current])
        #expect(try store.progress().reviewed == 1, "an orphan has no comment to count as reviewed")
    }

    /// A database whose `corrections` table predates `text_sha256`: opened, it gains the column; its rows cannot
    /// say what they judged, so they are applied as before and listed as unverified.
    @Test func aDatabaseFromBeforeTheDigestKeepsWorking() throws {
        let path = NSTemporaryDirectory() + "rater-old-corrections-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        var old = Schema.corrections
        // And before `dimensions` and `signal`, which came later still: a database that old gains all, in this order.
        old.columns.removeAll { ["text_sha256", "dimensions", "signal"].contains($0.name) }
        let database = try SQLiteConnection(path: path)
        try database.transaction { executor in
            for statement in old.createStatements(.sqlite) { try executor.execute(statement, []) }
            try executor.execute("INSERT INTO corrections (seq, source, comment_key, action, value, machine_label, "
                + "machine_run_id, analyst, created_at) VALUES (1, 'cr.csv', '1', 'label', 'neutral', 'positive', 'r', "
                + "'ann', '2026-11-01T00:00:00Z')", [])
        }
        let analyzer = try Analyzer(engine: reviewEngine)
        let recorder = try RunRecorder(options: .init(sqlitePath: path, inputs: []))
        _ = try recorder.record { sink in
            try sink.write(analyzer.analyze(Self.record("1", "the staff were great")))
            return .finished
        }
        let store = try ReviewStore(connection: SQLiteConnection(path: path))
        let columns = try database.read { try $0.query("SELECT name FROM pragma_table_info('corrections')", []) }
            .compactMap { $0.first?.string }
        #expect(columns == Schema.corrections.columnNames)
        #expect(try store.corrections().map(\.status) == [.unverified])
        #expect(try store.comment(source: "cr.csv", key: "1")?.label == .neutral)
        #expect(try store.reviewedComments().map(\.id) == ["1"])
        let next = try store.record(CorrectionRequest(source: "cr.csv", commentKey: "1", action: .accept,
                                                      value: .neutral, analyst: "bo"))
        #expect(next.seq == 2 && next.textSHA256 != nil)
        #expect(try store.corrections().map(\.status) == [.current, .unverified])
        // Opening it again changes nothing.
        _ = try ReviewStore(connection: SQLiteConnection(path: path))
        #expect(try store.corrections().count == 2)
    }

    @Test func thePageShowsAStaleCorrectionAsStaleNotAsTheLabel() throws {
        let fixture = try ReviewFixture([Self.record("1", "the staff were great")])
        try fixture.store.record(CorrectionRequest(source: "cr.csv", commentKey: "1", action: .label, value: .neutral,
                                                   analyst: "<b>ann</b>"))
        try Self.reanalyse(fixture, [Self.record("1", "the staff were rude and slow")])
        let page = try fixture.store.page(ReviewFilter())
        let html = ReviewPageRenderer(csrfToken: "t", analyst: "bo")
            .list(page, filter: ReviewFilter(), store: ReviewStoreInfo(groupColumns: [], dateColumn: nil),
                  progress: try fixture.store.progress())
        #expect(html.contains("data-label=\"negative\""))
        #expect(!html.contains("class=\"chip label neutral\""))
        #expect(html.contains("data-role=\"stale\""))
        #expect(html.contains("&lt;b&gt;ann&lt;/b&gt;") && !html.contains("<b>ann</b>"), "escaped")
        #expect(html.contains("set label neutral on an earlier text"))
        #expect(html.contains("name=\"text_sha256\" value=\"" + SHA256Digest.hex(of: "the staff were rude and slow") + "\""))
        #expect(html.contains("0 of 1 reviewed"))
        #expect(html.contains("<option value=\"stale\""))
    }

    /// The page posts the digest of the text it showed: after a run changed the text, the post is refused (409)
    /// and nothing is recorded; with the current digest it is recorded.
    @Test func aFormFromBeforeARunIsRefusedWithAConflict() async throws {
        let fixture = try ReviewFixture([Self.record("1", "the staff were great")])
        let before = SHA256Digest.hex(of: "the staff were great")
        try Self.reanalyse(fixture, [Self.record("1", "the staff were rude and slow")])
        try await withServer(fixture) { port, configuration in
            func post(_ digest: String) throws -> HTTPReply {
                try LoopbackHTTP.send(port: port, "POST", "/corrections", form: [
                    ("csrf", configuration.csrfToken), ("ref", CommentReference.encode(source: "cr.csv", key: "1")),
                    ("op", "label:positive"), ("text_sha256", digest), ("return", "/"),
                ])
            }
            let refused = try post(before)
            #expect(refused.status == 409)
            #expect(refused.body.contains("reload"))
            #expect(try fixture.store.corrections().isEmpty)
            #expect(try post(SHA256Digest.hex(of: "the staff were rude and slow")).status == 303)
            #expect(try fixture.store.corrections().map(\.status) == [.current])
        }
    }

    /// The same on PostgreSQL: the stale set travels as one JSON parameter, and an old table gains the column.
    @Test(.enabled(if: PostgresReviewTests.serverURL != nil, "RATER_TEST_POSTGRES_URL is not set"))
    func staleAndOrphanedCorrectionsOnPostgres() throws {
        let (store, url) = try PostgresReviewTests.store([Self.record("1", "the staff were great"),
                                                          Self.record("2", "rude staff")])
        for key in ["1", "2"] {
            try store.record(CorrectionRequest(source: "cr.csv", commentKey: key, action: .label, value: .neutral,
                                               analyst: "ann"))
        }
        let database = try PostgresConnection(url: url)
        try database.transaction { executor in
            try executor.execute("INSERT INTO corrections (seq, source, comment_key, action, value, machine_label, "
                + "machine_run_id, analyst, created_at) VALUES (3, 'gone.csv', '9', 'label', 'positive', 'negative', "
                + "'r', 'ann', '2026-11-28T00:00:00Z')", [])
        }
        let analyzer = try Analyzer(engine: reviewEngine)
        let recorder = try RunRecorder(options: .init(postgresURL: url, inputs: []))
        _ = try recorder.record { sink in
            for record in [Self.record("1", "the staff were rude and slow"), Self.record("2", "rude staff")] {
                try sink.write(analyzer.analyze(record))
            }
            return .finished
        }
        #expect(try store.reviewedComments().map(\.id) == ["2"])
        #expect(try store.omissions() == CorrectionOmissions(staleCorrections: 1, staleComments: 1,
                                                             orphanedCorrections: 1, orphanedComments: 1))
        #expect(try store.corrections().map(\.status) == [.orphaned, .current, .stale])
        #expect(try store.corrections(status: .stale).map(\.seq) == [1])
        #expect(try ids(store, [("label", "neutral")]) == ["2"])
        #expect(try ids(store, [("review", "stale")]) == ["1"])
        #expect(try ids(store, [("review", "unreviewed")]) == ["1"])
        #expect(try store.progress().reviewed == 1)
    }

    @Test(.enabled(if: PostgresReviewTests.serverURL != nil, "RATER_TEST_POSTGRES_URL is not set"))
    func anOldCorrectionsTableOnPostgresGainsTheDigest() throws {
        let base = try #require(PostgresReviewTests.serverURL)
        let schema = "review_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        // `schema` is made here from a UUID, never from input.
        try PostgresConnection(url: base).transaction { try $0.execute("CREATE SCHEMA \(schema)", []) }
        let url = base + (base.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)"
        var old = Schema.corrections
        // And before `dimensions` and `signal`, which came later still: a database that old gains all, in this order.
        old.columns.removeAll { ["text_sha256", "dimensions", "signal"].contains($0.name) }
        try PostgresConnection(url: url).transaction { executor in
            for statement in old.createStatements(.postgres) { try executor.execute(statement, []) }
            try executor.execute("INSERT INTO corrections (seq, source, comment_key, action, value, machine_label, "
                + "machine_run_id, analyst, created_at) VALUES (1, 'cr.csv', '1', 'label', 'neutral', 'positive', 'r', "
                + "'ann', '2026-11-01T00:00:00Z')", [])
        }
        let store = try ReviewStore(connection: PostgresConnection(url: url))
        _ = try ReviewStore(connection: PostgresConnection(url: url))
        #expect(try store.corrections().map(\.status) == [.orphaned])
        let columns = try PostgresConnection(url: url).read {
            try $0.query("SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND "
                         + "table_name = 'corrections' ORDER BY ordinal_position", [.text(schema)])
        }.compactMap { $0.first?.string }
        #expect(columns == Schema.corrections.columnNames)
    }
}
