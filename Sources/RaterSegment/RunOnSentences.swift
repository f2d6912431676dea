/// Finds full stops typed without the space after them ("The food was great.The service was terrible").
///
/// UAX #29 keeps `letter.letter` in one word (it is how "e.g" and domain names stay whole), so such a comment was one
/// clause and one of its sentences was lost to the other's rules. A word is split at an inner `.` that ends a word of
/// two or more letters, the last one lower-case, and starts a capitalised word (`The`, `Staff`) or the pronoun `I`.
/// Not split: abbreviations (`e.g.`, `U.S.`, `Ph.D`: a capital or a single letter before the dot, or a single
/// capital after it), numbers (`3.5`), and anything in a run of text holding `@`, `://` or `www.` (e-mail and web
/// addresses). ASCII letters only.
enum RunOnSentences {
    @inline(__always) static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
    @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { isLower(byte) || isUpper(byte) }

    /// Whether the text has a lower-case letter, a full stop and a capital in a row: one pass, so that only such
    /// comments have their tokens looked at.
    static func mayHold(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 1
        let count = bytes.count
        while index + 1 < count {
            if bytes[index] == 0x2E && isUpper(bytes[index + 1]) && isLower(bytes[index - 1]) { return true }
            index += 1
        }
        return false
    }

    /// The tokens with every run-on word split into word, full stop, word.
    static func split(_ tokens: [Token], bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var result = [Token]()
        result.reserveCapacity(tokens.count + 4)
        for token in tokens {
            guard token.kind == .word, !isInAddress(token, bytes) else {
                result.append(token)
                continue
            }
            var start = Int(token.start)
            let end = Int(token.end)
            var dot = start + 2
            while dot + 1 < end {
                if endsSentence(at: dot, wordStart: start, end: end, bytes) {
                    result.append(Token(start: Int32(start), end: Int32(dot), kind: .word))
                    result.append(Token(start: Int32(dot), end: Int32(dot + 1), kind: .punctuation))
                    start = dot + 1
                    dot = start + 2
                } else {
                    dot += 1
                }
            }
            result.append(Token(start: Int32(start), end: Int32(end), kind: .word))
        }
        return result
    }

    /// Whether the `.` at `dot` ends a sentence: two letters before it (the last lower-case), and after it a capital
    /// followed by a lower-case letter, or a lone `I`.
    static func endsSentence(at dot: Int, wordStart: Int, end: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes[dot] == 0x2E, dot - wordStart >= 2, isLower(bytes[dot - 1]), isLetter(bytes[dot - 2]),
              dot + 1 < end, isUpper(bytes[dot + 1])
        else { return false }
        if dot + 2 < end && isLower(bytes[dot + 2]) { return true }
        return bytes[dot + 1] == UInt8(ascii: "I") && (dot + 2 == end || !isLetter(bytes[dot + 2]))
    }

    /// Whether the token sits in a run of non-blank text holding `@`, `://` or `www.`.
    static func isInAddress(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        var start = Int(token.start)
        while start > 0 && !isBlank(bytes[start - 1]) { start -= 1 }
        var end = Int(token.end)
        while end < bytes.count && !isBlank(bytes[end]) { end += 1 }
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "@") { return true }
            if byte == UInt8(ascii: ":") && index + 2 < end && bytes[index + 1] == 0x2F && bytes[index + 2] == 0x2F {
                return true
            }
            if (byte == UInt8(ascii: "w") || byte == UInt8(ascii: "W")) && index + 3 < end
                && bytes[index + 3] == 0x2E
                && (bytes[index + 1] | 0x20) == UInt8(ascii: "w") && (bytes[index + 2] | 0x20) == UInt8(ascii: "w") {
                return true
            }
            index += 1
        }
        return false
    }
}
