import Foundation
import Rater
import RaterCore
import RaterDatabase
import Testing
@testable import RaterReview

/// "Accept as shown" judges the dimensions the analyst was shown. They are kept with the accept, so a later run that
/// reads the same text differently (other lexicons) neither changes what was accepted nor exports its new dimensions
/// as judged; and an accept posted from a page whose dimensions have changed since is refused.
@Suite struct AcceptedDimensionsTests {
    static func record(_ id: String, _ text: String) -> SourceRecord {
        SourceRecord(source: "ad.csv", recordNumber: Int(id) ?? 1, line: 2, id: id, text: text)
    }

    /// Another run over the same text whose reading differs: `change` edits the machine's result before it is
    /// stored, as a run with other lexicons would.
    static func rerun(_ fixture: ReviewFixture, _ record: SourceRecord,
                      _ change: (inout CommentResult) -> Void) throws {
        var result = try Analyzer(engine: reviewEngine).analyze(record)
        change(&result)
        let recorder = try RunRecorder(options: .init(sqlitePath: fixture.path, inputs: []))
        _ = try recorder.record { sink in
            try sink.write(result)
            return .finished
        }
    }

    static let text = "The room was spotless but the receptionist was rude to us."

    @Test func theAcceptedDimensionsOutliveALaterReading() throws {
        let fixture = try ReviewFixture([Self.record("1", Self.text)])
        let store = fixture.store
        let shown = try #require(try store.comment(source: "ad.csv", key: "1"))
        let shownPairs = shown.dimensionPairs
        #expect(shownPairs.contains("tangibles:positive"), "\(shownPairs)")
        let made = try store.record(CorrectionRequest(source: "ad.csv", commentKey: "1", action: .accept,
                                                      value: shown.label, analyst: "ann",
                                                      textSHA256: shown.textSHA256, shownDimensions: shownPairs))
        #expect(made.acceptedDimensions == shownPairs)
        #expect(try store.corrections().first?.acceptedDimensions == shownPairs, "stored and read back")

        // A run with other lexicons: tangibles gone, empathy added, on the same text.
        try Self.rerun(fixture, Self.record("1", Self.text)) { result in
            result.dimensions.removeAll { $0.dimension == .tangibles }
            result.dimensions.append(DimensionSummary(dimension: .empathy, label: .negative, score: -0.5, mentions: 1,
                                                      evidence: [(cue: "rude", clause: "rude to us")]))
        }
        let now = try #require(try store.comment(source: "ad.csv", key: "1"))
        #expect(!now.machineDimensions.contains { $0.dimension == .tangibles }, "the machine changed its mind")
        #expect(now.dimensionPairs == shownPairs, "the accepted reading stands")
        #expect(now.judgedDimensionPairs == shownPairs)
        let gold = GoldExport.csv(try store.reviewedComments())
        #expect(gold.contains(shownPairs) && !gold.contains("empathy:negative"), "\(gold)")

        // The list's dimension filter sees the accepted reading, not the new machine one.
        #expect(try store.page(ReviewFilter(query: [("dimension", "tangibles")])).comments.map(\.id) == ["1"])
        #expect(try store.page(ReviewFilter(query: [("dimension", "empathy")])).comments.isEmpty)

        // A correction after the accept still applies on top of it.
        try store.record(CorrectionRequest(source: "ad.csv", commentKey: "1", action: .removeDimension,
                                           dimension: .tangibles, analyst: "bo"))
        #expect(try store.comment(source: "ad.csv", key: "1")?.dimensions.contains { $0.dimension == .tangibles } == false)
        #expect(try store.page(ReviewFilter(query: [("dimension", "tangibles")])).comments.isEmpty)
    }

    @Test func anAcceptOfDimensionsThatChangedSinceThePageIsRefused() throws {
        let fixture = try ReviewFixture([Self.record("1", Self.text)])
        let store = fixture.store
        let shown = try #require(try store.comment(source: "ad.csv", key: "1"))
        try Self.rerun(fixture, Self.record("1", Self.text)) { result in
            result.dimensions.removeAll { $0.dimension == .tangibles }
        }
        #expect(throws: ReviewError.dimensionsChanged(source: "ad.csv", key: "1")) {
            try store.record(CorrectionRequest(source: "ad.csv", commentKey: "1", action: .accept, value: shown.label,
                                               analyst: "ann", textSHA256: shown.textSHA256,
                                               shownDimensions: shown.dimensionPairs))
        }
        #expect(try store.corrections().isEmpty)
        // The same pairs in another order are the same reading.
        let now = try #require(try store.comment(source: "ad.csv", key: "1"))
        let reversed = now.dimensionPairs.split(separator: ";").reversed().joined(separator: ";")
        let made = try store.record(CorrectionRequest(source: "ad.csv", commentKey: "1", action: .accept,
                                                      value: now.label, analyst: "ann", shownDimensions: reversed))
        #expect(made.acceptedDimensions == now.dimensionPairs)
    }

    @Test func anAcceptWithoutKeptDimensionsJudgesTheMachinesCurrentOnes() throws {
        // Accepts stored before the column (null) behave as they always did.
        let fixture = try ReviewFixture([Self.record("1", Self.text)])
        let database = try SQLiteConnection(path: fixture.path)
        let shown = try #require(try fixture.store.comment(source: "ad.csv", key: "1"))
        try database.transaction { executor in
            try executor.execute("INSERT INTO corrections (seq, source, comment_key, action, value, machine_label, "
                                 + "machine_run_id, analyst, created_at, text_sha256) VALUES (1, 'ad.csv', '1', "
                                 + "'accept', ?, ?, 'r', 'old', '2026-01-01T00:00:00Z', ?)",
                                 [.text(shown.label.rawValue), .text(shown.machineLabel.rawValue),
                                  .text(shown.textSHA256)])
        }
        try Self.rerun(fixture, Self.record("1", Self.text)) { result in
            result.dimensions.removeAll { $0.dimension == .tangibles }
        }
        let now = try #require(try fixture.store.comment(source: "ad.csv", key: "1"))
        #expect(now.corrections.first?.acceptedDimensions == nil)
        #expect(now.dimensionPairs == now.machineDimensions.map { $0.dimension.rawValue + ":" + $0.label.rawValue }
            .joined(separator: ";"))
    }

    @Test func thePagePostsTheDimensionsItShowsWithAnAccept() throws {
        let fixture = try ReviewFixture([Self.record("1", Self.text)])
        let shown = try #require(try fixture.store.comment(source: "ad.csv", key: "1"))
        let page = try fixture.store.page(ReviewFilter())
        let html = ReviewPageRenderer(csrfToken: "t", analyst: "bo")
            .list(page, filter: ReviewFilter(), store: ReviewStoreInfo(groupColumns: [], dateColumn: nil),
                  progress: try fixture.store.progress())
        #expect(html.contains("name=\"dimensions_shown\" value=\"" + shown.dimensionPairs + "\""))
    }

    /// Over HTTP: an accept of dimensions that changed since the page is a conflict (409, reload); a malformed
    /// `dimensions_shown` is a bad request (400); the page's own value is recorded (303).
    @Test func theServerRefusesAnAcceptOfChangedOrMalformedDimensions() async throws {
        let fixture = try ReviewFixture([Self.record("1", Self.text)])
        let shown = try #require(try fixture.store.comment(source: "ad.csv", key: "1"))
        try Self.rerun(fixture, Self.record("1", Self.text)) { result in
            result.dimensions.removeAll { $0.dimension == .tangibles }
        }
        let now = try #require(try fixture.store.comment(source: "ad.csv", key: "1"))
        try await withServer(fixture) { port, configuration in
            func post(_ dimensions: String) throws -> HTTPReply {
                try LoopbackHTTP.send(port: port, "POST", "/corrections", form: [
                    ("csrf", configuration.csrfToken), ("ref", CommentReference.encode(source: "ad.csv", key: "1")),
                    ("op", "accept:" + shown.label.rawValue), ("dimensions_shown", dimensions), ("return", "/"),
                ])
            }
            let changed = try post(shown.dimensionPairs)
            #expect(changed.status == 409 && changed.body.contains("reload"))
            #expect(try post("tangibles").status == 400)
            #expect(try post("tangibles:great;").status == 400)
            #expect(try fixture.store.corrections().isEmpty)
            #expect(try post(now.dimensionPairs).status == 303)
            #expect(try fixture.store.corrections().first?.subject == now.dimensionPairs, "the audit shows what was kept")
        }
    }

    /// An accept made on an earlier text is stale: its kept dimensions decide neither the reading nor the filter.
    @Test func aStaleAcceptKeepsNothing() throws {
        let fixture = try ReviewFixture([Self.record("1", Self.text)])
        let shown = try #require(try fixture.store.comment(source: "ad.csv", key: "1"))
        try fixture.store.record(CorrectionRequest(source: "ad.csv", commentKey: "1", action: .accept,
                                                   value: shown.label, analyst: "ann"))
        try Self.rerun(fixture, Self.record("1", "The receptionist was rude to us.")) { _ in }
        let now = try #require(try fixture.store.comment(source: "ad.csv", key: "1"))
        #expect(now.corrections.isEmpty && now.staleCorrections.count == 1)
        #expect(!now.machineDimensions.contains { $0.dimension == .tangibles })
        #expect(try fixture.store.page(ReviewFilter(query: [("dimension", "tangibles")])).comments.isEmpty)
    }

    @Test func malformedPairsAreNotRead() {
        #expect(AcceptedDimensions.parse("") == [:])
        #expect(AcceptedDimensions.parse("tangibles:positive;empathy:negative") == [.tangibles: .positive, .empathy: .negative])
        #expect(AcceptedDimensions.parse("tangibles") == nil)
        #expect(AcceptedDimensions.parse("comfort:positive") == nil)
        #expect(AcceptedDimensions.parse("tangibles:great") == nil)
    }
}
