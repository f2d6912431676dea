import RaterScore

/// Every unit's opinion mass and running sums per contrast segment, so that what a unit without an opinion borrows
/// (`ClauseTally.borrowedMass`) costs the same however many units the comment has.
///
/// Summing the other units of the segment afresh for each borrowing unit made one long comment cost the square of
/// its clauses: 360 KB of "服务，" (60,000 clauses of one sentence, each mentioning a cue and none an opinion) took
/// 53 s of a release build, 95% of it there. A comment of a few clauses still sums directly, which needs no arrays;
/// `DimensionMapper` builds this only past `directLimit` units.
struct SegmentMasses {
    /// Units up to which borrowing sums the other units directly.
    static let directLimit = 32

    typealias Mass = (positive: Double, negative: Double)

    /// Per unit: its own mass, and the sums of the masses of its segment's units before it and after it.
    private var own: [Mass]
    private var before: [Mass]
    private var after: [Mass]
    /// Per segment: the sum of its units' masses.
    private var total: [Mass]

    init(_ scored: borrowing ScoredComment, window: TermWindow, segments: ContrastSegments) {
        let count = scored.units.count
        own = [Mass](filledWith: (0, 0), count: count)
        before = own
        after = own
        total = [Mass](filledWith: (0, 0), count: segments.startsAtContrast.count)
        for index in 0..<count {
            own[index] = ClauseTally.mass(ofUnit: index, in: scored, window: window)
        }
        // Segments are runs of consecutive units (`ContrastSegments`), so one pass each way gives the sums.
        var running: Mass = (0, 0)
        for index in 0..<count {
            if index > 0 && segments.segment[index] != segments.segment[index - 1] { running = (0, 0) }
            before[index] = running
            running.positive += own[index].positive
            running.negative += own[index].negative
            total[segments.segment[index]] = running
        }
        running = (0, 0)
        for index in stride(from: count - 1, through: 0, by: -1) {
            if index < count - 1 && segments.segment[index] != segments.segment[index + 1] { running = (0, 0) }
            after[index] = running
            running.positive += own[index].positive
            running.negative += own[index].negative
        }
    }

    /// The summed masses of the other units of `unit`'s segment. Masses are never negative, so the sum is zero
    /// exactly when every other unit's is.
    func others(of unit: Int) -> Mass {
        (before[unit].positive + after[unit].positive, before[unit].negative + after[unit].negative)
    }

    /// The summed masses of every unit of `segment`.
    func total(of segment: Int) -> Mass { total[segment] }
}
