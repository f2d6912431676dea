/// A comment's text split into tokens, clauses and sentences.
///
/// `folded` is the text's UTF-8 with capitals lower-cased (ASCII, and beyond it where the lower case is as long in
/// UTF-8: `CaseFolding`); it has the same byte offsets as `original`, so a
/// match found in `folded` quotes back from `original` exactly as the customer wrote it.
public struct SegmentedText: Sendable {
    public var original: [UInt8]
    public var folded: [UInt8]
    public var tokens: [Token]
    public var clauses: [Clause]

    public init(original: [UInt8], folded: [UInt8], tokens: [Token], clauses: [Clause]) {
        self.original = original
        self.folded = folded
        self.tokens = tokens
        self.clauses = clauses
    }

    /// The original text of a byte range.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: original[range], as: UTF8.self)
    }

    public func text(of token: Token) -> String { text(token.byteRange) }

    /// The original text of a clause, without leading or trailing spaces.
    public func text(of clause: Clause) -> String { text(ofTokens: clause.tokens) }

    /// The original text of a run of tokens (a clause, or part of one), without leading or trailing spaces.
    public func text(ofTokens range: Range<Int>) -> String {
        func isMeaningful(_ index: Int) -> Bool { tokens[index].kind != .whitespace && tokens[index].kind != .lineBreak }
        guard let first = range.first(where: isMeaningful), let last = range.last(where: isMeaningful) else { return "" }
        return text(Int(tokens[first].start)..<Int(tokens[last].end))
    }

    public var sentenceCount: Int { (clauses.last?.sentence ?? -1) + 1 }
}
