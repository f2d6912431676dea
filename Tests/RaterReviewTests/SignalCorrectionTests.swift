import Foundation
import Rater
import RaterCore
import RaterDatabase
import Testing
@testable import RaterReview

/// Analysts correct the business signals as they do dimensions: `set_signal:loyalty:at_risk` or `…:none`. The page,
/// its signal filter, the audit trail and the gold file's signal columns show the reviewed reading, and only the
/// signals an analyst set are exported as judged.
@Suite struct SignalCorrectionTests {
    static func record(_ id: String, _ text: String) -> SourceRecord {
        SourceRecord(source: "sig.csv", recordNumber: Int(id) ?? 1, line: Int(id).map { $0 + 1 }, id: id, text: text)
    }

    static func fixture() throws -> ReviewFixture {
        try ReviewFixture([
            Self.record("1", "The nurse was kind and the wait was short."),
            Self.record("2", "We will definitely come back again!"),
            Self.record("3", "The bank lost my card twice and nobody apologised."),
        ])
    }

    func ids(_ store: ReviewStore, _ signal: String) throws -> [String] {
        try store.page(ReviewFilter(query: [("signal", signal)])).comments.map(\.id)
    }

    @Test func aSetSignalIsTheReviewedReadingEverywhere() throws {
        let fixture = try Self.fixture()
        let store = fixture.store
        let two = try #require(try store.comment(source: "sig.csv", key: "2"))
        #expect(two.signals.map(\.value) == [.loyal], "the machine's reading")
        #expect(try ids(store, "loyalty") == ["2"])

        // 1: the analyst reads a loyal customer the machine missed; 2: the analyst says there is no loyalty signal.
        let set = try store.record(CorrectionRequest(source: "sig.csv", commentKey: "1", action: .setSignal,
                                                     signal: .loyalty, signalValue: .loyal, analyst: "ana"))
        #expect(set.signal == .loyalty && set.signalValue == .loyal && set.value == nil)
        try store.record(CorrectionRequest(source: "sig.csv", commentKey: "2", action: .setSignal, signal: .loyalty,
                                           analyst: "ana"))
        let one = try #require(try store.comment(source: "sig.csv", key: "1"))
        #expect(one.reviewedSignals.map(\.value) == [.loyal] && one.reviewedSignals.first?.evidence.isEmpty == true)
        #expect(one.signals.isEmpty, "the machine's reading is kept as it was")
        #expect(one.judgedSignals == [.loyalty] && one.judgedFields == "loyalty")
        let unsaid = try #require(try store.comment(source: "sig.csv", key: "2"))
        #expect(unsaid.reviewedSignals.isEmpty && unsaid.judgedSignals == [.loyalty])

        // The filter follows the reviewed reading, with and without a value.
        #expect(try ids(store, "loyalty") == ["1"])
        #expect(try ids(store, "loyalty=loyal") == ["1"])
        #expect(try ids(store, "loyalty=at_risk").isEmpty)

        // The audit trail and the listing name the signal and its value (none for absent).
        let listed = try store.corrections()
        #expect(listed.map(\.subject) == ["loyalty", "loyalty"])
        #expect(listed.map(\.valueName) == ["none", "loyal"])

        // The gold file: the signal's value, empty for none, and `judged` names it; an unjudged signal is empty.
        let rows = rfc4180Rows(GoldExport.csv(try store.reviewedComments()))
        let header = try #require(rows.first)
        #expect(header == GoldFileLayout.header)
        func cell(_ id: String, _ name: String) throws -> String {
            let row = try #require(rows.first { $0.first == id })
            return row[try #require(header.firstIndex(of: name))]
        }
        #expect(try cell("1", "loyalty") == "loyal" && cell("1", "judged") == "loyalty" && cell("1", "label") == "")
        #expect(try cell("2", "loyalty") == "" && cell("2", "judged") == "loyalty")
        #expect(try cell("1", "recovery") == "" && cell("1", "expectation") == "")

        // Setting it again changes the reading; the last one stands.
        try store.record(CorrectionRequest(source: "sig.csv", commentKey: "1", action: .setSignal, signal: .loyalty,
                                           signalValue: .atRisk, analyst: "bo"))
        #expect(try ids(store, "loyalty=at_risk") == ["1"])
        #expect(try store.comment(source: "sig.csv", key: "1")?.reviewedSignals.map(\.value) == [.atRisk])
    }

    @Test func thePageOffersEachSignalsValuesAndShowsAJudgedAbsence() throws {
        let fixture = try Self.fixture()
        try fixture.store.record(CorrectionRequest(source: "sig.csv", commentKey: "2", action: .setSignal,
                                                   signal: .loyalty, analyst: "ana"))
        let page = try fixture.store.page(ReviewFilter())
        let html = ReviewPageRenderer(csrfToken: "t", analyst: "bo")
            .list(page, filter: ReviewFilter(), store: ReviewStoreInfo(groupColumns: [], dateColumn: nil),
                  progress: try fixture.store.progress())
        for op in ["set_signal:loyalty:at_risk", "set_signal:loyalty:none", "set_signal:recovery:recovered",
                   "set_signal:expectation:fell_short"] {
            #expect(html.contains("value=\"" + op + "\""), "\(op)")
        }
        #expect(html.contains("judged absent by an analyst"))
    }

    @Test func theFormsOperationIsReadStrictly() throws {
        func request(_ op: String) throws -> CorrectionRequest {
            try ReviewServer.correction(op: op.split(separator: ":").map(String.init), source: "s", key: "k",
                                        analyst: "ana", note: nil)
        }
        let atRisk = try request("set_signal:loyalty:at_risk")
        #expect(atRisk.signal == .loyalty && atRisk.signalValue == .atRisk)
        let none = try request("set_signal:recovery:none")
        #expect(none.signal == .recovery && none.signalValue == nil)
        for bad in ["set_signal:loyalty:met", "set_signal:mood:happy", "set_signal:loyalty", "set_signal",
                    "set_signal:loyalty:loyal:extra", "set_signal:loyalty:none:x"] {
            #expect(throws: ReviewError.self, "\(bad)") { try request(bad) }
        }
        // Other actions take no signal.
        #expect(throws: ReviewError.self) {
            try CorrectionRequest(source: "s", commentKey: "k", action: .label, value: .positive, signal: .loyalty,
                                  analyst: "ana").validate()
        }
    }

    @Test func aSignalSetOnAnEarlierTextIsStale() throws {
        let fixture = try Self.fixture()
        try fixture.store.record(CorrectionRequest(source: "sig.csv", commentKey: "2", action: .setSignal,
                                                   signal: .loyalty, signalValue: .atRisk, analyst: "ana"))
        try StaleCorrectionTests.reanalyse(fixture, [Self.record("2", "The food was cold.")])
        let now = try #require(try fixture.store.comment(source: "sig.csv", key: "2"))
        #expect(now.judgedSignals.isEmpty && now.staleCorrections.count == 1)
        #expect(try ids(fixture.store, "loyalty=at_risk").isEmpty, "a stale correction does not decide the filter")
    }
}
