/// Emoji presentation details that do not change what an emoji says: the five Fitzpatrick skin-tone modifiers
/// (U+1F3FB…U+1F3FF) and the variation selectors (U+FE0E text, U+FE0F emoji presentation).
///
/// ICU keeps a modifier in the same grapheme and word as its base, so 👍🏽 reaches the matcher as one token. Lexicons
/// list the bare emoji (👍), so the matcher walks over these code points as if they were not there, and lexicon terms
/// are stored without them.
public enum EmojiModifiers {
    /// The UTF-8 length of the ignorable code point starting at `offset`, or 0.
    @inline(__always)
    static func length(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, limit: Int) -> Int {
        // Skin tones: F0 9F 8F BB…BF.
        if bytes[offset] == 0xF0, offset + 3 < limit, bytes[offset + 1] == 0x9F, bytes[offset + 2] == 0x8F,
           bytes[offset + 3] >= 0xBB, bytes[offset + 3] <= 0xBF {
            return 4
        }
        // Variation selectors 15 and 16: EF B8 8E / EF B8 8F.
        if bytes[offset] == 0xEF, offset + 2 < limit, bytes[offset + 1] == 0xB8,
           bytes[offset + 2] == 0x8E || bytes[offset + 2] == 0x8F {
            return 3
        }
        return 0
    }

    /// The term without skin-tone modifiers and variation selectors.
    public static func strip(_ term: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in term.unicodeScalars where !isIgnorable(scalar) { scalars.append(scalar) }
        return String(scalars)
    }

    static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F3FB...0x1F3FF).contains(scalar.value) || scalar.value == 0xFE0E || scalar.value == 0xFE0F
    }
}
