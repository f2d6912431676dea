import RaterNormalize
import RaterSegment

/// How lexicon terms are spelled for matching: normalised as comments are (`Normalizer.normalizeEntry`: NFKC,
/// apostrophes, invisible characters, Traditional → Simplified), trimmed, inner whitespace as single spaces, capitals
/// lower-cased, ASCII and beyond (`CaseFolding`; the segment stage folds comment text the same way). Emoji skin
/// tones and variation selectors are dropped: the matcher walks over them in comments (see `EmojiModifiers`), so a
/// term keeps only its base emoji.
public enum LexiconTerm {
    /// One pass over the term's UTF-8: spaces and tabs are byte values no multi-byte scalar contains, so runs of them
    /// are found byte by byte, as the segment stage finds them in comments. (Splitting the term into `Character`s
    /// cost a sixth of loading the lexicons.)
    public static func fold(_ term: String) -> String {
        let bytes = Array(Normalizer.normalizeEntry(term).utf8)
        var folded = [UInt8]()
        folded.reserveCapacity(bytes.count)
        var blankPending = false
        bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x09 {
                    blankPending = !folded.isEmpty
                    index += 1
                    continue
                }
                let ignorable = EmojiModifiers.length(bytes, at: index, limit: bytes.count)
                if ignorable > 0 {
                    index += ignorable
                    continue
                }
                if blankPending {
                    folded.append(0x20)
                    blankPending = false
                }
                folded.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                index += 1
            }
        }
        // Capitals beyond ASCII (DÉCOR, CLICHÉD), as the segment stage lower-cases them in comments.
        folded.withUnsafeMutableBufferPointer { CaseFolding.lowerNonASCII($0) }
        return String(decoding: folded, as: UTF8.self)
    }
}
