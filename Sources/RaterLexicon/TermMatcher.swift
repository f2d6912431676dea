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
///   不 + 好 and both count, while 好像 (好 + unknown 像) is left alone, so 好 does not fire inside it.
public struct TermMatcher: Sendable {
    /// Frozen trie: node `n` has edges `edgeStart[n]..<edgeStart[n + 1]` in `edgeBytes`/`edgeTargets`, sorted by byte.
    private let edgeStart: [Int32]
    private let edgeBytes: [UInt8]
    private let edgeTargets: [Int32]
    /// The entry index that ends at each node, or -1.
    private let terminal: [Int32]
    /// The root's edges as a direct table: most walks fail on the first byte.
    private let rootTable: [Int32]
    public let entries: [LexiconEntry]
    public let terms: [String]

    public init(entries source: [String: LexiconEntry]) {
        var children: [[UInt8: Int32]] = [[:]]
        var terminal: [Int32] = [-1]
        var entries = [LexiconEntry]()
        var terms = [String]()
        for (term, entry) in source.sorted(by: { $0.key < $1.key }) where !term.isEmpty {
            var node: Int32 = 0
            for byte in term.utf8 {
                if let next = children[Int(node)][byte] {
                    node = next
                } else {
                    let next = Int32(children.count)
                    children.append([:])
                    terminal.append(-1)
                    children[Int(node)][byte] = next
                    node = next
                }
            }
            terminal[Int(node)] = Int32(entries.count)
            entries.append(entry)
            terms.append(term)
        }
        var edgeStart = [Int32]()
        var edgeBytes = [UInt8]()
        var edgeTargets = [Int32]()
        edgeStart.reserveCapacity(children.count + 1)
        for node in children {
            edgeStart.append(Int32(edgeBytes.count))
            for (byte, target) in node.sorted(by: { $0.key < $1.key }) {
                edgeBytes.append(byte)
                edgeTargets.append(target)
            }
        }
        edgeStart.append(Int32(edgeBytes.count))
        var rootTable = [Int32](repeating: -1, count: 256)
        for (byte, target) in children[0] { rootTable[Int(byte)] = target }
        self.edgeStart = edgeStart
        self.edgeBytes = edgeBytes
        self.edgeTargets = edgeTargets
        self.terminal = terminal
        self.rootTable = rootTable
        self.entries = entries
        self.terms = terms
    }

    public var count: Int { entries.count }

    @inline(__always)
    private func step(_ node: Int32, _ byte: UInt8) -> Int32 {
        if node == 0 { return rootTable[Int(byte)] }
        var low = Int(edgeStart[Int(node)])
        var high = Int(edgeStart[Int(node) + 1])
        while low < high {
            let middle = (low + high) >> 1
            let value = edgeBytes[middle]
            if value == byte { return edgeTargets[middle] }
            if value < byte { low = middle + 1 } else { high = middle }
        }
        return -1
    }

    /// The entry for exactly these (folded) bytes, if any.
    public func lookup<Bytes: Sequence>(_ bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        var node: Int32 = 0
        for byte in bytes {
            node = step(node, byte)
            if node < 0 { return nil }
        }
        let entry = terminal[Int(node)]
        return entry >= 0 ? Int(entry) : nil
    }

    /// The longest term starting at `start` whose end satisfies `acceptEnd`, as (end offset, entry index).
    @inline(__always)
    func longestMatch(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int,
                      acceptEnd: (Int) -> Bool) -> (end: Int, entry: Int32)? {
        var node: Int32 = 0
        var best: (end: Int, entry: Int32)?
        var position = start
        while position < limit {
            // A skin tone or variation selector after a started term is walked over: 👍🏽 matches 👍. The match
            // then ends after the modifier, where the token ends.
            if node != 0 {
                let ignorable = EmojiModifiers.length(bytes, at: position, limit: limit)
                if ignorable > 0 {
                    position += ignorable
                    let entry = terminal[Int(node)]
                    if entry >= 0, acceptEnd(position) { best = (position, entry) }
                    continue
                }
            }
            node = step(node, bytes[position])
            if node < 0 { break }
            position += 1
            let entry = terminal[Int(node)]
            if entry >= 0, acceptEnd(position) { best = (position, entry) }
        }
        return best
    }

    /// All matches in the text, in order, non-overlapping.
    public func matches(in text: SegmentedText) -> [TermMatch] {
        MatchScanner(matcher: self, text: text).scan()
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
