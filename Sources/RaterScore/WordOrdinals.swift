import RaterSegment

/// Counts words (any token but spaces and line breaks) so modifier windows are measured in words, not bytes.
struct WordOrdinals {
    private var ordinals: [Int]

    init(_ text: SegmentedText) {
        ordinals = []
        ordinals.reserveCapacity(text.tokens.count)
        var count = 0
        for token in text.tokens {
            ordinals.append(count)
            if token.kind != .whitespace && token.kind != .lineBreak { count += 1 }
        }
    }

    subscript(token: Int) -> Int { ordinals[token] }
}
