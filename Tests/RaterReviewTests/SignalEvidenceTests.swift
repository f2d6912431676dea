import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RaterCore
import Testing
@testable import RaterReview

/// The page says why a signal was read (cue, negator, clause), as it does for dimensions and as `rater explain` does:
/// before, a signal was a chip whose hover title listed its cues and nothing more.
@Suite struct SignalEvidenceTests {
    static func page(_ fixture: ReviewFixture) throws -> String {
        let data = try fixture.store.page(ReviewFilter())
        return ReviewPageRenderer(csrfToken: "t", analyst: "ana")
            .list(data, filter: ReviewFilter(), store: ReviewStoreInfo(groupColumns: [], dateColumn: nil),
                  progress: (data.total, 0))
    }

    @Test func aSignalsCueNegatorAndClauseAreOnThePage() throws {
        let fixture = try ReviewFixture([
            SourceRecord(source: "s.csv", recordNumber: 1, id: "e1", text: "Nice view, but we will not come back."),
        ])
        let comment = try #require(try fixture.store.page(ReviewFilter()).comments.first)
        let loyalty = try #require(comment.signals.first { $0.kind == .loyalty })
        #expect(loyalty.value == .atRisk)
        #expect(loyalty.evidence == [CueEvidence(cue: "come back", clause: "but we will not come back", negator: "not")])

        let structure = try PageStructure(try Self.page(fixture))
        #expect(structure.elements.contains { $0.name == "p" && $0.attributes["data-signal"] == "loyalty" })
        #expect(structure.text.contains("loyalty (at_risk): come back negated by not in “but we will not come back”"))
    }

    @Test func signalEvidenceIsEscapedText() throws {
        let hostile = "\"><script>alert(1)</script><img src=x onerror=alert(2)>"
        var result = try #require(try ReviewFixture([
            SourceRecord(source: "s.csv", recordNumber: 1, id: "e1", text: "ok"),
        ]).store.page(ReviewFilter()).comments.first)
        result.signals = [.init(kind: .expectation, value: .fellShort,
                                evidence: [CueEvidence(cue: hostile, clause: hostile + " \u{202E}clause", negator: hostile)])]
        let html = ReviewPageRenderer(csrfToken: "t", analyst: "ana")
            .list(ReviewPageData(comments: [result], total: 1, page: 1, pageSize: 50), filter: ReviewFilter(),
                  store: ReviewStoreInfo(groupColumns: [], dateColumn: nil), progress: (1, 0))
        let structure = try PageStructure(html)
        #expect(structure.elements.filter { $0.name == "script" }.map { $0.attributes["src"] } == ["/static/review.js"])
        #expect(!structure.elements.contains { $0.name == "img" })
        #expect(!html.unicodeScalars.contains { $0.value == 0x202E })
        #expect(structure.text.contains(hostile + " negated by " + hostile))
    }
}
