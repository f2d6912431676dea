import Foundation
import RaterCore
import Testing
@testable import RaterReview

/// A correction that would change nothing in the comment's reviewed reading is refused and recorded nowhere: it
/// would otherwise count the comment as reviewed and export it as gold on the strength of a click that judged
/// nothing. Confirming the label (setting the one it has, or accepting) is a judgement and is kept.
@Suite(.serialized) struct NoOpCorrectionTests {
    static func request(_ key: String, _ action: CorrectionAction, _ dimension: ServiceDimension? = nil,
                        _ value: SentimentLabel? = nil) -> CorrectionRequest {
        CorrectionRequest(source: "branches.csv", commentKey: key, action: action, dimension: dimension, value: value,
                          analyst: "ana")
    }

    @Test func removingADimensionTheCommentDoesNotHaveIsRefused() throws {
        let fixture = try ReviewFixture.sample()
        // r6 ("Checked in at noon.") has no dimension.
        #expect(throws: ReviewError.noChange(source: "branches.csv", key: "r6",
                                             reason: "it has no Assurance to remove")) {
            try fixture.store.record(Self.request("r6", .removeDimension, .assurance))
        }
        #expect(try fixture.store.corrections().isEmpty)
        #expect(try fixture.store.progress().reviewed == 0)
        #expect(try fixture.store.reviewedComments().isEmpty)
    }

    @Test func addingADimensionWithThePolarityItHasIsRefused() throws {
        let fixture = try ReviewFixture.sample()
        // r1: assurance negative, tangibles positive (the machine's).
        #expect(throws: ReviewError.noChange(source: "branches.csv", key: "r1",
                                             reason: "its Tangibles is already positive")) {
            try fixture.store.record(Self.request("r1", .addDimension, .tangibles, .positive))
        }
        // A polarity change is a change; repeating it is not.
        try fixture.store.record(Self.request("r1", .addDimension, .tangibles, .negative))
        #expect(throws: ReviewError.noChange(source: "branches.csv", key: "r1",
                                             reason: "its Tangibles is already negative")) {
            try fixture.store.record(Self.request("r1", .addDimension, .tangibles, .negative))
        }
        // Removing it twice: the second has nothing left to remove.
        try fixture.store.record(Self.request("r1", .removeDimension, .tangibles))
        #expect(throws: ReviewError.noChange(source: "branches.csv", key: "r1",
                                             reason: "it has no Tangibles to remove")) {
            try fixture.store.record(Self.request("r1", .removeDimension, .tangibles))
        }
        #expect(try fixture.store.corrections().count == 2)
    }

    @Test func aStaleCorrectionIsNotPartOfTheReading() throws {
        let fixture = try ReviewFixture([StaleCorrectionTests.record("1", "Checked in at noon.")])
        func add() throws {
            try fixture.store.record(CorrectionRequest(source: "cr.csv", commentKey: "1", action: .addDimension,
                                                       dimension: .empathy, value: .neutral, analyst: "ana"))
        }
        try add()
        // A new text under the same key: the earlier addition is stale, so adding Empathy again is a change.
        try StaleCorrectionTests.reanalyse(fixture, [StaleCorrectionTests.record("1", "We checked in at noon today.")])
        try add()
        #expect(throws: ReviewError.noChange(source: "cr.csv", key: "1", reason: "its Empathy is already neutral")) {
            try add()
        }
        #expect(try fixture.store.corrections().map(\.status) == [.current, .stale])
    }

    @Test func confirmingTheLabelIsAJudgementAndIsRecorded() throws {
        let fixture = try ReviewFixture.sample()
        try fixture.store.record(Self.request("r6", .label, nil, .neutral))
        try fixture.store.record(Self.request("r6", .accept, nil, .neutral))
        #expect(try fixture.store.corrections().count == 2)
        #expect(try fixture.store.progress().reviewed == 1)
    }

    @Test func thePageAnswersANoOpWith400AndTheReason() async throws {
        let fixture = try ReviewFixture.sample()
        try await withServer(fixture) { port, configuration in
            let reply = try LoopbackHTTP.send(port: port, "POST", "/corrections", form: [
                ("csrf", configuration.csrfToken), ("ref", CommentReference.encode(source: "branches.csv", key: "r6")),
                ("op", "remove_dimension:assurance"), ("return", "/?q=noon#c-0"),
            ])
            #expect(reply.status == 400)
            #expect(reply.body.contains("Correction not saved"))
            #expect(reply.body.contains("nothing to change on comment r6 from branches.csv: it has no Assurance to remove"),
                    "\(reply.body)")
            // Back to where the analyst was.
            #expect(reply.body.contains("href=\"/?q=noon#c-0\""))
            #expect(try fixture.store.corrections().isEmpty)
            #expect(try LoopbackHTTP.send(port: port, "GET", "/").body.contains("0 of 6 reviewed"))
        }
    }
}
