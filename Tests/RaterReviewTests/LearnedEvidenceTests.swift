import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RaterCore
import RaterDatabase
import RaterTestSupport
import Testing
@testable import RaterReview

/// The page says why a comment scored as it did as well as `rater explain` does: each term's lexicon file and whether
/// its weight is learned, what the score rests on, a badge on the readings that rest on learned weights only (the ones
/// analysts distrust), and a filter for them.
@Suite struct LearnedEvidenceTests {
    static func page(_ store: ReviewStore, _ filter: ReviewFilter = ReviewFilter()) throws -> String {
        let data = try store.page(filter)
        return ReviewPageRenderer(csrfToken: "t", analyst: "ana")
            .list(data, filter: filter, store: ReviewStoreInfo(groupColumns: [], dateColumn: nil),
                  progress: (data.total, 0))
    }

    /// A hand-made result whose score rests on `kind` (nil: stored before the kind was recorded).
    static func result(_ id: String, _ record: Int, _ kind: EvidenceKind?, terms: [TermExplanation] = [])
        -> CommentResult
    {
        CommentResult(
            id: id, source: "notes.csv", recordNumber: record, line: record + 1, language: .en, text: "comment \(id)",
            sentiment: SentimentSummary(label: kind == EvidenceKind.none ? .neutral : .positive, score: 0.2,
                                        positive: 1, negative: 0, neutral: 0, confidence: 0.6, terms: terms,
                                        evidenceKind: kind),
            dimensions: [], fields: [])
    }

    func articles(_ html: String) throws -> [PageStructure.Element] {
        try PageStructure(html).elements.filter { $0.name == "article" }
    }

    /// "Staff just arrived." reads positive from the learned weight of "staff" alone; "The staff were rude." has
    /// an opinion word. Only the first is badged, and each term names its file as `rater explain` does.
    @Test func aLearnedOnlyReadingIsBadgedAndItsTermsNameTheirFiles() throws {
        let fixture = try ReviewFixture([
            SourceRecord(source: "s.csv", recordNumber: 1, id: "l1", text: "Staff just arrived."),
            SourceRecord(source: "s.csv", recordNumber: 2, id: "o1", text: "The staff were rude."),
        ])
        let comments = try fixture.store.page(ReviewFilter()).comments
        #expect(comments.map(\.evidenceKind) == [.learnedOnly, .opinion])
        let staff = try #require(comments[0].terms.first { $0.term.lowercased() == "staff" })
        #expect(staff.isLearned && staff.source == "en/learned-reviews.tsv")

        let html = try Self.page(fixture.store)
        let structure = try PageStructure(html)
        let badges = structure.elements.filter { $0.attributes["data-role"] == "learned-only" }
        #expect(badges.count == 1)
        #expect(badges.first?.attributes["class"] == "chip learned-only")
        // The badge sits in the first comment's header: it comes before the second article.
        let order = structure.elements.compactMap { element -> String? in
            element.name == "article" ? element.attributes["data-key"]
                : element.attributes["data-role"] == "learned-only" ? "badge" : nil
        }
        #expect(order == ["l1", "badge", "o1"])
        #expect(structure.text.contains("learned · en/learned-reviews.tsv"))
        #expect(structure.text.contains("en/sentiment.tsv"))
        #expect(structure.text.contains(" terms, learned weights only)"))
        #expect(structure.text.contains("Evidence: learned weights only, no opinion word"))
        #expect(structure.text.contains("Evidence: at least one opinion word"))
        #expect(structure.elements.filter { $0.name == "td" && $0.attributes["class"] == "origin learned" }.count >= 1)
    }

    @Test func filtersByWhatTheScoreRestsOn() throws {
        let store = try ReviewFixture(results: [
            Self.result("a", 1, .learnedOnly), Self.result("b", 2, .opinion), Self.result("c", 3, EvidenceKind.none),
            Self.result("d", 4, nil), Self.result("e", 5, .learnedOnly),
        ]).store
        func ids(_ query: [(String, String)]) throws -> [String] {
            try store.page(ReviewFilter(query: query)).comments.map(\.id)
        }
        #expect(try ids([("evidence", "learned_only")]) == ["a", "e"])
        #expect(try ids([("evidence", "opinion")]) == ["b"])
        #expect(try ids([("evidence", "none")]) == ["c"])
        #expect(try ids([("evidence", "")]) == ["a", "b", "c", "d", "e"])
        #expect(try store.page(ReviewFilter(query: [("evidence", "learned_only")])).total == 2)
        // With the other filters, ANDed.
        #expect(try ids([("evidence", "learned_only"), ("q", "comment e")]) == ["e"])
        #expect(try ids([("evidence", "learned_only"), ("label", "neutral")]).isEmpty)
        // A comment stored before the kind was recorded has no badge.
        let html = try Self.page(store)
        #expect(try PageStructure(html).elements.filter { $0.attributes["data-role"] == "learned-only" }.count == 2)
        // The form shows the filter applied.
        let filtered = try Self.page(store, ReviewFilter(query: [("evidence", "learned_only")]))
        #expect(filtered.contains(#"<option value="learned_only" selected="selected">learned weights only</option>"#))
    }

    @Test func readsAndWritesTheEvidenceFilterBack() throws {
        let filter = try ReviewFilter(query: [("evidence", "learned_only"), ("label", "positive")])
        #expect(filter.evidence == .learnedOnly)
        #expect(filter.path() == "/?label=positive&evidence=learned_only")
        #expect(try ReviewFilter(query: FormEncoding.decode(filter.path().dropFirst(2))) == filter)
    }

    @Test(arguments: ["learned", "LEARNED_ONLY", "learned_only'--", "\u{0}", "opinion;DROP TABLE comments"])
    func refusesAnUnknownEvidenceKind(_ text: String) {
        let reading = ReviewFilter.reading(query: [("evidence", text), ("label", "negative")])
        #expect(reading.filter.evidence == nil)
        #expect(reading.filter.label == .negative)
        #expect(reading.notices.map(\.parameter) == ["evidence"])
        #expect(reading.notices.first?.description.hasPrefix("Evidence filter not applied: unknown evidence") == true)
    }

    /// Lexicon-derived strings are untrusted too (a file layered with `--lexicon` is named as given): a term's source
    /// is text on the page, never markup, and the bidirectional override in it is not passed through.
    @Test func termSourcesAreEscapedText() throws {
        let hostile = "\"><script>alert(1)</script><img src=x onerror=alert(2)>.tsv"
        let store = try ReviewFixture(results: [
            Self.result("a", 1, .learnedOnly, terms: [
                TermExplanation(term: "<b>staff</b>", base: 0.3, rules: ["x:</td>"], weight: 0.3, source: hostile,
                                isLearned: true),
                TermExplanation(term: "rude", base: -2, rules: [], weight: -2, source: "\u{202E}team.tsv"),
            ]),
        ]).store
        let html = try Self.page(store)
        let structure = try PageStructure(html)
        #expect(structure.elements.filter { $0.name == "script" }.map { $0.attributes["src"] } == ["/static/review.js"])
        #expect(!structure.elements.contains { $0.name == "img" || $0.name == "b" })
        #expect(!html.unicodeScalars.contains { $0.value == 0x202E })
        #expect(structure.text.contains("learned · " + hostile))
    }

    /// The filter on PostgreSQL, the shared deployment: the same parameterised condition.
    @Test(.enabled(if: PostgresReviewTests.serverURL != nil, "RATER_TEST_POSTGRES_URL is not set"))
    func filtersByEvidenceOnPostgres() throws {
        let (store, _) = try PostgresReviewTests.store([
            SourceRecord(source: "s.csv", recordNumber: 1, id: "l1", text: "Staff just arrived."),
            SourceRecord(source: "s.csv", recordNumber: 2, id: "o1", text: "The staff were rude."),
        ])
        #expect(try store.page(ReviewFilter(query: [("evidence", "learned_only")])).comments.map(\.id) == ["l1"])
        #expect(try store.page(ReviewFilter(query: [("evidence", "opinion")])).comments.map(\.id) == ["o1"])
        let comment = try #require(try store.comment(source: "s.csv", key: "l1"))
        #expect(comment.evidenceKind == .learnedOnly)
        #expect(comment.terms.contains { $0.isLearned && $0.source == "en/learned-reviews.tsv" })
    }

    /// In a real browser: the learned-only filter lists the one comment, its badge is shown (not hidden by the
    /// stylesheet), and the panel names the learned file.
    @Test func theBadgeAndTheFilterRenderInChromium() async throws {
        guard let browser = ChromiumLocator.executable else {
            #expect(!ChromiumLocator.isRequired, "RATER_REQUIRE_BROWSER=1 but no chromium on PATH")
            return
        }
        let fixture = try ReviewFixture([
            SourceRecord(source: "s.csv", recordNumber: 1, id: "l1", text: "Staff just arrived."),
            SourceRecord(source: "s.csv", recordNumber: 2, id: "o1", text: "The staff were rude."),
        ])
        try await withServer(fixture) { port, _ in
            let chromium = try ChromiumSession(browser: browser)
            defer { chromium.close() }
            try chromium.openPage()
            try chromium.navigate("http://127.0.0.1:\(port)/?evidence=learned_only")
            #expect(try chromium.evaluate("document.querySelectorAll('article.comment').length") as? Int == 1)
            #expect(try chromium.evaluate("document.querySelector('article.comment').dataset.key") as? String == "l1")
            #expect(try chromium.evaluate(
                "(() => { const b = document.querySelector('[data-role=learned-only]'); "
                    + "return b !== null && b.getClientRects().length > 0 && b.innerText })()") as? String
                    == "learned weights only")
            #expect(try chromium.evaluate("document.querySelector('td.origin.learned').textContent") as? String
                    == "learned · en/learned-reviews.tsv")
            let exceptions = chromium.events.filter { $0["method"] as? String == "Runtime.exceptionThrown" }
            #expect(exceptions.isEmpty, "\(exceptions)")
        }
    }
}
