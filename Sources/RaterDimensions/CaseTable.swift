import RaterCore

/// A value per case of a small enum (the five RATER dimensions, the three aspects), stored in an array in case
/// order rather than a dictionary: no hashing per cue, and iteration comes out in the order `ServiceDimension` and
/// `Aspect` sort by (`<` compares positions in `allCases`).
struct CaseTable<Key: CaseIterable & Equatable, Value> {
    private var values: [Value?] = Array(filledWith: nil, count: Key.allCases.count)

    /// Changes the value for `key` in place (no copy of its arrays), creating it from `initial` on first use.
    mutating func update(_ key: Key, default initial: @autoclosure () -> Value, _ change: (inout Value) -> Void) {
        let position = Self.position(of: key)
        if values[position] == nil { values[position] = initial() }
        change(&values[position]!)
    }

    /// The keys that have a value, in case order, with their values.
    var entries: [(key: Key, value: Value)] {
        zip(Key.allCases, values).compactMap { key, value in value.map { (key, $0) } }
    }

    private static func position(of key: Key) -> Int {
        var position = 0
        for other in Key.allCases {
            if other == key { return position }
            position += 1
        }
        preconditionFailure("\(key) is not among its type's cases")
    }
}
