/// The number of a stated duration, read from a comment's folded bytes where a wait word was found (see
/// `Durations.read(after:in:)`): digits (40, 1.5, 40多), Chinese numerals (四十, 两, 半, 一个半, 十几, 三四) and English
/// number words (forty, forty-five, "two and a half", "a couple of", "half an").
///
/// Run only after a wait word, never over every token, so it may build a small `String` per English word. Ranges
/// (三四天, "10-15 minutes") read as their larger end: a customer who gives a range means at least that much.
public enum DurationNumber {
    /// The number starting at `start`, and the offset just after it (before the space or unit that follows), or nil
    /// when none starts there.
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (value: Double, end: Int)? {
        guard start < bytes.count else { return nil }
        let first = bytes[start]
        let read: (value: Double, end: Int)?
        if isDigit(first) {
            read = digits(bytes, at: start)
        } else if first >= 0xE0 {
            read = chinese(bytes, at: start)
        } else if isLetter(first) {
            read = english(bytes, at: start)
        } else {
            read = nil
        }
        guard let read else { return nil }
        return first >= 0xE0 || !isDigit(first) ? read : chineseSuffix(bytes, after: read)
    }

    /// `read` over a string's UTF-8, for tests and tools: the value and the bytes it took.
    public static func read(_ text: String) -> (value: Double, length: Int)? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in read(buffer, at: 0).map { ($0.value, $0.end) } }
    }

    // MARK: Digits

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isLetter(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

    /// The words that join a range's two ends (10-15, 10~15, 10到15, 10至15), made once rather than on every call.
    private static let rangeJoiners: [[UInt8]] = [[UInt8(ascii: "-")], [UInt8(ascii: "~")], Array("到".utf8),
                                                  Array("至".utf8)]

    /// 40, 1.5, and a range's larger end (10-15, 10~15, 10到15).
    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (value: Double, end: Int)? {
        var position = start
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "."), isDigit(bytes[position + 1]) {
            position += 1
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        guard let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
        else { return nil }
        // A range: "10-15", "10~15", "10到15" reads as its larger end.
        for joiner in rangeJoiners {
            let after = position + joiner.count
            if after < bytes.count, isDigit(bytes[after]), matches(joiner, in: bytes, at: position),
               let upper = digits(bytes, at: after) {
                return (max(value, upper.value), upper.end)
            }
        }
        return (value, position)
    }

    // MARK: Chinese numerals

    /// The value of a Chinese digit character (几 "a few" as 3), by scalar.
    private static func chineseDigit(_ scalar: UInt32) -> Double? {
        switch scalar {
        case 0x96F6, 0x3007: return 0  // 零 〇
        case 0x4E00: return 1  // 一
        case 0x4E8C, 0x4E24: return 2  // 二 两
        case 0x4E09: return 3  // 三
        case 0x56DB: return 4  // 四
        case 0x4E94: return 5  // 五
        case 0x516D: return 6  // 六
        case 0x4E03: return 7  // 七
        case 0x516B: return 8  // 八
        case 0x4E5D: return 9  // 九
        case 0x51E0: return 3  // 几
        default: return nil
        }
    }

    private static func chineseMultiplier(_ scalar: UInt32) -> Double? {
        switch scalar {
        case 0x5341: return 10  // 十
        case 0x767E: return 100  // 百
        case 0x5343: return 1000  // 千
        default: return nil
        }
    }

    private static let half: UInt32 = 0x534A  // 半
    private static let measureWord: UInt32 = 0x4E2A  // 个
    private static let good: UInt32 = 0x597D  // 好 (好几, "quite a few")

    /// 四十, 两, 十几, 二十五, 三四 (the larger), 一百二 (120: a digit after 百 or 千 with no 零 between counts the next
    /// place down, as 一千五 is 1500), 半, 好几; then the suffixes `chineseSuffix` reads.
    private static func chinese(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (value: Double, end: Int)? {
        var position = start
        var total = 0.0
        var digit: Double?
        var sawNumeral = false
        var sawHalf = false
        // The last multiplier read, and whether a 零 came after it (一百零二 is 102, 一百二 is 120).
        var lastMultiplier = 0.0
        var sawZero = false
        while position < bytes.count, bytes[position] >= 0xE0 {
            let scalar = UTF8Scalar.decode(bytes, at: position).value
            let length = UTF8Scalar.length(leadByte: bytes[position])
            if let value = chineseDigit(scalar) {
                // Two digits in a row name a range (三四天, 一两个小时): the larger end.
                digit = max(digit ?? 0, value)
                if scalar == 0x96F6 || scalar == 0x3007 { sawZero = true }
            } else if let multiplier = chineseMultiplier(scalar) {
                total += (digit ?? 1) * multiplier
                digit = nil
                lastMultiplier = multiplier
                sawZero = false
            } else if scalar == good, !sawNumeral, position + length < bytes.count,
                      UTF8Scalar.decode(bytes, at: position + length).value == 0x51E0 {
                // 好几 reads as 几.
            } else if scalar == half, !sawNumeral {
                sawHalf = true
                position += length
                break
            } else {
                break
            }
            sawNumeral = true
            position += length
        }
        guard sawNumeral || sawHalf else { return nil }
        if sawHalf { return chineseSuffix(bytes, after: (0.5, position)) }
        // 一百二, 一千五: the trailing digit of an abbreviated number counts the place below the last multiplier.
        if let trailing = digit, lastMultiplier >= 100, !sawZero {
            return chineseSuffix(bytes, after: (total + trailing * lastMultiplier / 10, position))
        }
        return chineseSuffix(bytes, after: (total + (digit ?? 0), position))
    }

    /// What may follow a number before its unit: 多, 来, 余 ("more than", read as the number itself), 半 (两个半小时 is
    /// two and a half hours) and the measure word 个 before those two (一个半, 一个多). Before a unit 个 is left to
    /// the unit (个小时, 个月). 月 alone is a unit too (`zh/durations.tsv`), for 一个多月 and 一个半月, where the number
    /// takes 个: after a wait word 三月 then reads as three months. A month's name seldom follows a wait word (等了
    /// 三月 is rare; 三月份, the month, follows 到, not 等了), so the reading costs little.
    private static func chineseSuffix(_ bytes: UnsafeBufferPointer<UInt8>, after read: (value: Double, end: Int))
        -> (value: Double, end: Int) {
        var (value, position) = read
        var steps = 0
        while position < bytes.count, bytes[position] >= 0xE0, steps < 4 {
            let scalar = UTF8Scalar.decode(bytes, at: position).value
            let length = UTF8Scalar.length(leadByte: bytes[position])
            switch scalar {
            case 0x591A, 0x6765, 0x4F59: break  // 多 来 余
            case half: value += 0.5
            case measureWord:
                let next = position + length
                guard next < bytes.count, bytes[next] >= 0xE0 else { return (value, position) }
                let following = UTF8Scalar.decode(bytes, at: next).value
                guard following == half || following == 0x591A else { return (value, position) }
            default: return (value, position)
            }
            position += length
            steps += 1
        }
        return (value, position)
    }

    // MARK: English number words

    private static let smallNumbers: [String: Double] = [
        "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
        "few": 3, "several": 3, "couple": 2,
    ]
    private static let tens: [String: Double] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    /// The lower-case word at `start` and where it ends.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (text: String, end: Int)? {
        var end = start
        while end < bytes.count, isLetter(bytes[end]) { end += 1 }
        guard end > start else { return nil }
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), end)
    }

    /// The word after one space (or a hyphen, when `hyphen`) at `position`.
    private static func nextWord(_ bytes: UnsafeBufferPointer<UInt8>, after position: Int, hyphen: Bool = false)
        -> (text: String, end: Int)? {
        guard position < bytes.count,
              bytes[position] == 0x20 || (hyphen && bytes[position] == UInt8(ascii: "-")) else { return nil }
        return word(bytes, at: position + 1)
    }

    /// forty, forty-five, "twenty five", "a couple of", "a few", "half an", "two and a half", "an hour and a half"
    /// is left to the unit ("an" is one).
    private static func english(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (value: Double, end: Int)? {
        guard let first = word(bytes, at: start) else { return nil }
        var value: Double
        var end = first.end
        if first.text == "half", let next = nextWord(bytes, after: end), next.text == "a" || next.text == "an" {
            return (0.5, next.end)
        }
        if let ten = tens[first.text] {
            value = ten
            if let next = nextWord(bytes, after: end, hyphen: true), let unit = smallNumbers[next.text],
               unit >= 1, unit <= 9, next.text != "a", next.text != "an" {
                value += unit
                end = next.end
            }
        } else if let small = smallNumbers[first.text] {
            value = small
            // "a couple of", "a few": the article belongs to the quantity.
            if first.text == "a", let next = nextWord(bytes, after: end),
               let quantity = smallNumbers[next.text], next.text == "couple" || next.text == "few" {
                value = quantity
                end = next.end
            }
            if let next = nextWord(bytes, after: end), next.text == "of",
               first.text == "couple" || first.text == "a" && value == 2 {
                end = next.end
            }
        } else {
            return nil
        }
        // "two and a half".
        if let and = nextWord(bytes, after: end), and.text == "and", let article = nextWord(bytes, after: and.end),
           article.text == "a", let half = nextWord(bytes, after: article.end), half.text == "half" {
            value += 0.5
            end = half.end
        }
        return (value, end)
    }

    /// Whether `spelling` stands in `bytes` at `position`.
    static func matches(_ spelling: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        guard position + spelling.count <= bytes.count else { return false }
        for (offset, byte) in spelling.enumerated() where bytes[position + offset] != byte { return false }
        return true
    }
}
