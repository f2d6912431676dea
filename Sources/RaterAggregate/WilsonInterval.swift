/// The Wilson score interval for a proportion: unlike the normal approximation it stays inside [0, 1] and behaves
/// for small groups and shares near 0 or 1 — a branch with 3 comments, all negative, is not "100% ± 0".
public enum WilsonInterval {
    /// z for a two-sided 95% interval.
    public static let z95 = 1.959963984540054

    public static func interval(successes: Int, trials: Int, z: Double = z95) -> ClosedRange<Double> {
        guard trials > 0 else { return 0...1 }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let margin = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return max(0, centre - margin)...min(1, centre + margin)
    }
}
