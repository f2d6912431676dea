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
    /// Frozen trie. Everything a walk reads about a node is in its one 16-byte `Node`, and a node's edges sit
    /// together in `edges`, so a step costs a load or two rather than one per array: in UTF-8 Chinese every character
    /// is three bytes, the scanners start a walk at every character, and with tens of thousands of nodes the walks
    /// were waiting on memory more than computing.
    private let nodes: [Node]
    private let edges: [Edge]
    /// Direct 256-entry rows for the nodes with many edges (`Node.denseRow`): the nodes after a UTF-8 lead byte
    /// (E4…E9) and after a second byte have dozens of edges, where a search mispredicts on nearly every step. Only
    /// nodes with at least `denseEdgeThreshold` edges get a row (a few dozen rows for the standard lexicons); the
    /// root always has row 0, since most walks fail on the first byte. With a threshold of 4 (about 1,400 rows,
    /// 1.4 MB) one core ran no faster and two cores ran 15–25% slower on Chinese: the rows crowded the caches.
    private let denseTargets: [Int32]
    static let denseEdgeThreshold = 16

    private struct Node {
        /// The entry index of the term that ends here, or -1.
        var terminal: Int32
        /// The node's row in `denseTargets`, or -1.
        var denseRow: Int32
        /// The node's edges, `edges[edgeStart..<edgeEnd]`, sorted by byte.
        var edgeStart: Int32
        var edgeEnd: Int32
    }

    private struct Edge {
        var target: Int32
        var byte: UInt8
    }

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
        var nodes = [Node]()
        var edges = [Edge]()
        var denseTargets = [Int32]()
        nodes.reserveCapacity(children.count)
        for (index, node) in children.enumerated() {
            var denseRow: Int32 = -1
            if index == 0 || node.count >= Self.denseEdgeThreshold {
                denseRow = Int32(denseTargets.count / 256)
                let rowStart = denseTargets.count
                denseTargets.append(contentsOf: repeatElement(-1, count: 256))
                for (byte, target) in node { denseTargets[rowStart + Int(byte)] = target }
            }
            let edgeStart = Int32(edges.count)
            for (byte, target) in node.sorted(by: { $0.key < $1.key }) { edges.append(Edge(target: target, byte: byte)) }
            nodes.append(Node(terminal: terminal[index], denseRow: denseRow, edgeStart: edgeStart,
                              edgeEnd: Int32(edges.count)))
        }
        self.nodes = nodes
        self.edges = edges
        self.denseTargets = denseTargets
        self.entries = entries
        self.terms = terms
    }

    public var count: Int { entries.count }

    /// The trie's arrays as buffers for the length of one walk: the scanners start a walk at every character, and
    /// the array subscripts' bounds checks were a good part of each step.
    private struct Walker {
        let nodes: UnsafeBufferPointer<Node>
        let edges: UnsafeBufferPointer<Edge>
        let dense: UnsafeBufferPointer<Int32>

        var root: Node { nodes[0] }

        /// The node after `byte`, or nil.
        @inline(__always)
        func step(_ node: Node, _ byte: UInt8) -> Node? {
            if node.denseRow >= 0 {
                let target = dense[Int(node.denseRow) << 8 | Int(byte)]
                return target >= 0 ? nodes[Int(target)] : nil
            }
            // Fewer than `denseEdgeThreshold` edges: a linear scan of the sorted bytes, which stops at the first
            // larger byte.
            var edge = Int(node.edgeStart)
            while edge < Int(node.edgeEnd) {
                let value = edges[edge].byte
                if value == byte { return nodes[Int(edges[edge].target)] }
                if value > byte { return nil }
                edge += 1
            }
            return nil
        }
    }

    @inline(__always)
    private func withWalker<Result>(_ body: (Walker) -> Result) -> Result {
        nodes.withUnsafeBufferPointer { nodes in
            edges.withUnsafeBufferPointer { edges in
                denseTargets.withUnsafeBufferPointer { dense in body(Walker(nodes: nodes, edges: edges, dense: dense)) }
            }
        }
    }

    /// The entry for exactly these (folded) bytes, if any.
    public func lookup<Bytes: Sequence>(_ bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        withWalker { walker in
            var node = walker.root
            for byte in bytes {
                guard let next = walker.step(node, byte) else { return nil }
                node = next
            }
            return node.terminal >= 0 ? Int(node.terminal) : nil
        }
    }

    /// The longest term starting at `start` whose end satisfies `acceptEnd`, as (end offset, entry index).
    @inline(__always)
    func longestMatch(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int,
                      acceptEnd: (Int) -> Bool) -> (end: Int, entry: Int32)? {
        withWalker { walker in
            var node = walker.root
            var best: (end: Int, entry: Int32)?
            var position = start
            while position < limit {
                // A skin tone or variation selector after a started term is walked over: 👍🏽 matches 👍. The match
                // then ends after the modifier, where the token ends.
                if position > start {
                    let ignorable = EmojiModifiers.length(bytes, at: position, limit: limit)
                    if ignorable > 0 {
                        position += ignorable
                        if node.terminal >= 0, acceptEnd(position) { best = (position, node.terminal) }
                        continue
                    }
                }
                guard let next = walker.step(node, bytes[position]) else { break }
                node = next
                position += 1
                if node.terminal >= 0, acceptEnd(position) { best = (position, node.terminal) }
            }
            return best
        }
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
