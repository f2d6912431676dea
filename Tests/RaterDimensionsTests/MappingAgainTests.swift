import Rater
import Testing

@testable import RaterDimensions

/// A comment scored a second time (a recovered case, `Scorer.score(again:waiving:)`) is mapped again with the cue
/// hits, roles, mentions and contrast segments its first mapping found (`DimensionMapper.map(again:…)`): the report
/// must be the one a mapping from the start gives. Comments written for these tests: recovered cases, several
/// clauses and targets, contrasts, a cue whose roles depend on its context.
@Suite struct MappingAgainTests {
    static let comments = [
        "退款两天就到账了，客服态度也很好，下次还来", "投诉以后经理马上道歉，问题当天就解决了，但是房间很吵",
        "I complained twice, then the manager called and refunded everything. The room was dirty though.",
        "打电话给商家以后已经退款了，服务员很热情", "虽然等了很久，但是客服退款很快，环境不错",
        "The refund came in two days and the staff were lovely, but parking was expensive.",
    ]

    /// The matches waived in turn: none, each alone, and every match with a negative weight at once.
    private static func waivers(of scored: ScoredComment) -> [Set<Int>] {
        let negative = Set(scored.contributions.filter { $0.weight < 0 && $0.match >= 0 }.map(\.match))
        return [[], negative] + scored.matches.indices.map { [$0] }
    }

    @Test(arguments: comments)
    func mappingAgainGivesAMappingFromTheStart(_ text: String) throws {
        let engine = dimensionEngine
        let analyzer = try Analyzer(engine: engine)
        let (analysed, layers) = try MappingScratchTests.inputs(text, engine: engine, analyzer: analyzer)
        let first = engine.scorer.score(analysed.comment, segmented: analysed.segmented)
        for waived in Self.waivers(of: first) {
            var scratch = MappingScratch()
            _ = engine.mapper.map(first, cues: layers, scoring: engine.scorer.matcher, scratch: &scratch)
            #expect(scratch.holdsLocatedCues, "\(text): the first mapping's cues are kept")
            let rescored = engine.scorer.score(again: first, waiving: waived)
            let again = engine.mapper.map(again: rescored, cues: layers, scoring: engine.scorer.matcher,
                                          scratch: &scratch)
            let fresh = engine.mapper.map(rescored, cues: layers, scoring: engine.scorer.matcher)
            #expect(again == fresh, "\(text) \(waived)")
        }
    }

    /// With no first mapping in the scratch (a new one, or one whose last comment had no cue), the comment is mapped
    /// from the start.
    @Test func withoutAFirstMappingTheCommentIsMappedWhole() throws {
        let engine = dimensionEngine
        let analyzer = try Analyzer(engine: engine)
        let (scored, layers) = try MappingScratchTests.inputs(Self.comments[0], engine: engine, analyzer: analyzer)
        let fresh = engine.mapper.map(scored, cues: layers, scoring: engine.scorer.matcher)
        var scratch = MappingScratch()
        #expect(engine.mapper.map(again: scored, cues: layers, scoring: engine.scorer.matcher, scratch: &scratch)
                == fresh)
        let (plain, plainLayers) = try MappingScratchTests.inputs("nothing to say", engine: engine, analyzer: analyzer)
        _ = engine.mapper.map(plain, cues: plainLayers, scoring: engine.scorer.matcher, scratch: &scratch)
        #expect(!scratch.holdsLocatedCues)
        #expect(engine.mapper.map(again: scored, cues: layers, scoring: engine.scorer.matcher, scratch: &scratch)
                == fresh)
    }
}
