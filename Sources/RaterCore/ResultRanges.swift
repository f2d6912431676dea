/// The ranges of the figures a comment's result carries: what `ResultBuilder` holds them to when it writes a result,
/// and what a result line read back (`rater aggregate`, `rater report`) must hold, so a hand-edited `"score": 7`
/// is refused instead of going into the means. One definition, so the writer and the readers cannot drift apart.
public enum ResultRanges {
    /// Sentiment, dimension and aspect scores: (positive − negative) / (positive + negative + damping).
    public static let score: ClosedRange<Double> = -1...1
    /// The shares of positive, negative and neutral evidence.
    public static let share: ClosedRange<Double> = 0...1
    /// The sentiment's confidence, a probability.
    public static let confidence: ClosedRange<Double> = 0...1
}
