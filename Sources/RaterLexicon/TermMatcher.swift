import RaterSegment

/// Finds lexicon terms in segmented text: longest match first, over UTF-8 bytes, with no `String` per token.
///
/// ICU's Chinese dictionary does not know review vocabulary (性价比 comes out as 性|价|比), so matching cannot be
/// exact token lookup. Instead a byte trie is walked from candidate start positions:
/// - Alphabetic text: a match starts at a token start and must end at a token end, so "took forever" matches across
///   two tokens but "good" never matches inside "goodness".
/// - Han text: a match may start and end at any character, but ICU's words are respected where they disagree with
///   the lexicon. A term of two or more characters always matches (its length makes it specific). A one-character
///   term inside a longer ICU word matches only when lexicon terms cover the rest of that word completely: 不好 is
///   不 + 好 and both count, while 好像 (好 + unknown 像) is left alone, so 好 does not fire inside it. A
///   one-character negator, turn or question word needs opinion words for the rest (see `CoverRole`): 不贵 is
///   不 + 贵, while 无线 and 不但 stay ordinary words.
public struct TermMatcher: Sendable {
    private let trie: ByteTrie
    public let entries: [LexiconEntry]
    public let terms: [String]
    /// Each entry's part in covering an ICU word, indexed like `entries` (see `CoverRole`).
    let coverRoles: [CoverRole]
    /// Whether any entry counts only where it closes its clause (`LexiconEntry.closesClauseOnly`: an interjection).
    public var hasClauseEndTerms: Bool { !closesClauseOnly.isEmpty }
    /// `LexiconEntry.closesClauseOnly` per entry, indexed like `entries`, or empty when no entry is one: the scan
    /// refuses such a term where it does not close its clause (`MatchScanner`).
    let closesClauseOnly: [Bool]
    /// `LexiconEntry.isLearnedOnly` per entry, indexed like `entries`, or empty when no entry is one: a learned
    /// fragment yields to a known word it cuts (`MatchScanner`).
    let isLearnedOnly: [Bool]
    /// `LexiconEntry.isNeedRelief` per entry, indexed like `entries` (`isNeedRelief(entry:)`).
    private let needRelief: [Bool]
    /// The links of an echoed concession (kind `echo`), held apart from the terms: they are never matched, only
    /// compared with the text between two matches (`EchoLinks`).
    public let echoLinks: EchoLinks
    /// The words of a stated wait and the table that weighs one (kinds `duration`, `wait-bound`), held apart from
    /// the terms: read only right after a wait noun (`Durations`).
    public let durations: Durations
    /// The words that say an amount of money is small (kind `amount`, role `cheap`), held apart from the terms:
    /// read only before an amount whose currency word is a term (`Amounts`).
    public let amounts: Amounts

    public init(entries source: [String: LexiconEntry], echoLinks: EchoLinks = EchoLinks(terms: []),
                durations: Durations = Durations(), amounts: Amounts = Amounts()) {
        let sorted = TermOrder.sortedByKey(source.filter { !$0.key.isEmpty })
        terms = sorted.map(\.key)
        entries = sorted.map(\.value)
        coverRoles = entries.map(CoverRole.init)
        trie = ByteTrie(terms: terms)
        closesClauseOnly = entries.contains(where: \.closesClauseOnly) ? entries.map(\.closesClauseOnly) : []
        isLearnedOnly = entries.contains(where: \.isLearnedOnly) ? entries.map(\.isLearnedOnly) : []
        needRelief = entries.map(\.isNeedRelief)
        self.echoLinks = echoLinks
        self.durations = durations
        self.amounts = amounts
    }

    public var count: Int { entries.count }

    /// `entries[entry].isNeedRelief`, worked out once per entry. The scorer asks it of every sentiment term, and the
    /// computed property read off the array element from another module copied the whole entry first (its arrays
    /// retained and released): the scorer's first pass 215 M → 195 M instructions of 1,541 M per English comment in
    /// the benchmark (callgrind), 326 M → 299 M of 2,852 M per Chinese one.
    public func isNeedRelief(entry: Int) -> Bool { needRelief[entry] }

    /// The entry for exactly these (folded) bytes, if any.
    public func lookup<Bytes: Sequence>(_ bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        trie.lookup(bytes)
    }

    // The byte sequences the other stages look up, each specialised here: the generic `lookup` above is not
    // inlinable, so a call from another module ran it unspecialised, one witness-table call per byte (4,300
    // instructions a lookup in the dimension stage's negator search, where these take a few hundred).

    /// The entry for exactly these (folded) bytes, if any.
    public func lookup(_ bytes: ArraySlice<UInt8>) -> Int? { trie.lookup(bytes) }

    /// The entry for exactly these (folded) bytes, if any.
    public func lookup(_ bytes: [UInt8]) -> Int? { trie.lookup(bytes) }

    /// The entry for exactly this (folded) text, if any.
    public func lookup(_ text: String.UTF8View) -> Int? { trie.lookup(text) }

    /// The entry for exactly these (folded) bytes, if any.
    public func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? { trie.lookup(bytes) }

    /// The longest term starting at `start` whose end satisfies `acceptEnd`, as (end offset, entry index).
    @inline(__always)
    func longestMatch<Rule: TermEndRule>(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int,
                                         acceptEnd: Rule) -> (end: Int, entry: Int32)? {
        var sink = LongestTermSink()
        trie.walk(in: bytes, from: start, limit: limit, acceptEnd: acceptEnd, into: &sink)
        return sink.best.map { ($0.end, $0.term) }
    }

    /// All matches in the text, in order, non-overlapping.
    public func matches(in text: SegmentedText) -> [TermMatch] {
        let scratch = ScanScratch()
        // The flags live in the scratch, which must outlive their last read.
        return withExtendedLifetime(scratch) {
            let isTokenEnd = scratch.tokenEnds(text.tokens, byteCount: text.folded.count)
            return text.folded.withUnsafeBufferPointer { bytes in
                let walker = TrieWalkSource(matcher: self, bytes: bytes, isTokenEnd: isTokenEnd)
                return MatchScanner.scan(text.tokens, bytes: bytes, source: walker, matcher: self,
                                         isTokenEnd: isTokenEnd)
            }
        }
    }
}

/// One lexicon term found in a comment.
public struct TermMatch: Sendable, Equatable {
    /// Byte range in the comment's UTF-8.
    public var start: Int32
    public var end: Int32
    /// The token the match starts in.
    public var token: Int32
    /// Index into `TermMatcher.entries` / `terms`.
    public var entry: Int32

    public init(start: Int32, end: Int32, token: Int32, entry: Int32) {
        self.start = start
        self.end = end
        self.token = token
        self.entry = entry
    }

    public var byteRange: Range<Int> { Int(start)..<Int(end) }
}

extension TermMatch {
    /// Whether nothing but spaces follows the match in its clause before a punctuation mark, a symbol (an emoji), a
    /// line break or the end of the text: 我去！ and 我去，这也太… close their clause, 我去银行 does not. Chinese writes
    /// no spaces between words, so after Han text a space closes the clause too (我去 又坏了). A match that ends inside
    /// a token closes nothing.
    public func closesClause(in tokens: [Token]) -> Bool {
        var index = Int(token)
        while index < tokens.count, Int(tokens[index].end) <= Int(end) {
            if Int(tokens[index].end) == Int(end) {
                let isHan = tokens[index].kind == .ideographic
                index += 1
                if isHan, index < tokens.count, tokens[index].kind == .whitespace { return true }
                while index < tokens.count, tokens[index].kind == .whitespace { index += 1 }
                guard index < tokens.count else { return true }
                switch tokens[index].kind {
                case .punctuation, .symbol, .lineBreak: return true
                default: return false
                }
            }
            index += 1
        }
        return false
    }
}
