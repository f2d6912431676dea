import Rater
import RaterCore
import RaterLexicon
import Testing

@testable import RaterDimensions

/// A worker maps every comment with one `MappingScratch`: what a comment's report says must not depend on what the
/// arrays held before, and the arrays must be kept from one comment to the next (that is what they are for).
@Suite struct MappingScratchTests {
    /// Comments written for this test, short and long, with turns, concessions, negators and signal cues, mixed so
    /// that the scratch always last held a comment of another shape.
    static func comments() -> [String] {
        let own = ["服务员态度很好，但是上菜太慢了", "不会再来了", "前台", "the waiter was friendly but the room was dirty",
                   "They refunded me the next day, and I will be back.", "虽然等了很久，环境不错。服务态度一般",
                   "", "nothing to say", "客服说会退款，结果一直没到账"]
        var mixed = [String]()
        for (index, long) in LongCommentTallyTests.comments().enumerated() {
            mixed.append(long)
            mixed.append(own[index % own.count])
        }
        return mixed
    }

    /// The dimension stage's inputs for a text, as the analyzer builds them.
    static func inputs(_ text: String, engine: Engine, analyzer: Analyzer) throws -> (ScoredComment, [CueLayer]) {
        let scored = try analyzer.analysis(of: text).scored
        let layers = engine.scanner.scan(scored.segmented).cues.enumerated().map { layer, matches in
            CueLayer(matches: matches, entries: engine.scanner.cues.layers[layer].entries)
        }
        return (scored, layers)
    }

    @Test func aReusedScratchMapsAsAFreshOne() throws {
        let engine = dimensionEngine
        let analyzer = try Analyzer(engine: engine)
        var scratch = MappingScratch()
        var earlier = [(DimensionReport, DimensionReport)]()
        var targets = 0
        for text in Self.comments() {
            let (scored, layers) = try Self.inputs(text, engine: engine, analyzer: analyzer)
            let reused = engine.mapper.map(scored, cues: layers, scoring: engine.scorer.matcher, scratch: &scratch)
            let fresh = engine.mapper.map(scored, cues: layers, scoring: engine.scorer.matcher)
            #expect(reused == fresh, "\(text)")
            earlier.append((reused, fresh))
            targets += fresh.dimensions.count + fresh.aspects.count + fresh.signals.count
        }
        // A report kept past the next comments is not changed by their mapping (nothing it holds is reused).
        for (reused, fresh) in earlier { #expect(reused == fresh) }
        #expect(targets > 200)
    }

    /// After a comment with cues every array is kept with room in it; a comment longer than `keptCapacity` tokens
    /// leaves none of its larger arrays behind.
    @Test func theArraysAreKeptButNotALongCommentsOnes() throws {
        let engine = dimensionEngine
        let analyzer = try Analyzer(engine: engine)
        var scratch = MappingScratch()
        let (scored, layers) = try Self.inputs("服务员态度很好，但是上菜太慢了。前台的人很热情", engine: engine, analyzer: analyzer)
        _ = engine.mapper.map(scored, cues: layers, scoring: engine.scorer.matcher, scratch: &scratch)
        #expect(scratch.capacities.allSatisfy { $0 > 0 }, "\(scratch.capacities)")
        let long = "服务" + String(repeating: " 好", count: MappingScratch.keptCapacity / 2 + 1)
        let (longScored, longLayers) = try Self.inputs(long, engine: engine, analyzer: analyzer)
        #expect(longScored.segmented.tokens.count > MappingScratch.keptCapacity)
        _ = engine.mapper.map(longScored, cues: longLayers, scoring: engine.scorer.matcher, scratch: &scratch)
        #expect(scratch.capacities.allSatisfy { $0 <= MappingScratch.keptCapacity }, "\(scratch.capacities)")
        #expect(scratch.unitOfToken.capacity == 0)
    }
}
