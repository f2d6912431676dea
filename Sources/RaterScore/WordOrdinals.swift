import RaterSegment

/// Counts words (any token but spaces and line breaks) so modifier windows and dimension term windows are measured
/// in words, not bytes: `ordinals[token]` is the number of words before the token.
public struct WordOrdinals: Sendable {
    private let ordinals: [Int]

    public init(_ text: SegmentedText) {
        let tokens = text.tokens
        // Written into the new array's storage: appending checked its uniqueness and capacity once per token.
        ordinals = [Int](unsafeUninitializedCapacity: tokens.count) { ordinals, initialized in
            var count = 0
            for (index, token) in tokens.enumerated() {
                ordinals.initializeElement(at: index, to: count)
                if token.kind != .whitespace && token.kind != .lineBreak { count += 1 }
            }
            initialized = tokens.count
        }
    }

    public subscript(token: Int) -> Int { ordinals[token] }
}
