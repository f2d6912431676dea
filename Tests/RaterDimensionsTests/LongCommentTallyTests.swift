import Rater
import RaterCore
import Testing

@testable import RaterDimensions

/// Borrowing and the term window over running sums and sorted cue positions (`SegmentMasses`, `NearCues`), which
/// keep one long comment linear, give the scores that summing directly gives.
@Suite struct LongCommentTallyTests {
    /// Clauses written for this test: opinions, cue-only clauses that borrow, turns and concessions, in Chinese and
    /// English, some with many cues in one clause.
    static let clauses = [
        "服务员把菜单拿过来", "服务态度很好", "但是房间很脏", "前台", "虽然等了很久", "环境不错", "服务服务服务态度态度",
        "the waiter brought the menu", "the staff were rude", "but the room was spotless", "the reception desk",
        "although the wait was long", "the food was great", "staff staff staff service service was slow",
    ]

    /// Deterministic pseudo-random comments of 1 to 80 clauses.
    static func comments() -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<60).map { _ in
            let count = 1 + next(80)
            let separators = ["，", "。", ", ", ". ", "；"]
            return (0..<count).map { _ in clauses[next(clauses.count)] + separators[next(separators.count)] }.joined()
        }
    }

    func scores(_ text: String, with analyzer: Analyzer) throws -> [String: Double] {
        let report = try analyzer.analysis(of: text).report
        var scores = [String: Double]()
        for dimension in report.dimensions { scores["\(dimension.dimension)"] = dimension.score }
        for aspect in report.aspects { scores["\(aspect.aspect)"] = aspect.score }
        return scores
    }

    @Test func runningSumsAndSortedCuesScoreAsDirectSums() throws {
        var directEngine = dimensionEngine
        directEngine.mapper.directUnitLimit = .max
        directEngine.mapper.directCueLimit = .max
        var summingEngine = dimensionEngine
        summingEngine.mapper.directUnitLimit = 0
        summingEngine.mapper.directCueLimit = 0
        let directAnalyzer = try Analyzer(engine: directEngine), summingAnalyzer = try Analyzer(engine: summingEngine)
        var compared = 0
        for text in Self.comments() {
            let direct = try scores(text, with: directAnalyzer)
            let summed = try scores(text, with: summingAnalyzer)
            #expect(direct.keys.sorted() == summed.keys.sorted(), "\(text)")
            for (target, score) in direct {
                #expect(abs(score - (summed[target] ?? .nan)) < 1e-9, "\(target) in \(text)")
                compared += 1
            }
        }
        // The comments exercise the tally: most have several dimensions.
        #expect(compared > 100)
    }
}
