/// Receives a word breaker's segment boundaries, in order: each segment's end offset and ICU rule status.
///
/// A protocol taken `inout` rather than a closure: a closure that appends to captured variables pays a dynamic
/// exclusivity check on every boundary (one per token, about a third of the ASCII breaker's time when it was a
/// closure), while a generic sink is specialised and inlined.
protocol BoundarySink {
    mutating func boundary(at end: Int, status: Int32)
}

/// Collects boundaries as (end, status) pairs: for tests and diagnostics.
struct BoundaryList: BoundarySink {
    var boundaries: [(end: Int, status: Int32)] = []
    mutating func boundary(at end: Int, status: Int32) { boundaries.append((end, status)) }
}
