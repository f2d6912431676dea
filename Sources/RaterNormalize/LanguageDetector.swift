import RaterCore

/// Decides a comment's language from the scripts of its letters.
///
/// Script counting is enough for the two languages Rater reads and costs one pass over the bytes. A Han character
/// carries about as much content as an English word, so Han characters are weighed against Latin *words*, not
/// letters; otherwise "wifi 很慢" would count as English.
public struct LanguageDetector: Sendable {
    /// The smaller script must carry at least this share of the content for the comment to count as `mixed`.
    public var mixedShare: Double

    public init(mixedShare: Double = 0.25) {
        self.mixedShare = mixedShare
    }

    public func detect(_ text: String) -> Language {
        var han = 0
        var latinWords = 0
        var inLatinWord = false
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                // Eight ASCII bytes at a time where they are (most of an English comment): a word starts at each
                // letter that does not follow one.
                if lead < 0x80 && index + 8 <= bytes.count {
                    let word = ByteLanes.load(bytes, at: index)
                    if word & ByteLanes.highBits == 0 {
                        let letters = ByteLanes.inRange(word, 0x41, 0x5A) | ByteLanes.inRange(word, 0x61, 0x7A)
                        let starts = letters & ~((letters << 8) | (inLatinWord ? 0x80 : 0))
                        latinWords += starts.nonzeroBitCount
                        inLatinWord = letters >> 63 != 0
                        index += 8
                        continue
                    }
                }
                let value: UInt32
                // ASCII and three-byte characters (all of Han in the BMP) decoded in line; the rest by the decoder.
                if lead < 0x80 {
                    value = UInt32(lead)
                    index += 1
                } else if lead >= 0xE4 && lead <= 0xE9 && index + 2 < bytes.count {
                    // U+4000…U+9FFF, most of a Chinese comment: Han but for the Yijing hexagrams (U+4DC0…U+4DFF).
                    let scalar = UTF8Scalar.threeByteValue(bytes, at: index)
                    index += 3
                    inLatinWord = false
                    if scalar < 0x4DC0 || scalar >= 0x4E00 { han += 1 }
                    continue
                } else if lead >= 0xE0 && lead < 0xF0 && index + 2 < bytes.count {
                    value = UTF8Scalar.threeByteValue(bytes, at: index)
                    index += 3
                } else {
                    let (decoded, length) = UTF8Scalar.decode(bytes, at: index)
                    value = decoded
                    index += length
                }
                let isLatin = (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
                    || (value >= 0xC0 && value <= 0x24F && value != 0xD7 && value != 0xF7)
                if isLatin {
                    if !inLatinWord { latinWords += 1 }
                    inLatinWord = true
                    continue
                }
                inLatinWord = false
                if Self.isHan(value) { han += 1 }
            }
        }
        let total = han + latinWords
        guard total > 0 else { return .und }
        let minority = Double(min(han, latinWords)) / Double(total)
        if minority >= mixedShare { return .mixed }
        return han > latinWords ? .zh : .en
    }

    static func isHan(_ value: UInt32) -> Bool {
        (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0x3400 && value <= 0x4DBF)
            || (value >= 0x20000 && value <= 0x2EBEF) || (value >= 0xF900 && value <= 0xFAFF)
    }
}
