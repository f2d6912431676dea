/// One segment of a comment, as byte offsets into its UTF-8 text (no `String` per token on the hot path).
public struct Token: Sendable, Equatable {
    public var start: Int32
    public var end: Int32
    public var kind: Kind

    public init(start: Int32, end: Int32, kind: Kind) {
        self.start = start
        self.end = end
        self.kind = kind
    }

    public var byteRange: Range<Int> { Int(start)..<Int(end) }

    public enum Kind: UInt8, Sendable {
        /// Letters of an alphabetic script (ICU rule status 200…299).
        case word
        /// Han characters or kana (ICU 300…499); ICU's dictionary groups them into words.
        case ideographic
        case number
        case whitespace
        case lineBreak
        case punctuation
        /// Emoji and other symbols, kept because they carry sentiment.
        case symbol
        /// A web address, whole (`WebAddresses`): no lexicon term is matched in it and no clause ends in it.
        case address
    }
}
