/// How a stated wait weighs by its length (kind `wait-bound`, `common/wait-bounds.tsv`, and an industry profile's own
/// table): rows of a length in minutes and the valence a wait of at least that length weighs, up to the next row.
///
/// Data, not code, because what is long depends on the industry: a 60-minute delivery is slow where a 30-minute bank
/// queue already is, and a repair that takes three days may be normal. A file of this kind replaces the whole table
/// (a profile's table loads over the base one), so one table is in force and it reads as written.
public struct WaitBounds: Sendable, Equatable {
    /// Rows in ascending order of `minutes`.
    public private(set) var rows: [Row]

    public struct Row: Sendable, Equatable {
        /// The shortest wait the row covers, in minutes.
        public var minutes: Double
        public var valence: Double

        public init(minutes: Double, valence: Double) {
            self.minutes = minutes
            self.valence = valence
        }
    }

    public init(rows: [Row] = []) {
        self.rows = rows.sorted { $0.minutes < $1.minutes }
    }

    public var isEmpty: Bool { rows.isEmpty }

    /// The valence of a wait of `minutes`: the last row at or below it, or nil below the first row (or with no table,
    /// when stated waits read nothing).
    public func valence(minutes: Double) -> Double? {
        rows.last { $0.minutes <= minutes }?.valence
    }

    /// The valence a marker weighs: the shortest wait's for `quick` (就), the longest's for `slow` (才).
    public func valence(of marker: DurationMarker) -> Double? {
        marker == .quick ? rows.first?.valence : rows.last?.valence
    }
}
