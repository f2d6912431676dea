import Glibc
import RaterCore

/// A frozen trie over the UTF-8 bytes of a list of terms: the shape both the scoring matcher (`TermMatcher`)
/// and the `LexiconScanner` (scoring terms and cue layers together) walk.
///
/// Everything a walk reads about a node is in its one 16-byte `Node`, and a node's edges sit together in `edges`, so
/// a step costs a load or two rather than one per array: in UTF-8 Chinese every character is three bytes, the
/// scanners start a walk at every character, and with tens of thousands of nodes the walks were waiting on memory
/// more than computing.
///
/// A node's first child is always the next node (see `init`), so a `Node` carries its first edge's byte itself:
/// a step along a term's own letters, past the few shallow nodes every walk shares, reads only the node after the
/// current one, usually on the same or the next cache line, and never `edges`. Profiles of one core had the node
/// and edge loads of the walks at 15% of English and 10% of Chinese run time.
struct ByteTrie: Sendable {
    private let nodes: [Node]
    private let edges: [Edge]
    /// Direct 256-entry rows for the nodes with many edges (`Node.denseRow`): the nodes after a UTF-8 lead byte
    /// (E4…E9) and after a second byte have dozens of edges, where a search mispredicts on nearly every step. Only
    /// nodes with at least `denseEdgeThreshold` edges get a row (a few dozen rows for the standard lexicons); the
    /// root always has row 0, since most walks fail on the first byte. With a threshold of 4 (about 1,400 rows,
    /// 1.4 MB) one core ran no faster and two cores ran 15–25% slower on Chinese: the rows crowded the caches.
    private let denseTargets: [Int32]
    static let denseEdgeThreshold = 16
    /// For each CJK unified ideograph (U+4E00…U+9FFF), the node after its three bytes, or -1 when no term starts
    /// with it. A walk from a Chinese character, which the scanners start at nearly every character of Chinese
    /// text, begins with one load here instead of three dependent steps through the shallow nodes and their rows;
    /// and most walks end right here, on a character no term starts with. 84 KB, of which the common characters'
    /// entries stay in cache.
    private let ideographNodes: [Int32]
    static let ideographs: ClosedRange<UInt32> = 0x4E00...0x9FFF
    /// For each pair of ASCII bytes (`first << 7 | second`), the node after them, or -1: the same shortcut for the
    /// walks from the start of every English token. Those walks began with two dependent steps (the root's row,
    /// then the node after the first letter and its row or edges), each likely a cache miss in the trie's 40,000
    /// English nodes; one load here replaces them. 64 KB, of which the common pairs' entries stay in cache.
    private let asciiPairNodes: [Int32]

    private struct Node {
        /// The index of the term that ends here, or -1.
        var terminal: Int32
        /// The node's row in `denseTargets`, or -1.
        var denseRow: Int32
        /// The node's edges, `edges[edgeStart..<edgeStart + edgeCount]`, sorted by byte. The first leads to the
        /// next node and its byte is also `firstByte`, so a walk reads `edges` only past the first.
        var edgeStart: Int32
        var edgeCount: UInt16
        var firstByte: UInt8
    }

    private struct Edge {
        var target: Int32
        var byte: UInt8
    }

    /// - Parameter terms: the terms; a walk reports a term by its index here. Empty terms are never reached.
    ///
    /// Built from the terms in UTF-8 byte order, so that each term shares its path with the one before up to their
    /// common prefix and a node's children come in ascending byte order: two passes over arrays, where a dictionary
    /// of children per node cost about a thousand instructions per byte (0.1 s of every run's start-up per trie).
    /// Nodes are numbered in the order made, depth first, so a term's nodes sit close together, and a node's first
    /// child is the node made right after it: terms come in byte order, so the terms extending a node's spelling
    /// come straight after the one that made it, and the first of them makes its first child next.
    init(terms: [String]) {
        let spelled = terms.map { Array($0.utf8) }
        let order = spelled.indices.filter { !spelled[$0].isEmpty }.sorted { Self.precedes(spelled[$0], spelled[$1]) }
        // Pass 1: nodes in the order made, each with its parent and the byte leading to it.
        var parent: [Int32] = [-1]
        var byte: [UInt8] = [0]
        var terminal: [Int32] = [-1]
        var path: [Int32] = [0]  // the previous term's nodes, root first
        var previous: [UInt8] = []
        for index in order {
            let bytes = spelled[index]
            var shared = 0
            while shared < min(previous.count, bytes.count) && previous[shared] == bytes[shared] { shared += 1 }
            path.removeLast(path.count - 1 - shared)
            for depth in shared..<bytes.count {
                parent.append(path[path.count - 1])
                byte.append(bytes[depth])
                terminal.append(-1)
                path.append(Int32(parent.count - 1))
            }
            // A repeated term keeps its first index, as a dictionary of terms would have held it once.
            if terminal[Int(path[path.count - 1])] < 0 { terminal[Int(path[path.count - 1])] = Int32(index) }
            previous = bytes
        }
        // Pass 2: each node's edges together, in the order the children were made (ascending bytes).
        let nodeCount = parent.count
        var edgeStart = [Int32](filledWith: 0, count: nodeCount + 1)
        for node in 1..<nodeCount { edgeStart[Int(parent[node]) + 1] += 1 }
        for node in 0..<nodeCount { edgeStart[node + 1] += edgeStart[node] }
        var edges = [Edge](filledWith: Edge(target: 0, byte: 0), count: nodeCount - 1)
        var filled = edgeStart
        for node in 1..<nodeCount {
            let from = Int(parent[node])
            edges[Int(filled[from])] = Edge(target: Int32(node), byte: byte[node])
            filled[from] += 1
        }
        var nodes = [Node]()
        var denseTargets = [Int32]()
        nodes.reserveCapacity(nodeCount)
        for node in 0..<nodeCount {
            let first = Int(edgeStart[node])
            let end = Int(edgeStart[node + 1])
            var denseRow: Int32 = -1
            if node == 0 || end - first >= Self.denseEdgeThreshold {
                denseRow = Int32(denseTargets.count / 256)
                let rowStart = denseTargets.count
                denseTargets.append(contentsOf: repeatElement(-1, count: 256))
                for edge in edges[first..<end] { denseTargets[rowStart + Int(edge.byte)] = edge.target }
            }
            // What the walks rely on, checked once here rather than on every step.
            precondition(first == end || edges[first].target == Int32(node + 1), "a node's first child follows it")
            nodes.append(Node(terminal: terminal[node], denseRow: denseRow, edgeStart: Int32(first),
                              edgeCount: UInt16(end - first), firstByte: first == end ? 0 : edges[first].byte))
        }
        self.nodes = nodes
        self.edges = edges
        self.denseTargets = denseTargets
        self.ideographNodes = Self.ideographNodes(nodes: nodes, edges: edges, dense: denseTargets)
        self.asciiPairNodes = Self.asciiPairNodes(nodes: nodes, edges: edges, dense: denseTargets)
    }

    /// Byte order of two spellings (a prefix first).
    private static func precedes(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        lhs.withUnsafeBufferPointer { lhs in
            rhs.withUnsafeBufferPointer { rhs in
                let shared = min(lhs.count, rhs.count)
                if shared > 0, let left = lhs.baseAddress, let right = rhs.baseAddress {
                    let order = memcmp(left, right, shared)
                    if order != 0 { return order < 0 }
                }
                return lhs.count < rhs.count
            }
        }
    }

    private static func ideographNodes(nodes: [Node], edges: [Edge], dense: [Int32]) -> [Int32] {
        var table = [Int32](filledWith: -1, count: ideographs.count)
        nodes.withUnsafeBufferPointer { nodes in
            edges.withUnsafeBufferPointer { edges in
                dense.withUnsafeBufferPointer { dense in
                    let walker = Walker(nodes: nodes, edges: edges, dense: dense)
                    for scalar in ideographs {
                        var target: Int32 = 0
                        for byte in String(Character(Unicode.Scalar(scalar)!)).utf8 where target >= 0 {
                            target = walker.target(of: target, walker.nodes[Int(target)], byte)
                        }
                        table[Int(scalar - ideographs.lowerBound)] = target
                    }
                }
            }
        }
        return table
    }

    private static func asciiPairNodes(nodes: [Node], edges: [Edge], dense: [Int32]) -> [Int32] {
        var table = [Int32](filledWith: -1, count: 128 * 128)
        nodes.withUnsafeBufferPointer { nodes in
            edges.withUnsafeBufferPointer { edges in
                dense.withUnsafeBufferPointer { dense in
                    let walker = Walker(nodes: nodes, edges: edges, dense: dense)
                    for first in UInt8(0)..<128 {
                        let after = walker.target(of: 0, walker.root, first)
                        guard after >= 0 else { continue }
                        for second in UInt8(0)..<128 {
                            table[Int(first) << 7 | Int(second)] =
                                walker.target(of: after, walker.nodes[Int(after)], second)
                        }
                    }
                }
            }
        }
        return table
    }

    /// The trie's arrays as buffers for the length of one walk: the scanners start a walk at every character, and
    /// the array subscripts' bounds checks were a good part of each step.
    private struct Walker {
        let nodes: UnsafeBufferPointer<Node>
        let edges: UnsafeBufferPointer<Edge>
        let dense: UnsafeBufferPointer<Int32>

        var root: Node { nodes[0] }

        /// The node after `byte` from node number `index` (`node`), with its number; nil when there is none.
        @inline(__always)
        func step(from index: Int32, _ node: Node, _ byte: UInt8) -> (index: Int32, node: Node)? {
            let next = target(of: index, node, byte)
            return next >= 0 ? (next, nodes[Int(next)]) : nil
        }

        /// The number of the node after `byte` from node number `index` (`node`), or -1.
        @inline(__always)
        func target(of index: Int32, _ node: Node, _ byte: UInt8) -> Int32 {
            if node.denseRow >= 0 { return dense[Int(node.denseRow) << 8 | Int(byte)] }
            guard node.edgeCount > 0, byte >= node.firstByte else { return -1 }
            if byte == node.firstByte { return index + 1 }
            // Fewer than `denseEdgeThreshold` edges: a linear scan of the other sorted bytes, which stops at the
            // first larger byte.
            var edge = Int(node.edgeStart) + 1
            let end = Int(node.edgeStart) + Int(node.edgeCount)
            while edge < end {
                let value = edges[edge].byte
                if value == byte { return edges[edge].target }
                if value > byte { return -1 }
                edge += 1
            }
            return -1
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

    /// The index of the term spelled by exactly these bytes, if any.
    func lookup<Bytes: Sequence>(_ bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        withWalker { walker in
            var index: Int32 = 0
            var node = walker.root
            for byte in bytes {
                guard let next = walker.step(from: index, node, byte) else { return nil }
                (index, node) = next
            }
            return node.terminal >= 0 ? Int(node.terminal) : nil
        }
    }

    /// Walks from `start` and tells `sink` of every term that ends where `acceptEnd` allows, shortest first.
    ///
    /// A skin tone or variation selector after a started term is walked over: 👍🏽 matches 👍, and the match then
    /// ends after the modifier, where the token ends. The sink is generic and `inout` rather than a closure: a
    /// closure mutating captured state pays a dynamic exclusivity check on every call.
    @inline(__always)
    func walk<Rule: TermEndRule, Sink: TermEndSink>(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int,
                                                    acceptEnd: Rule, into sink: inout Sink) {
        withWalker { walker in
            Self.walk(walker, in: bytes, from: start, node: 0, walker.root, at: start, limit: limit,
                      acceptEnd: acceptEnd, into: &sink)
        }
    }

    /// `walk` from the start of a token that is not ideographic. When the first two bytes are ASCII, the walk takes
    /// them in one load from `asciiPairNodes`: ASCII bytes are no skin tone or variation selector, so the walk would
    /// have taken the same two steps. The node after the first byte is read only when a term may end there.
    @inline(__always)
    func walkFromTokenStart<Rule: TermEndRule, Sink: TermEndSink>(in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                                                                  limit: Int, acceptEnd: Rule, into sink: inout Sink) {
        withWalker { walker in
            guard start + 2 <= limit, case let first = bytes[start], case let second = bytes[start + 1],
                  first | second < 0x80 else {
                Self.walk(walker, in: bytes, from: start, node: 0, walker.root, at: start, limit: limit,
                          acceptEnd: acceptEnd, into: &sink)
                return
            }
            if acceptEnd.accepts(start + 1) {
                let after = walker.target(of: 0, walker.root, first)
                guard after >= 0 else { return }
                let node = walker.nodes[Int(after)]
                if node.terminal >= 0 { sink.reached(term: node.terminal, end: start + 1) }
            }
            let target = asciiPairNodes.withUnsafeBufferPointer { $0[Int(first) << 7 | Int(second)] }
            guard target >= 0 else { return }
            let node = walker.nodes[Int(target)]
            if node.terminal >= 0, acceptEnd.accepts(start + 2) { sink.reached(term: node.terminal, end: start + 2) }
            Self.walk(walker, in: bytes, from: start, node: target, node, at: start + 2, limit: limit,
                      acceptEnd: acceptEnd, into: &sink)
        }
    }

    /// `walk` from a character of an ideographic token: a CJK unified ideograph (lead byte E4…E9, U+4E00…U+9FFF)
    /// is looked up whole in `ideographNodes`. The bytes inside it can be no skin tone or variation selector, so
    /// the walk would have taken the same three steps. Kept apart from `walk` so that walks from alphabetic tokens
    /// do not test for it.
    @inline(__always)
    func walkFromIdeograph<Rule: TermEndRule, Sink: TermEndSink>(in bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                                                                 limit: Int, acceptEnd: Rule, into sink: inout Sink) {
        withWalker { walker in
            if bytes[start] >= 0xE4 && bytes[start] <= 0xE9 && start + 3 <= limit,
               case let scalar = UTF8Scalar.threeByteValue(bytes, at: start), scalar >= Self.ideographs.lowerBound {
                let target = ideographNodes.withUnsafeBufferPointer { $0[Int(scalar - Self.ideographs.lowerBound)] }
                guard target >= 0 else { return }
                let node = walker.nodes[Int(target)]
                if node.terminal >= 0, acceptEnd.accepts(start + 3) {
                    sink.reached(term: node.terminal, end: start + 3)
                }
                Self.walk(walker, in: bytes, from: start, node: target, node, at: start + 3, limit: limit,
                          acceptEnd: acceptEnd, into: &sink)
            } else {
                Self.walk(walker, in: bytes, from: start, node: 0, walker.root, at: start, limit: limit,
                          acceptEnd: acceptEnd, into: &sink)
            }
        }
    }

    /// The walk from node number `index` (`node`), reached at `position` on a walk that began at `start`.
    @inline(__always)
    private static func walk<Rule: TermEndRule, Sink: TermEndSink>(
        _ walker: Walker, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, node index: Int32, _ node: Node,
        at position: Int, limit: Int, acceptEnd: Rule, into sink: inout Sink
    ) {
        var index = index
        var node = node
        var position = position
        while position < limit {
            if position > start {
                let ignorable = EmojiModifiers.length(bytes, at: position, limit: limit)
                if ignorable > 0 {
                    position += ignorable
                    if node.terminal >= 0, acceptEnd.accepts(position) {
                        sink.reached(term: node.terminal, end: position)
                    }
                    continue
                }
            }
            guard let next = walker.step(from: index, node, bytes[position]) else { break }
            (index, node) = next
            position += 1
            if node.terminal >= 0, acceptEnd.accepts(position) { sink.reached(term: node.terminal, end: position) }
        }
    }
}

/// Receives the terms a `ByteTrie` walk passes, in order of their end.
protocol TermEndSink {
    mutating func reached(term: Int32, end: Int)
}

/// Keeps the last (so the longest) term a walk reports.
struct LongestTermSink: TermEndSink {
    var best: (end: Int, term: Int32)?

    @inline(__always)
    mutating func reached(term: Int32, end: Int) { best = (end, term) }
}
