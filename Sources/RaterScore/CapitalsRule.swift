import RaterSegment

/// ALL-CAPS emphasis: "the service was TERRIBLE" stresses one word; a comment typed entirely in capitals stresses
/// nothing in particular, so it gets no boost.
enum CapitalsRule {
    static func isCapitalized<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        var letters = 0
        for byte in bytes {
            if byte >= 0x61 && byte <= 0x7A { return false }
            if byte >= 0x41 && byte <= 0x5A { letters += 1 }
        }
        return letters >= 2
    }

    static func isShouting(_ text: SegmentedText) -> Bool {
        let (upper, lower) = text.original.withUnsafeBufferPointer { letterCounts($0) }
        return upper >= 4 && lower * 4 < upper
    }

    /// The ASCII capitals and small letters in `bytes`. Every comment is counted whole, so eight bytes are counted
    /// at a time.
    static func letterCounts(_ bytes: UnsafeBufferPointer<UInt8>) -> (upper: Int, lower: Int) {
        var upper = 0
        var lower = 0
        var index = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while index + 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                upper += count(in: word, from: 0x41, through: 0x5A)
                lower += count(in: word, from: 0x61, through: 0x7A)
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A { upper += 1 } else if byte >= 0x61 && byte <= 0x7A { lower += 1 }
            index += 1
        }
        return (upper, lower)
    }

    /// How many bytes of `word` lie in `low`…`high`, both ASCII above 0; bytes of 0x80 and above never count.
    @inline(__always)
    private static func count(in word: UInt64, from low: UInt8, through high: UInt8) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let lowSeven = word & (0x7F &* ones)
        // Adding to seven-bit bytes cannot carry into the next byte (0x7F + 0x7F < 0x100): the high bit of each
        // sum says whether the byte reached the bound.
        let reachesLow = lowSeven &+ (UInt64(0x80 - low) &* ones)
        let passesHigh = lowSeven &+ (UInt64(0x7F - high) &* ones)
        return (reachesLow & ~passesHigh & ~word & (0x80 &* ones)).nonzeroBitCount
    }
}
