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
            var count = 0
            try breaker.forEachBoundary(in: bytes) { _, _ in count += 1 }
            return count
        }
    }
}
