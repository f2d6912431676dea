/// Finds web addresses (`https://example.com/deals`, `www.example.cn/order`) and makes each one token of kind
/// `.address`.
///
/// A word breaker cuts an address into words and marks: `https`, `:`, `/`, `/`, `www.example.com`, … Read as such,
/// `:/` is the "skeptical" emoticon (−1), the `:` ends a clause, and the words of a path (`/deals`, `/sorry-page`) can
/// be lexicon terms, so "Booked through https://www.example.com/deals and check-in was smooth" scored below "smooth"
/// alone, and "see https://example.com/faq" was a negative comment. An address is something the customer points to,
/// not something they say: one token, in which no term is matched and no clause ends.
///
/// An address starts at a scheme (`http`, `https`: letters, digits and `+`, beginning with a letter) followed by
/// `://`, or at `www.`, either one not inside a longer word. RFC 3986 also allows `-` and `.` in a scheme, but no
/// scheme a customer pastes has them, and walking back over them took the word before (`Awful-https://…`) into the
/// address. It runs over ASCII bytes that are neither
/// spaces nor controls nor `<>"{}|\^` and a backtick (RFC 3986 leaves them out of addresses; text around an address
/// often uses them), so a Chinese character right after it (`…/order下单`) ends it. Marks that usually close the
/// sentence rather than the address (`.,;:!?'"` and a closing bracket with no opening one inside) are left out of its
/// end, as mail programs do when they turn addresses into links. E-mail addresses need nothing: the word breaker
/// already keeps them whole (`@` counts as a letter).
enum WebAddresses {
    /// Whether the text may hold an address: `://` or `www.` somewhere (one pass over the bytes, so that only such
    /// comments have their tokens rebuilt).
    static func mayHold(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index + 3 < count {
            let byte = bytes[index]
            if byte == 0x3A && bytes[index + 1] == 0x2F && bytes[index + 2] == 0x2F { return true }
            if byte | 0x20 == 0x77 && isWWW(bytes, at: index) { return true }
            index += 1
        }
        return false
    }

    /// The byte ranges of the addresses in the text, in order, not overlapping.
    static func ranges(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges = [Range<Int>]()
        var index = 0
        let count = bytes.count
        while index + 3 < count {
            var start: Int?
            var bodyStart = 0
            if bytes[index] == 0x3A && bytes[index + 1] == 0x2F && bytes[index + 2] == 0x2F,
               let scheme = schemeStart(endingAt: index, bytes, after: ranges.last?.upperBound ?? 0) {
                start = scheme
                bodyStart = index + 3
            } else if bytes[index] | 0x20 == 0x77, isWWW(bytes, at: index),
                      index == 0 || !isWordByte(bytes[index - 1]) {
                start = index
                bodyStart = index + 4
            }
            guard let start else {
                index += 1
                continue
            }
            var end = bodyStart
            while end < count && isAddressByte(bytes[end]) { end += 1 }
            end = trimmedEnd(start: bodyStart, end: end, bytes)
            guard end > bodyStart else {
                index = bodyStart
                continue
            }
            ranges.append(start..<end)
            index = end
        }
        return ranges
    }

    /// The tokens with each address's tokens replaced by one `.address` token. A token that runs across an address's
    /// edge (rare: addresses start after a boundary and end before a mark, a space or another script) is cut there,
    /// both pieces keeping its kind outside the address.
    static func merge(_ tokens: [Token], bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        let addresses = ranges(in: bytes)
        guard !addresses.isEmpty else { return tokens }
        var result = [Token]()
        result.reserveCapacity(tokens.count)
        var next = 0  // the next address
        for token in tokens {
            var start = Int(token.start)
            let end = Int(token.end)
            while start < end {
                guard next < addresses.count else {
                    result.append(Token(start: Int32(start), end: Int32(end), kind: token.kind))
                    break
                }
                let address = addresses[next]
                if end <= address.lowerBound || start < address.lowerBound {
                    // Before the address, or the part of this token before it. The word breaker keeps
                    // `great.https` as one word; cut from the address, its full stop is a mark again.
                    let pieceEnd = min(end, address.lowerBound)
                    if end > address.lowerBound, token.kind == .word, pieceEnd - start > 1, bytes[pieceEnd - 1] == 0x2E {
                        result.append(Token(start: Int32(start), end: Int32(pieceEnd - 1), kind: .word))
                        result.append(Token(start: Int32(pieceEnd - 1), end: Int32(pieceEnd), kind: .punctuation))
                    } else {
                        result.append(Token(start: Int32(start), end: Int32(pieceEnd), kind: token.kind))
                    }
                    start = pieceEnd
                    continue
                }
                // Inside the address: the address token is written when its first byte is reached.
                if start == address.lowerBound {
                    result.append(Token(start: Int32(address.lowerBound), end: Int32(address.upperBound),
                                        kind: .address))
                }
                if end <= address.upperBound {
                    start = end
                    if end == address.upperBound { next += 1 }
                } else {
                    start = address.upperBound
                    next += 1
                }
            }
        }
        return result
    }

    /// `www.` at `index`, in any case.
    private static func isWWW(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 4 < bytes.count && bytes[index] | 0x20 == 0x77 && bytes[index + 1] | 0x20 == 0x77
            && bytes[index + 2] | 0x20 == 0x77 && bytes[index + 3] == 0x2E
    }

    /// Where the scheme before the `://` at `colon` starts, or nil when there is none (a letter first, then letters,
    /// digits or `+`; not the tail of a longer word). `floor` is the end of the previous address.
    private static func schemeStart(endingAt colon: Int, _ bytes: UnsafeBufferPointer<UInt8>, after floor: Int) -> Int? {
        var start = colon
        while start > floor, isSchemeByte(bytes[start - 1]) { start -= 1 }
        // The scheme begins at its first letter: "(https://…" or "1.https://…" keeps what is before out.
        while start < colon, !isLetter(bytes[start]) { start += 1 }
        guard start < colon else { return nil }
        if start > 0 && isWordByte(bytes[start - 1]) { return nil }
        return start
    }

    /// The end with closing marks dropped: `.,;:!?'"` always, and `)`/`]`/`}` when the address opens fewer of them.
    private static func trimmedEnd(start: Int, end: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = end
        while end > start {
            let last = bytes[end - 1]
            switch last {
            case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x27, 0x22:
                end -= 1
            case 0x29, 0x5D, 0x7D:
                let opening: UInt8 = last == 0x29 ? 0x28 : last == 0x5D ? 0x5B : 0x7B
                var opened = 0
                var closed = 0
                for index in start..<end {
                    if bytes[index] == opening { opened += 1 } else if bytes[index] == last { closed += 1 }
                }
                guard closed > opened else { return end }
                end -= 1
            default:
                return end
            }
        }
        return end
    }

    @inline(__always) private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    @inline(__always) private static func isWordByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }

    @inline(__always) private static func isSchemeByte(_ byte: UInt8) -> Bool {
        isWordByte(byte) && byte != 0x5F || byte == 0x2B
    }

    /// ASCII that may stand in an address: printable, not a space, not `<>"{}|\^` or a backtick.
    @inline(__always) private static func isAddressByte(_ byte: UInt8) -> Bool {
        guard byte > 0x20 && byte < 0x7F else { return false }
        switch byte {
        case 0x3C, 0x3E, 0x22, 0x7B, 0x7D, 0x7C, 0x5C, 0x5E, 0x60: return false
        default: return true
        }
    }
}
