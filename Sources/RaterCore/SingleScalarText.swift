/// Recognises UTF-8 text on which byte comparison agrees with `String` comparison, so a hot path can search and
/// compare bytes instead of building a `String` per candidate.
///
/// `String` compares and searches by `Character` (an extended grapheme cluster) under canonical equivalence: "快"
/// is not a prefix of "快\u{0301}", and "\r\n" is one character. Byte operations agree with that only when every
/// character is a single scalar with no other canonical spelling. This accepts a conservative set of such scalars
/// that covers most Chinese and English comments — ASCII except the carriage return, CJK ideographs, CJK and
/// general punctuation, full-width forms, pictographic emoji and symbols — and nothing that joins a neighbour into
/// one character (combining marks, joiners, variation selectors, skin-tone modifiers, Hangul jamo, regional
/// indicators). Anything else is left to the `String` path.
public enum SingleScalarText {
    /// Whether every scalar of `bytes` is in the accepted set, hence its own character with no other canonical
    /// spelling within the set. Empty input is accepted.
    @inlinable
    public static func accepts(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte < 0x80 {
                if byte == 0x0D { return false }
                position += 1
                continue
            }
            guard byte >= 0xE0 && byte < 0xF8 else { return false }  // no two-byte scalar is accepted
            let (value, length) = UTF8Scalar.decode(bytes, at: position)
            guard length == UTF8Scalar.length(leadByte: byte), isAccepted(value) else { return false }
            position += length
        }
        return true
    }

    /// `accepts` for a `String`'s UTF-8.
    @inlinable
    public static func accepts(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { accepts($0) }
    }

    /// The accepted scalars above U+07FF: none is a grapheme extender, spacing mark, prepend, Hangul, regional
    /// indicator or joining scalar, and none has a canonical decomposition, so two accepted characters are equal
    /// exactly when their scalars are.
    @inlinable
    static func isAccepted(_ value: UInt32) -> Bool {
        switch value {
        case 0x4E00...0x9FFF: return true  // CJK unified ideographs
        case 0x3400...0x4DBF: return true  // CJK unified ideographs extension A
        case 0x3000...0x3029: return true  // CJK symbols and punctuation, before the combining tone marks 302A…302F
        case 0xFF01...0xFF5E: return true  // full-width ASCII forms
        case 0x2010...0x2027: return true  // dashes, quotation marks, ellipsis (not the joiners at 200B…200F)
        case 0x2600...0x27BF: return true  // miscellaneous symbols and dingbats (❤, ✨, ✔)
        case 0x1F300...0x1F3FA: return true  // pictographs, before the skin-tone modifiers 1F3FB…1F3FF
        case 0x1F400...0x1FAFF: return true  // pictographs, emoticons, transport, supplemental symbols
        default: return false
        }
    }
}
