import CRaterICU
import RaterCore

/// Folds whitespace and strips characters that carry no meaning but can hide or disguise text.
///
/// Works on UTF-8 bytes in one pass: control characters (NUL, bell, C1) become spaces, bidirectional overrides,
/// zero-width characters, the soft hyphen and the other default-ignorable code points are dropped (they are how
/// hostile text disguises itself: 好\u{200D}评, ter\u{AD}rible), except a zero-width joiner inside an emoji sequence
/// and a zero-width space between two words, which becomes a space (see `copyFolded`); typographic apostrophes become
/// ASCII so "don’t" matches the lexicon's "don't", runs of spaces become one space, runs that contain a line break
/// become one line break (a line break ends a sentence), and the ends are trimmed.
enum WhitespaceFolding {
    static func fold(_ text: String) -> String {
        var source = text
        // Most comments have nothing to fold: keep the string rather than copying it byte by byte.
        if source.withUTF8({ isFolded($0) }) { return text }
        return copyFolded(text)
    }

    /// The folded text, always as a new string (`fold` without the check that nothing changes).
    static func copyFolded(_ text: String) -> String {
        var source = text
        return source.withUTF8 { bytes -> String in
            // The folded text is never longer than the original: written in place into the new string's storage.
            return String(unsafeUninitializedCapacity: max(bytes.count, 1)) { output -> Int in
                var count = 0
                var pendingSpace = false
                var pendingNewline = false
                var index = 0
                // The last scalar written, skipping emoji modifiers (variation selectors, skin tones); 0 after a
                // separator. What a zero-width joiner or space follows.
                var lastBase: UInt32 = 0
                @inline(__always)
                func flushSeparator() {
                    if count > 0 {
                        if pendingNewline {
                            output[count] = 0x0A
                            count += 1
                        } else if pendingSpace {
                            output[count] = 0x20
                            count += 1
                        }
                    }
                    pendingSpace = false
                    pendingNewline = false
                }
                @inline(__always)
                func copy(_ start: Int, _ end: Int) {
                    for position in start..<end {
                        output[count] = bytes[position]
                        count += 1
                    }
                }
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        index += 1
                        switch byte {
                        case 0x0A, 0x0D, 0x0B, 0x0C:
                            pendingNewline = true
                            lastBase = 0
                        case 0x00...0x1F, 0x20, 0x7F:
                            pendingSpace = true
                            lastBase = 0
                        default:
                            if pendingSpace || pendingNewline { flushSeparator() }
                            output[count] = byte
                            count += 1
                            lastBase = UInt32(byte)
                        }
                        continue
                    }
                    let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
                    let end = index + length
                    index = end
                    switch role(of: scalar) {
                    case .space:
                        pendingSpace = true
                        lastBase = 0
                    case .lineBreak:
                        pendingNewline = true
                        lastBase = 0
                    case .invisible:
                        let next = index < bytes.count ? UTF8Scalar.decode(bytes, at: index).value : 0
                        if scalar == 0x200D, !pendingSpace, !pendingNewline, isPictographic(lastBase),
                           isPictographic(next) {
                            // Inside an emoji sequence (👩‍💻, ❤️‍🔥) the joiner is part of the emoji.
                            copy(end - length, end)
                        } else if scalar == 0x200B, separatesWords(lastBase, next) {
                            pendingSpace = true
                            lastBase = 0
                        }
                    case .apostrophe:
                        flushSeparator()
                        output[count] = 0x27
                        count += 1
                        lastBase = 0x27
                    case .plain:
                        flushSeparator()
                        copy(end - length, end)
                        if !isEmojiModifier(scalar) { lastBase = scalar }
                    }
                }
                return count
            }
        }
    }

    /// Whether the scalar is an emoji (Unicode's Extended_Pictographic), as ICU says.
    static func isPictographic(_ scalar: UInt32) -> Bool {
        scalar >= 0xA9 && rater_is_extended_pictographic(scalar) != 0
    }

    /// Variation selectors and skin tones, which sit between an emoji and the joiner after it (❤️‍🔥, 👩🏽‍💻).
    static func isEmojiModifier(_ scalar: UInt32) -> Bool {
        (0xFE00...0xFE0F).contains(scalar) || (0x1F3FB...0x1F3FF).contains(scalar)
    }

    /// Whether a zero-width space between these two scalars separates two words: both are letters or digits, and
    /// not both of a script written without spaces (Han, kana), where it only hides a word (好\u{200B}评 is 好评).
    static func separatesWords(_ previous: UInt32, _ next: UInt32) -> Bool {
        func isWordCharacter(_ value: UInt32) -> Bool {
            guard let scalar = Unicode.Scalar(value), value != 0 else { return false }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        func isUnspaced(_ value: UInt32) -> Bool {
            (0x2E80...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value) || (0x20000...0x3FFFF).contains(value)
        }
        return isWordCharacter(previous) && isWordCharacter(next) && !(isUnspaced(previous) && isUnspaced(next))
    }

    /// What folding does with a non-ASCII scalar.
    enum Role {
        case plain
        /// C1 controls and Unicode spaces (U+3000 is the ideographic space): folded into one space.
        case space
        case lineBreak
        /// Default-ignorable code points (zero-width characters, bidi controls, the soft hyphen, Hangul fillers,
        /// invisible operators): dropped, but for the two exceptions `copyFolded` makes. Variation selectors and
        /// tag characters, default-ignorable too, are kept: they are parts of emoji (U+FE0F after ❤, the tags of a
        /// subdivision flag) and of ideographic variation sequences.
        case invisible
        /// Typographic apostrophes and the prime: written as ASCII `'`.
        case apostrophe
    }

    @inline(__always)
    static func role(of scalar: UInt32) -> Role {
        switch scalar {
        case 0x80...0x9F, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
        case 0x2028, 0x2029, 0x85: return .lineBreak
        case 0xAD, 0x34F, 0x61C, 0x115F...0x1160, 0x17B4...0x17B5, 0x180B...0x180F, 0x200B...0x200F, 0x202A...0x202E,
             0x2060...0x206F, 0x3164, 0xFEFF, 0xFFA0, 0xFFF0...0xFFF8, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A,
             0xE0000...0xE001F, 0xE0080...0xE00FF, 0xE01F0...0xE0FFF:
            return .invisible
        case 0x2018, 0x2019, 0x2032: return .apostrophe
        default: return .plain
        }
    }

    /// Whether `fold` would return the text unchanged: no control character but lone line feeds, no space or line
    /// feed at either end or next to another, and no non-ASCII scalar that folding rewrites or drops. It may say no
    /// to a text folding keeps (a zero-width joiner between emoji), never yes to one it changes.
    static func isFolded(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count > 0 else { return true }
        // A lone space or line feed between other characters is what folding writes; anything else around them
        // (two in a row, one at either end, CR, tab, other controls) is rewritten.
        @inline(__always) func isSeparator(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A }
        if isSeparator(bytes[0]) || isSeparator(bytes[count - 1]) { return false }
        var index = 0
        var previous: UInt8 = 0
        while index < count {
            let byte = bytes[index]
            // Eight ASCII bytes at a time where they are (most of an English comment): no control but line feeds,
            // and no separator right after another.
            if byte < 0x80 && index + 8 <= count {
                let word = ByteLanes.load(bytes, at: index)
                if word & ByteLanes.highBits == 0 {
                    let lineFeeds = ByteLanes.equal(word, 0x0A)
                    let separators = ByteLanes.equal(word, 0x20) | lineFeeds
                    let controls = (ByteLanes.inRange(word, 0x00, 0x1F) & ~lineFeeds) | ByteLanes.equal(word, 0x7F)
                    let afterSeparator = (separators << 8) | (isSeparator(previous) ? 0x80 : 0)
                    if controls != 0 || separators & afterSeparator != 0 { return false }
                    previous = UInt8(truncatingIfNeeded: word >> 56)
                    index += 8
                    continue
                }
            }
            if byte < 0x80 {
                if isSeparator(byte) {
                    if isSeparator(previous) { return false }
                } else if byte < 0x20 || byte == 0x7F {
                    return false
                }
                previous = byte
                index += 1
                continue
            }
            // Lead bytes E4…EE start U+4000…U+EFFF (the CJK ideographs among them), where folding touches nothing:
            // most of a Chinese comment is skipped without decoding.
            if byte >= 0xE4 && byte <= 0xEE {
                previous = byte
                index += 3
                continue
            }
            let (scalar, length) = UTF8Scalar.decode(bytes, at: index)
            if role(of: scalar) != .plain { return false }
            previous = byte
            index += length
        }
        return true
    }
}
