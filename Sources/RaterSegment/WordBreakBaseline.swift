/// ICU's dictionary word break alone, as the benchmark's yardstick: what the unavoidable cost of segmenting the
/// same text is, with nothing of Rater's around it.
public final class WordBreakBaseline {
    private let breaker: WordBreaker

    public init() throws {
        breaker = try WordBreaker()
    }

    /// Runs the word break over `text` and returns the number of segments.
    public func segments(in text: String) throws -> Int {
        var text = text
        return try text.withUTF8 { bytes in
            var counter = Counter()
            try breaker.forEachBoundary(in: bytes, into: &counter)
            return counter.count
        }
    }
}

/// Counts boundaries, and does nothing else with them.
private struct Counter: BoundarySink {
    var count = 0
    mutating func boundary(at end: Int, status: Int32) { count += 1 }
}
