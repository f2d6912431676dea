import RaterCore

/// The words that say an amount of money is small (kind `amount`, role `cheap`: 才, 只要, 仅, "only", "just"), held
/// apart from the matcher's terms and read only before an amount whose currency word the scorer has matched
/// (`AmountRole.unit`, `.prefix`): 挂号费才五块钱 and "only $5 for parking" say the price is low, which the learned
/// leaning of 块钱 (how often complaints name a sum) read as a complaint.
///
/// An amount is a number in digits (5, 1.5, 1,200) or Chinese numerals (五, 十几, 两百), right before a currency word
/// (spaces allowed) or right after a currency sign; the `cheap` word stands right before it (spaces allowed). Nothing
/// else is parsed, so "only five dollars" in words is not read.
public struct Amounts: Sendable {
    /// The folded `cheap` words, longest first, so 只要 is tried before 只.
    let cheapWords: [[UInt8]]

    public var isEmpty: Bool { cheapWords.isEmpty }

    public init(entries: [String: LexiconEntry] = [:]) {
        cheapWords = entries.filter { $0.value.amount == .cheap }.keys.map { Array($0.utf8) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
    }

    /// The `cheap` word before the amount whose currency word is `currency`, or nil when no amount or no such word
    /// is there. `role` says on which side of the number the currency word stands.
    public func cheapWord(before currency: Range<Int>, role: AmountRole, in bytes: UnsafeBufferPointer<UInt8>)
        -> Range<Int>? {
        guard !cheapWords.isEmpty else { return nil }
        var position: Int
        switch role {
        case .cheap:
            return nil
        case .unit, .classifier:
            position = Self.skipSpaces(before: currency.lowerBound, in: bytes)
            let numberEnd = position
            while position > 0, let start = Self.numberCharacter(endingAt: position, in: bytes) { position = start }
            guard position < numberEnd else { return nil }
        case .prefix:
            // "$5", "$ 5": a space may stand between the sign and the number.
            var number = currency.upperBound
            while number < bytes.count, bytes[number] == 0x20 { number += 1 }
            guard number < bytes.count, (0x30...0x39).contains(bytes[number]) else { return nil }
            position = currency.lowerBound
        }
        position = Self.skipSpaces(before: position, in: bytes)
        for word in cheapWords where position >= word.count {
            let start = position - word.count
            guard UnsafeBufferPointer(rebasing: bytes[start..<position]).elementsEqual(word) else { continue }
            // A Latin word starts a word ("only", not "commonly").
            if word.first.map({ $0 < 0x80 }) == true, start > 0, Self.isWordByte(bytes[start - 1]) { continue }
            return start..<position
        }
        return nil
    }

    /// The offset after the numerals (digits, Chinese numerals) that open `range`, or `range.lowerBound` when none
    /// do: a learned term such as 十块钱 (−0.85) holds its number, and the currency word after it is the unit.
    public static func numeralsEnd(opening range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var position = range.lowerBound
        while position < range.upperBound {
            let length = UTF8Scalar.length(leadByte: bytes[position])
            let scalar = UTF8Scalar.decode(bytes, at: position).value
            guard (0x30...0x39).contains(scalar) || chineseNumerals.contains(scalar) else { break }
            position += length
        }
        return position
    }

    private static func skipSpaces(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var position = offset
        while position > 0, bytes[position - 1] == 0x20 { position -= 1 }
        return position
    }

    /// The start of the number character (a digit, a separator, a Chinese numeral) that ends at `end`, or nil.
    private static func numberCharacter(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let last = bytes[end - 1]
        if last < 0x80 {
            return (0x30...0x39).contains(last) || ((last == 0x2E || last == 0x2C) && end >= 2
                && (0x30...0x39).contains(bytes[end - 2])) ? end - 1 : nil
        }
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let scalar = UTF8Scalar.decode(bytes, at: start).value
        return chineseNumerals.contains(scalar) ? start : nil
    }

    private static let chineseNumerals: Set<UInt32> = Set("〇零一二两三四五六七八九十百千万几半多".unicodeScalars.map(\.value))

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }
}
