import RaterCore
import RaterSegment

/// Counts words (any token but spaces and line breaks) so modifier windows and dimension term windows are measured
/// in words, not bytes: `ordinals[token]` is the number of words before the token.
public struct WordOrdinals: Sendable {
    private let ordinals: [Int]

    public init(_ text: SegmentedText) {
        let tokens = text.tokens
        // Made filled and written through its buffer: appending checked its uniqueness and capacity once per token,
        // and `init(unsafeUninitializedCapacity:)` looked up the array's storage type at run time (see
        // `Array.init(filledWith:count:)`).
        var ordinals = [Int](filledWith: 0, count: tokens.count)
        ordinals.withUnsafeMutableBufferPointer { ordinals in
            var count = 0
            for (index, token) in tokens.enumerated() {
                ordinals[index] = count
                if token.kind != .whitespace && token.kind != .lineBreak { count += 1 }
            }
        }
        self.ordinals = ordinals
    }

    public subscript(token: Int) -> Int { ordinals[token] }
}
