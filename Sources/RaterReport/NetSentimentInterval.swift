import RaterAggregate

/// An approximate 95% interval for net sentiment (share positive − share negative), from the row's counts.
///
/// The aggregates carry Wilson intervals for each share, but a manager reads the net figure, and the two share
/// intervals cannot simply be subtracted (the shares are dependent: one comment is either positive or negative).
/// This uses the multinomial variance of the difference, Var = (p₊ + p₋ − (p₊ − p₋)²) / n, on shares shrunk by
/// half a comment each way (as Agresti–Caffo do for differences), so 3 comments all positive give a wide interval
/// rather than "+1.00 ± 0". Clamped to [−1, 1]. A display aid computed from the aggregate counts only.
public enum NetSentimentInterval {
    public static func interval(positive: Int, negative: Int, count: Int, z: Double = WilsonInterval.z95)
        -> ClosedRange<Double>
    {
        guard count > 0 else { return -1...1 }
        let n = Double(count) + 1
        let p = (Double(positive) + 0.5) / n
        let q = (Double(negative) + 0.5) / n
        let net = Double(positive - negative) / Double(count)
        let spread = z * max(0, (p + q - (p - q) * (p - q)) / n).squareRoot()
        return max(-1, net - spread)...min(1, net + spread)
    }

    public static func interval(of row: AggregateRow) -> ClosedRange<Double> {
        interval(positive: row.positive, negative: row.negative, count: row.mentions)
    }
}
