import RaterCore
import RaterSegment

/// ALL-CAPS emphasis: "the service was TERRIBLE" stresses one word; a comment typed entirely in capitals stresses
/// nothing in particular, so it gets no boost.
enum CapitalsRule {
    /// Three capitals at least: words of one or two letters are conventionally written in capitals (OK, A+, TV)
    /// and stress nothing; "BAD" and "RUDE" do.
    static func isCapitalized<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        var letters = 0
        for byte in bytes {
            if byte >= 0x61 && byte <= 0x7A { return false }
            if byte >= 0x41 && byte <= 0x5A { letters += 1 }
        }
        return letters >= 3
    }

    static func isShouting(_ text: SegmentedText) -> Bool {
        text.original.withUnsafeBufferPointer { isShouting($0) }
    }

    /// Four capitals at least, and more than four times as many capitals as small letters. Counted as
    /// `letterCounts` counts, but it stops once the small letters so far rule shouting out whatever the rest holds
    /// (the rest can add no more capitals than it has bytes): most comments are settled within their first words.
    static func isShouting(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var upper = 0
        var lower = 0
        var start = 0
        // 32 bytes at a time (four of `letterCounts`' eight-byte steps), then the question whether the rest could
        // still make it shouting.
        while start < bytes.count {
            let end = min(start + 32, bytes.count)
            let counts = letterCounts(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            upper += counts.upper
            lower += counts.lower
            start = end
            if lower * 4 >= upper + (bytes.count - start) { return false }
        }
        return upper >= 4 && lower * 4 < upper
    }

    /// The ASCII capitals and small letters in `bytes`. Every comment is counted whole, so eight bytes are counted
    /// at a time.
    static func letterCounts(_ bytes: UnsafeBufferPointer<UInt8>) -> (upper: Int, lower: Int) {
        var upper = 0
        var lower = 0
        var index = 0
        while index + 8 <= bytes.count {
            let word = ByteLanes.load(bytes, at: index)
            upper += ByteLanes.inRange(word, 0x41, 0x5A).nonzeroBitCount
            lower += ByteLanes.inRange(word, 0x61, 0x7A).nonzeroBitCount
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A { upper += 1 } else if byte >= 0x61 && byte <= 0x7A { lower += 1 }
            index += 1
        }
        return (upper, lower)
    }
}
