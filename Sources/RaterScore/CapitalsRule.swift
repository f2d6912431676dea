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
        var upper = 0
        var lower = 0
        for byte in text.original {
            if byte >= 0x41 && byte <= 0x5A { upper += 1 } else if byte >= 0x61 && byte <= 0x7A { lower += 1 }
        }
        return upper >= 4 && lower * 4 < upper
    }
}
