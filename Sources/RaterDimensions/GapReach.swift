import RaterCore

/// Whether the stretch of folded text between two cue words is short enough for one to reach the other: at most
/// `words` space-separated words when it is all ASCII, else at most `characters` characters that are not
/// whitespace (退款到现在还没到账, "refused to give us a refund").
///
/// The rule is `String`'s (`split(separator: " ")`, `Character` and `isWhitespace`), and the signal rules ask it for
/// every pair of nearby cue and outcome words, so it counts on the bytes where the two agree: in ASCII every byte is
/// a character and only the space separates words; in `SingleScalarText` every scalar is a character, and its
/// only whitespace scalars are the ASCII ones and U+3000. Anything else (combining marks, emoji sequences, "\r\n")
/// goes to the `String` count. `GapReachTests` holds the two to the same answers.
enum GapReach {
    static func isWithin(_ gap: Range<Int>, of folded: [UInt8], words: Int, characters: Int) -> Bool {
        folded.withUnsafeBufferPointer { buffer in
            isWithin(UnsafeBufferPointer(rebasing: buffer[gap]), words: words, characters: characters)
        }
    }

    static func isWithin(_ bytes: UnsafeBufferPointer<UInt8>, words: Int, characters: Int) -> Bool {
        var ascii = true
        var wordCount = 0
        var inWord = false
        for byte in bytes {
            if byte >= 0x80 { ascii = false; break }
            if byte == 0x20 {
                inWord = false
            } else if !inWord {
                inWord = true
                wordCount += 1
            }
        }
        if ascii { return wordCount <= words }
        guard SingleScalarText.accepts(bytes) else {
            return String(decoding: bytes, as: UTF8.self).filter { !$0.isWhitespace }.count <= characters
        }
        var count = 0
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            let length = UTF8Scalar.length(leadByte: byte)
            // Tab, line feed, vertical tab, form feed and space; U+3000 is E3 80 80.
            let isSpace = byte < 0x80 ? (byte == 0x20 || (0x09...0x0C).contains(byte))
                : byte == 0xE3 && bytes[position + 1] == 0x80 && bytes[position + 2] == 0x80
            if !isSpace { count += 1 }
            position += length
        }
        return count <= characters
    }

    /// The `String` rule itself, for the tests that pin `isWithin` to it.
    static func isWithinByCharacters(_ text: String, words: Int, characters: Int) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.split(separator: " ").count <= words }
        return text.filter { !$0.isWhitespace }.count <= characters
    }
}
