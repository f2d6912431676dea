import Foundation
import RaterCore
import Testing
@testable import RaterReview

/// Aspects (price, product, location) are not in the results database, so the workspace neither shows nor corrects
/// them; a correction or filter naming one says so instead of calling it an unknown dimension.
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
            "'price' is an aspect: the workspace filters only by the five RATER dimensions "
                + "(reliability, assurance, tangibles, empathy, responsiveness); aspects are not in the results database")) {
            try ReviewFilter(query: [("dimension", "price")])
        }
    }

    @Test func thePageOffersNoAspectAndAPostNamingOneIsRefused() async throws {
        let fixture = try ReviewFixture.sample()
        try await withServer(fixture) { port, configuration in
            let page = try LoopbackHTTP.send(port: port, "GET", "/")
            for aspect in Aspect.allCases { #expect(!page.body.contains("_dimension:" + aspect.rawValue)) }
            let reply = try LoopbackHTTP.send(port: port, "POST", "/corrections", form: [
                ("csrf", configuration.csrfToken), ("source", "branches.csv"), ("key", "r5"),
                ("op", "add_dimension:price:negative"),
            ])
            #expect(reply.status == 400)
            #expect(reply.body.contains("is an aspect: the workspace corrects only the five RATER dimensions"), "\(reply.body)")
            #expect(try fixture.store.corrections().isEmpty)
        }
    }
}
