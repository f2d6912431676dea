/// ICU's word break for text that is all ASCII, without ICU: the same boundaries and the same kind of rule status.
///
/// Most English comments are plain ASCII, and for them ICU's rule engine (a state machine over UTF-16 fed through a
/// UTF-8 `UText`) cost about a sixth of the whole analysis. Restricted to ASCII, ICU's root word rules (UAX #29 as
/// ICU 72 ships them) reduce to the pairwise rules below, which look at most two characters either side of a
/// candidate boundary. Anything with a non-ASCII byte still goes to ICU. `ASCIIWordBreakerTests` compares with the
/// installed ICU every string of up to four characters over an alphabet of every ASCII word-break class, every byte
/// between any two of those, and long random strings: an ICU whose rules differ fails the tests.
enum ASCIIWordBreaker {
    /// The Word_Break classes that occur in ASCII.
    enum Class: UInt8 {
        case other, cr, lf, newline, space, letter, numeric, midNumLet, singleQuote, midNum, extendNumLet
    }

    /// Classes by byte, built once.
    static let classes: [Class] = (0..<128).map { (byte: Int) -> Class in
        switch byte {
        case 0x0D: return .cr
        case 0x0A: return .lf
        case 0x0B, 0x0C: return .newline
        case 0x20: return .space
        case 0x30...0x39: return .numeric
        // ICU 72 counts '@' as a letter (so e-mail addresses stay whole) and takes ':' out of MidLetter.
        case 0x40, 0x41...0x5A, 0x61...0x7A: return .letter
        case 0x2E: return .midNumLet
        case 0x27: return .singleQuote
        case 0x2C, 0x3B: return .midNum
        case 0x5F: return .extendNumLet
        default: return .other
        }
    }

    /// Hands `sink` each segment's end offset and the ICU rule status it would have (0 none, 100 number,
    /// 200 letters), in order. `bytes` must be all ASCII.
    static func forEachBoundary<Sink: BoundarySink>(in bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        let count = bytes.count
        guard count > 0 else { return }
        classes.withUnsafeBufferPointer { table in
            @inline(__always) func at(_ index: Int) -> Class {
                index >= 0 && index < count ? table[Int(bytes[index])] : .other
            }
            var start = 0
            var previous2 = Class.other
            var previous = table[Int(bytes[0])]
            var index = 1
            while index < count {
                let current = table[Int(bytes[index])]
                // Inside a run of letters (most pairs of English text) nothing can break, and the character after
                // `current` is needed only by the rules around '.', '\'', ',' and ';': both are settled first.
                if previous == .letter && current == .letter {
                    previous2 = previous
                    index += 1
                    continue
                }
                let next = needsLookahead(current) ? at(index + 1) : .other
                if breaks(previous2, previous, current, next) {
                    let beforeLast = index - start > 1 ? previous2 : nil
                    sink.boundary(at: index, status: status(last: previous, beforeLast: beforeLast))
                    start = index
                }
                previous2 = previous
                previous = current
                index += 1
            }
            let beforeLast = count - start > 1 ? previous2 : nil
            sink.boundary(at: count, status: status(last: previous, beforeLast: beforeLast))
        }
    }

    /// ICU's status is that of the last rule that joined the segment, which comes down to its last two characters:
    /// ending in a letter is a word (200), in a digit a number (100); a trailing '_' takes the kind of what it
    /// follows, "__" counts as a word, and a lone '_' or anything else has none (0).
    @inline(__always)
    private static func status(last: Class, beforeLast: Class?) -> Int32 {
        switch last {
        case .letter: return 200
        case .numeric: return 100
        case .extendNumLet:
            switch beforeLast {
            case .numeric: return 100
            case .letter, .extendNumLet: return 200
            default: return 0
            }
        default: return 0
        }
    }

    @inline(__always)
    private static func isAHLetter(_ kind: Class) -> Bool { kind == .letter }

    /// Whether `breaks` reads the character after `right`: only WB6 and WB12 do, and only when `right` is one of the
    /// middle punctuation classes.
    @inline(__always)
    private static func needsLookahead(_ right: Class) -> Bool {
        right == .midNumLet || right == .singleQuote || right == .midNum
    }

    /// MidLetter has no ASCII member in ICU's rules: only MidNumLet ('.') and Single_Quote join letters.
    @inline(__always)
    private static func isMidLetterOrQ(_ kind: Class) -> Bool {
        kind == .midNumLet || kind == .singleQuote
    }

    @inline(__always)
    private static func isMidNumOrQ(_ kind: Class) -> Bool {
        kind == .midNum || kind == .midNumLet || kind == .singleQuote
    }

    /// Whether there is a boundary between `left` and `right`, with one more character of context either side.
    @inline(__always)
    static func breaks(_ left2: Class, _ left: Class, _ right: Class, _ right2: Class) -> Bool {
        if left == .cr && right == .lf { return false }  // WB3
        if left == .cr || left == .lf || left == .newline { return true }  // WB3a
        if right == .cr || right == .lf || right == .newline { return true }  // WB3b
        if left == .space && right == .space { return false }  // WB3d
        if isAHLetter(left) && isAHLetter(right) { return false }  // WB5
        if isAHLetter(left) && isMidLetterOrQ(right) && isAHLetter(right2) { return false }  // WB6
        if isAHLetter(left2) && isMidLetterOrQ(left) && isAHLetter(right) { return false }  // WB7
        if left == .numeric && right == .numeric { return false }  // WB8
        if isAHLetter(left) && right == .numeric { return false }  // WB9
        if left == .numeric && isAHLetter(right) { return false }  // WB10
        if left2 == .numeric && isMidNumOrQ(left) && right == .numeric { return false }  // WB11
        if left == .numeric && isMidNumOrQ(right) && right2 == .numeric { return false }  // WB12
        if (isAHLetter(left) || left == .numeric || left == .extendNumLet) && right == .extendNumLet {
            return false  // WB13a
        }
        if left == .extendNumLet && (isAHLetter(right) || right == .numeric) { return false }  // WB13b
        return true  // WB999
    }
}
