import Foundation
import RaterCore
import Testing
@testable import RaterReview

/// Aspects (price, product, location) are stored (`aspect_mentions`) and shown on each comment, read-only: the
/// workspace corrects and filters by the five RATER dimensions only, and a correction or filter naming an aspect
/// says so instead of calling it an unknown dimension.
@Suite(.serialized) struct AspectCorrectionTests {
    @Test func anAspectIsNamedAsAnAspectThatIsNotCorrected() {
        for aspect in Aspect.allCases {
            #expect(throws: ReviewError.invalidCorrection(
                "'\(aspect.rawValue)' is an aspect: the workspace corrects only the five RATER dimensions "
                    + "(reliability, assurance, tangibles, empathy, responsiveness); aspects are not corrected")) {
                try ReviewServer.correction(op: ["add_dimension", aspect.rawValue, "negative"], source: "s", key: "k",
                                            analyst: "ana", note: nil)
            }
        }
        #expect(throws: ReviewError.invalidCorrection(
            "unknown dimension 'speed' (dimensions: reliability, assurance, tangibles, empathy, responsiveness)")) {
            try ReviewServer.correction(op: ["remove_dimension", "speed"], source: "s", key: "k", analyst: "ana", note: nil)
        }
        #expect(throws: ReviewError.invalidFilter(
            "'price' is an aspect, not a dimension (reliability, assurance, tangibles, empathy, responsiveness): "
                + "filter it with the aspect filter (aspect=price)")) {
            try ReviewFilter(query: [("dimension", "price")])
        }
    }

    /// A comment with a price and a product aspect, one dimension and a service score.
    static func pricedComment() -> CommentResult {
        CommentResult(
            id: "p1", source: "menu.csv", recordNumber: 1, line: 2, language: .zh, text: "菜很好吃，但是价格太贵，服务员很热情",
            sentiment: SentimentSummary(label: .positive, score: 0.2, positive: 0.6, negative: 0.4, neutral: 0,
                                        confidence: 0.7, terms: []),
            dimensions: [DimensionSummary(dimension: .assurance, label: .positive, score: 0.6, mentions: 1,
                                          evidence: [(cue: "服务员", clause: "服务员很热情")])],
            aspects: [
                AspectSummary(aspect: .price, label: .negative, score: -0.62, mentions: 1,
                              evidence: [CueEvidence(cue: "价格", clause: "但是价格太贵")]),
                AspectSummary(aspect: .product, label: .positive, score: 0.71, mentions: 1,
                              evidence: [CueEvidence(cue: "菜", clause: "菜很好吃")]),
            ],
            profile: ProfileSummary(name: "restaurant", version: "1", serviceScore: 0.6),
            fields: [])
    }

    @Test func theStoreReadsTheMachinesAspectsAndServiceScore() throws {
        let fixture = try ReviewFixture(results: [Self.pricedComment()])
        let comment = try #require(try fixture.store.comment(source: "menu.csv", key: "p1"))
        #expect(comment.aspects == Self.pricedComment().aspects)
        #expect(comment.serviceScore == 0.6)
        // A correction of a dimension leaves the aspects as the machine found them.
        try fixture.store.record(CorrectionRequest(source: "menu.csv", commentKey: "p1", action: .removeDimension,
                                                   dimension: .assurance, value: nil, analyst: "ana", note: nil))
        let corrected = try #require(try fixture.store.comment(source: "menu.csv", key: "p1"))
        #expect(corrected.dimensions.isEmpty && corrected.aspects == comment.aspects)
    }

    @Test func thePageShowsAspectsButOffersNoCorrectionOfThemAndAPostNamingOneIsRefused() async throws {
        let fixture = try ReviewFixture(results: [Self.pricedComment()])
        try await withServer(fixture) { port, configuration in
            let page = try LoopbackHTTP.send(port: port, "GET", "/")
            #expect(page.body.contains(#"<li class="chip aspect negative" data-aspect="price""#), "\(page.body)")
            #expect(page.body.contains(#"<li class="chip aspect positive" data-aspect="product""#))
            #expect(page.body.contains("Price (aspect) (negative, -0.62): "))
            #expect(page.body.contains("service score 0.60"))
            for aspect in Aspect.allCases { #expect(!page.body.contains("_dimension:" + aspect.rawValue)) }
            let reply = try LoopbackHTTP.send(port: port, "POST", "/corrections", form: [
                ("csrf", configuration.csrfToken), ("source", "menu.csv"), ("key", "p1"),
                ("op", "add_dimension:price:negative"),
            ])
            #expect(reply.status == 400)
            #expect(reply.body.contains("is an aspect: the workspace corrects only the five RATER dimensions"), "\(reply.body)")
            #expect(try fixture.store.corrections().isEmpty)
        }
    }
}
