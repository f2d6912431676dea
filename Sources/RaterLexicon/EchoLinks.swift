import Glibc

/// The link words of an echoed concession (kind `echo`: 是, 倒是, 也是 in 好吃是好吃，就是太贵了 and 干净倒是干净), which the
/// scorer compares with the text between two matches of one term.
///
/// Not terms of the matcher: matched as terms they would take part in the longest-match cover and reach every later
/// stage. There are a handful, and the comparison runs only between two matches of one term, so they are kept as
/// byte spellings and compared in place, with no `String` per match.
public struct EchoLinks: Sendable {
    /// The folded spellings' UTF-8, in byte order.
    private let spellings: [[UInt8]]
    /// The UTF-8 of a character every link holds (是 in the shipped ones), or empty when they share none: a comment
    /// without it holds no link, and is passed over with one scan of its bytes.
    private let sharedCharacter: [UInt8]

    /// - Parameter terms: the links, folded as lexicon terms are (`LexiconTerm.fold`).
    public init<Terms: Sequence>(terms: Terms) where Terms.Element == String {
        let terms = Set(terms.filter { !$0.isEmpty })
        spellings = terms.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        var shared: Set<Unicode.Scalar>?
        for term in terms {
            let scalars = Set(term.unicodeScalars.filter { $0 != " " })
            shared = shared.map { $0.intersection(scalars) } ?? scalars
        }
        // The rarest choice would be best; the lowest scalar is reproducible.
        sharedCharacter = shared?.min { $0.value < $1.value }.map { Array(String($0).utf8) } ?? []
    }

    public var isEmpty: Bool { spellings.isEmpty }

    /// Whether a link may stand in these (folded) bytes: false only when they lack the character every link holds.
    public func mayOccur(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !spellings.isEmpty else { return false }
        guard let first = sharedCharacter.first, let base = bytes.baseAddress else { return sharedCharacter.isEmpty }
        let length = sharedCharacter.count
        var offset = 0
        while offset + length <= bytes.count {
            // memchr finds the lead byte many bytes at a time; English text never holds it.
            guard let found = memchr(base + offset, Int32(first), bytes.count - offset) else { return false }
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            guard index + length <= bytes.count else { return false }
            var same = true
            for step in 1..<length where bytes[index + step] != sharedCharacter[step] { same = false; break }
            if same { return true }
            offset = index + 1
        }
        return false
    }

    /// Whether these (folded) bytes, without the spaces around them, are a link.
    public func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        var end = bytes.count
        while start < end, let width = Self.spaceWidth(bytes, at: start) { start += width }
        while start < end, let width = Self.spaceWidth(endingAt: end, in: bytes, from: start) { end -= width }
        let length = end - start
        for spelling in spellings where spelling.count == length {
            var same = true
            for index in 0..<length where bytes[start + index] != spelling[index] { same = false; break }
            if same { return true }
        }
        return false
    }

    /// The width of the space or tab at `offset`, or nil. Comments come normalised (NFKC makes U+3000 and U+00A0
    /// ASCII spaces), but the two commonest wide spaces are trimmed too, as `trimmingCharacters(in: .whitespaces)`
    /// did.
    private static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        let byte = bytes[offset]
        if byte == 0x20 || byte == 0x09 { return 1 }
        if byte == 0xC2, offset + 1 < bytes.count, bytes[offset + 1] == 0xA0 { return 2 }
        if byte == 0xE3, offset + 2 < bytes.count, bytes[offset + 1] == 0x80, bytes[offset + 2] == 0x80 { return 3 }
        return nil
    }

    /// The width of the space or tab ending at `end` (not before `start`), or nil.
    private static func spaceWidth(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        if end - 1 >= start, spaceWidth(bytes, at: end - 1) == 1 { return 1 }
        if end - 2 >= start, spaceWidth(bytes, at: end - 2) == 2 { return 2 }
        if end - 3 >= start, spaceWidth(bytes, at: end - 3) == 3 { return 3 }
        return nil
    }
}
