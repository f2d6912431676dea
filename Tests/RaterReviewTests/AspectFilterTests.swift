import Foundation
import RaterCore
import RaterDatabase
import Testing
@testable import RaterReview

/// The list filters by aspect (`?aspect=price`, `?aspect=price=negative`): the machine's reading in
/// `aspect_mentions`, bound as parameters like every other filter.
@Suite struct AspectFilterTests {
    static func comment(_ id: String, _ record: Int, aspects: [(Aspect, SentimentLabel, Double)]) -> CommentResult {
        CommentResult(
            id: id, source: "menu.csv", recordNumber: record, line: record + 1, language: .en, text: "comment \(id)",
            sentiment: SentimentSummary(label: .neutral, score: 0, positive: 0, negative: 0, neutral: 1,
                                        confidence: 0.5, terms: []),
            dimensions: [],
            aspects: aspects.map { AspectSummary(aspect: $0.0, label: $0.1, score: $0.2, mentions: 1,
                                                 evidence: [CueEvidence(cue: $0.0.rawValue, clause: "comment \(id)")]) },
            fields: [])
    }

    static func fixture() throws -> ReviewFixture {
        try ReviewFixture(results: [
            comment("a", 1, aspects: [(.price, .negative, -0.5), (.product, .positive, 0.4)]),
            comment("b", 2, aspects: [(.price, .positive, 0.3)]),
            comment("c", 3, aspects: [(.location, .negative, -0.2)]),
            comment("d", 4, aspects: []),
        ])
    }

    func ids(_ store: ReviewStore, _ query: [(String, String)]) throws -> [String] {
        try store.page(ReviewFilter(query: query)).comments.map(\.id)
    }

    @Test func filtersByAspectAndByItsLabel() throws {
        let store = try Self.fixture().store
        #expect(try ids(store, [("aspect", "price")]) == ["a", "b"])
        #expect(try ids(store, [("aspect", "price=negative")]) == ["a"])
        #expect(try ids(store, [("aspect", "price=positive")]) == ["b"])
        #expect(try ids(store, [("aspect", "price=neutral")]).isEmpty)
        #expect(try ids(store, [("aspect", "product")]) == ["a"])
        #expect(try ids(store, [("aspect", "location")]) == ["c"])
        #expect(try store.page(ReviewFilter(query: [("aspect", "price")])).total == 2)
        // With the other filters, ANDed.
        #expect(try ids(store, [("aspect", "price"), ("q", "comment b")]) == ["b"])
        #expect(try ids(store, [("aspect", "")]) == ["a", "b", "c", "d"])
    }

    @Test func readsAndWritesTheAspectBack() throws {
        let filter = try ReviewFilter(query: [("aspect", "price=negative"), ("label", "neutral")])
        #expect(filter.aspect == .price && filter.aspectLabel == .negative)
        #expect(filter.path() == "/?aspect=price%3Dnegative&label=neutral")
        #expect(try ReviewFilter(query: FormEncoding.decode(filter.path().dropFirst(2))) == filter)
    }

    @Test(arguments: [
        [("aspect", "speed")], [("aspect", "price=great")], [("aspect", "=")], [("aspect", "price=")],
        [("aspect", "=negative")], [("aspect", "price==negative")], [("aspect", "PRICE")], [("aspect", "\u{0}")],
        [("aspect", "tangibles")],
    ])
    func refusesWhatItDoesNotKnow(_ query: [(String, String)]) {
        #expect(throws: ReviewError.self) { try ReviewFilter(query: query) }
    }

    @Test func aDimensionNamedAsAnAspectIsSentToTheDimensionFilter() {
        #expect(throws: ReviewError.invalidFilter("'tangibles' is a dimension: filter it with the dimension filter")) {
            try ReviewFilter(query: [("aspect", "tangibles")])
        }
    }

    /// A hostile value is a bound parameter and a refused name, never SQL.
    @Test func aHostileValueIsRefusedNotRun() throws {
        let store = try Self.fixture().store
        let reading = ReviewFilter.reading(query: [("aspect", "price' OR 1=1 --")])
        #expect(reading.filter.aspect == nil && reading.notices.map(\.parameter) == ["aspect"])
        #expect(try store.page(reading.filter).total == 4)
    }

    @Test func thePageOffersTheAspectFilter() async throws {
        let fixture = try Self.fixture()
        try await withServer(fixture) { port, _ in
            let page = try LoopbackHTTP.send(port: port, "GET", "/?aspect=price%3Dnegative")
            #expect(page.status == 200)
            #expect(page.body.contains(#"<select name="aspect""#), "\(page.body)")
            #expect(page.body.contains(#"<option value="price=negative" selected"#))
            #expect(page.body.contains(#"data-key="a""#) && !page.body.contains(#"data-key="b""#))
        }
    }
}
