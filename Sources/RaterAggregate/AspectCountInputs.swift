/// The inputs of one `rater aggregate` run, as far as their aspect counts go: partials written before aspects were
/// counted have none (`AggregationPartial.carriesAspectCounts`), and merged with partials or results that have them,
/// the aspect rows silently counted the latter's comments alone while the overall and dimension rows counted all.
/// The first input of each kind is remembered, and the first that makes a mix is refused, naming one of each.
///
/// Inputs of no comments count neither way: they add nothing to any row.
public struct AspectCountInputs: Sendable {
    private var firstWith: String?
    private var firstWithout: String?

    public init() {}

    /// A partial about to be merged.
    public mutating func note(_ partial: AggregationPartial, path: String) throws {
        guard !partial.entries.isEmpty else { return }
        try note(carrying: partial.carriesAspectCounts, path: path)
    }

    /// A results file with at least one result: its comments' aspects are counted.
    public mutating func noteResults(path: String) throws {
        try note(carrying: true, path: path)
    }

    private mutating func note(carrying: Bool, path: String) throws {
        if carrying {
            if let without = firstWithout { throw AggregationError.mixedAspectCounts(without: without, with: path) }
            if firstWith == nil { firstWith = path }
        } else {
            if let with = firstWith { throw AggregationError.mixedAspectCounts(without: path, with: with) }
            if firstWithout == nil { firstWithout = path }
        }
    }
}
