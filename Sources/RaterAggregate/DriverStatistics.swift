/// Sufficient statistics for key-driver analysis: how much each predictor (a RATER dimension's sentiment per
/// comment) explains an outcome (the rating given beside the comment).
///
/// Only sums and cross-products are kept, so partials from shards merge exactly. From them come each predictor's
/// correlation with the outcome and its relative importance: the Shapley (LMG) share of the regression R², the
/// average gain in R² from adding the predictor over every order of entry. With five predictors that is 32 subset
/// regressions, each a tiny linear solve on the correlation matrix — exact, and stable when predictors correlate,
/// which raw regression weights are not.
///
/// Values are kept in units of 1/10,000 and summed as integers so merged partials equal one run exactly (with
/// ratings up to 10, the sums stay exact for over a billion comments).
public struct DriverStatistics: Sendable, Equatable, Codable {
    public let predictors: Int
    public private(set) var count = 0
    /// Index 0 is the outcome, 1… the predictors; in units of 1/10,000.
    private var sums: [Int]
    /// Row-major (predictors + 1)², upper triangle used; in units of 1/10,000².
    private var products: [Int]

    public init(predictors: Int) {
        self.predictors = predictors
        sums = Array(repeating: 0, count: predictors + 1)
        products = Array(repeating: 0, count: (predictors + 1) * (predictors + 1))
    }

    public mutating func add(outcome: Double, predictors values: [Double]) {
        precondition(values.count == predictors, "one value per predictor")
        let row = ([outcome] + values).map(FixedPoint.units)
        count += 1
        let width = predictors + 1
        for i in 0..<width {
            sums[i] += row[i]
            for j in i..<width { products[i * width + j] += row[i] * row[j] }
        }
    }

    /// Why these statistics are not of `expected` predictors as `add` makes them (a partial's are checked with
    /// it: `merge` assumes the shape), or nil.
    func problem(predictors expected: Int) -> String? {
        let width = predictors + 1
        if predictors != expected { return "driver statistics of \(predictors) predictors, not \(expected)" }
        if sums.count != width { return "driver statistics with \(sums.count) sums, not \(width)" }
        if products.count != width * width {
            return "driver statistics with \(products.count) products, not \(width * width)"
        }
        if count < 0 { return "driver statistics of \(count) comments" }
        return nil
    }

    public mutating func merge(_ other: DriverStatistics) {
        precondition(other.predictors == predictors, "merging driver statistics of different shapes")
        count += other.count
        for index in sums.indices { sums[index] += other.sums[index] }
        for index in products.indices { products[index] += other.products[index] }
    }

    private func covariance(_ i: Int, _ j: Int) -> Double {
        let width = predictors + 1
        let n = Double(count)
        let scale = FixedPoint.scale * FixedPoint.scale
        let product = Double(products[min(i, j) * width + max(i, j)]) / scale
        return (product - Double(sums[i]) * Double(sums[j]) / scale / n) / n
    }

    /// Pearson correlation of variables `i` and `j` (0 = outcome); 0 when either is constant.
    public func correlation(_ i: Int, _ j: Int) -> Double {
        guard count > 1 else { return 0 }
        let denominator = (covariance(i, i) * covariance(j, j)).squareRoot()
        return denominator > 1e-12 ? covariance(i, j) / denominator : 0
    }

    /// Correlation of each predictor with the outcome.
    public var correlations: [Double] { (1...predictors).map { correlation(0, $0) } }

    /// R² of the regression of the outcome on the predictors in `subset` (indices 1…).
    func rSquared(_ subset: [Int]) -> Double {
        guard !subset.isEmpty else { return 0 }
        let k = subset.count
        // Solve R_SS · b = r_yS; R² = r_yS · b.
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: k + 1), count: k)
        for (row, i) in subset.enumerated() {
            for (column, j) in subset.enumerated() { matrix[row][column] = correlation(i, j) }
            matrix[row][k] = correlation(i, 0)
        }
        guard let solution = Self.solve(&matrix) else { return 0 }
        let value = zip(subset, solution).reduce(0) { $0 + correlation($1.0, 0) * $1.1 }
        return min(max(value, 0), 1)
    }

    /// Gauss–Jordan elimination with partial pivoting on an augmented k × (k+1) matrix. A column with no usable
    /// pivot belongs to a predictor that repeats others (two dimensions always mentioned together): it gets
    /// coefficient 0, which is a valid solution because correlation systems are consistent, so R² comes out as that
    /// of the independent predictors — as it should.
    static func solve(_ matrix: inout [[Double]]) -> [Double]? {
        let k = matrix.count
        var coefficients = [Double](repeating: 0, count: k)
        var pivotRows = [(row: Int, column: Int)]()
        var row = 0
        for column in 0..<k where row < k {
            guard let pivot = (row..<k).max(by: { abs(matrix[$0][column]) < abs(matrix[$1][column]) }),
                  abs(matrix[pivot][column]) > 1e-9 else { continue }
            matrix.swapAt(row, pivot)
            for other in 0..<k where other != row {
                let factor = matrix[other][column] / matrix[row][column]
                if factor == 0 { continue }
                for index in column...k { matrix[other][index] -= factor * matrix[row][index] }
            }
            pivotRows.append((row, column))
            row += 1
        }
        for (row, column) in pivotRows { coefficients[column] = matrix[row][k] / matrix[row][column] }
        return coefficients
    }

    /// R² of all predictors together.
    public var totalRSquared: Double {
        rSquared(usablePredictors)
    }

    /// Predictors that vary (a dimension nobody mentioned explains nothing and would make the system singular).
    private var usablePredictors: [Int] {
        guard count > 1 else { return [] }
        return (1...predictors).filter { covariance($0, $0) > 1e-12 }
    }

    /// Each predictor's Shapley share of R² (they sum to `totalRSquared`); 0 for predictors that never vary.
    public var relativeImportance: [Double] {
        let usable = usablePredictors
        var importance = [Double](repeating: 0, count: predictors)
        guard !usable.isEmpty, covariance(0, 0) > 1e-12 else { return importance }
        let p = usable.count
        var cache = [Int: Double]()
        func r2(_ mask: Int) -> Double {
            if let value = cache[mask] { return value }
            let subset = usable.indices.filter { mask & (1 << $0) != 0 }.map { usable[$0] }
            let value = rSquared(subset)
            cache[mask] = value
            return value
        }
        func factorial(_ n: Int) -> Double { n <= 1 ? 1 : (2...n).reduce(1.0) { $0 * Double($1) } }
        for (position, predictor) in usable.enumerated() {
            var total = 0.0
            for mask in 0..<(1 << p) where mask & (1 << position) == 0 {
                let size = mask.nonzeroBitCount
                let weight = factorial(size) * factorial(p - size - 1) / factorial(p)
                total += weight * (r2(mask | (1 << position)) - r2(mask))
            }
            importance[predictor - 1] = total
        }
        return importance
    }
}
