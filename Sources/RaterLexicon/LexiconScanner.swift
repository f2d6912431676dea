import RaterCore
import RaterSegment

/// Finds a comment's scoring terms and its cue words in one pass over the text.
///
/// Both look for the longest lexicon term at nearly every character of Chinese text: the scoring matcher for its
/// terms, each cue layer for its own (see `CueTerms` for why the layers are matched apart). Walking one trie per
/// question cost several walks per character, each waiting on memory. The scanner walks one trie over all their
/// terms once from each position a term may start at, notes in a `WalkTable` what each layer's longest term there
/// is, and the scoring rules (`MatchScanner`) and the cue rules (`CueScanner`) read the table.
public struct LexiconScanner: Sendable {
    public let scoring: TermMatcher
    public let cues: CueTerms
    private let trie: ByteTrie
    /// `layerEntry[term * layerCount + layer]`: the index in that layer of the union's `term`, or -1. Layer 0 is
    /// the scoring matcher, layers 1… the cue layers.
    private let layerEntry: [Int32]
    private let layerCount: Int
    /// One-character degree words and negators, which may share an ICU word with a one-character cue (很快, 不贵).
    private let modifiers: Set<UInt32>
    /// Per cue layer, `CueTerms.Layer.isBlocker`, or empty for a layer without blockers: the cue scan never lets an
    /// overlapping cue replace a blocker.
    private let blockers: [[Bool]]

    public init(scoring: TermMatcher, cues: CueTerms, modifierCharacters: Set<UInt32>) {
        let layerTerms = [scoring.terms] + cues.layers.map(\.terms)
        let distinct = Array(Set(layerTerms.joined()))
        let union = TermOrder.indices(sorting: distinct).map { distinct[$0] }
        let termIndex = Dictionary(uniqueKeysWithValues: union.enumerated().map { ($1, $0) })
        var layerEntry = [Int32](filledWith: -1, count: union.count * layerTerms.count)
        for (layer, terms) in layerTerms.enumerated() {
            for (entry, term) in terms.enumerated() {
                layerEntry[termIndex[term]! * layerTerms.count + layer] = Int32(entry)
            }
        }
        self.scoring = scoring
        self.cues = cues
        self.trie = ByteTrie(terms: union)
        self.layerEntry = layerEntry
        self.layerCount = layerTerms.count
        self.modifiers = modifierCharacters
        self.blockers = cues.layers.map { $0.hasBlockers ? $0.isBlocker : [] }
    }

    /// The comment's scoring matches (entries index `scoring.entries`) and each cue layer's matches (entries index
    /// that layer's `CueTerms.Layer.entries`): the same as `scoring.matches(in:)` and a scan of each cue layer with
    /// its own trie. Uses a scratch of its own; a worker scanning many comments passes its `ScanScratch` instead.
    public func scan(_ text: SegmentedText) -> LexiconMatches {
        scan(text, scratch: ScanScratch())
    }

    /// `scan(_:)` with the tables in `scratch`, which must not be in use by another scan at the same time.
    public func scan(_ text: SegmentedText, scratch: ScanScratch) -> LexiconMatches {
        let tokens = text.tokens
        let byteCount = text.folded.count
        guard !tokens.isEmpty else {
            return LexiconMatches(scoring: [], cues: [[TermMatch]](filledWith: [], count: cues.layers.count))
        }
        let isTokenEnd = scratch.tokenEnds(tokens, byteCount: byteCount)
        let stride = WalkTable.stride(layers: layerCount)
        // A row per walk start, found through a row number per byte: rows per byte would cost 44 bytes of memory
        // for every byte of text, 44 MB per worker for a comment at the 1 MiB limit. Only the entries at walk starts
        // are written and read, so both are left uninitialised.
        let rowOf = scratch.rowOf(byteCount: byteCount)
        let rows = text.folded.withUnsafeBufferPointer { bytes in
            var counter = WalkStartCounter()
            Self.forEachWalkStart(tokens, bytes: bytes, into: &counter)
            return scratch.rows(count: counter.count * stride)
        }
        let table = WalkTable(rows: rows, rowOf: rowOf, layerCount: layerCount)
        return text.folded.withUnsafeBufferPointer { bytes in
            layerEntry.withUnsafeBufferPointer { layerEntry in
                var filler = WalkTableFiller(trie: trie, bytes: bytes, isTokenEnd: isTokenEnd,
                                             layerEntry: layerEntry, table: table)
                Self.forEachWalkStart(tokens, bytes: bytes, into: &filler)
            }
            var cueMatches = CueScanner.scan(tokens, bytes: bytes, table: table, cueLayers: 1..<layerCount,
                                             modifiers: modifiers, isBlocker: blockers,
                                             reusing: scratch.takeCueMatches())
            // Compounds matched in a layer only to keep its cues out of them say nothing there. An empty layer is
            // skipped: `removeAll(where:)` gave an array with no storage of its own a new one.
            for (layer, blockers) in cues.layers.enumerated()
            where blockers.hasBlockers && !cueMatches[layer].isEmpty {
                cueMatches[layer].removeAll { blockers.isBlocker[Int($0.entry)] }
            }
            // The matcher's own walk is built only where a term that must close its clause is refused (rare): a
            // `TrieWalkSource` copies the whole matcher, a dozen reference-counted fields, for every comment.
            return LexiconMatches(
                scoring: MatchScanner.scan(tokens, bytes: bytes, source: table, matcher: scoring,
                                           isTokenEnd: isTokenEnd, reusing: scratch.takeScoringMatches()),
                cues: cueMatches)
        }
    }

    /// The places a term may start, which `scan` walks from, in text order: every character of an ideographic token,
    /// and the start of every other token but spaces and line breaks. One enumeration for counting the table's rows
    /// and for filling them, so the two cannot disagree.
    static func forEachWalkStart<Visitor: WalkStartVisitor>(_ tokens: [Token], bytes: UnsafeBufferPointer<UInt8>,
                                                            into visitor: inout Visitor) {
        for token in tokens {
            let start = Int(token.start)
            let end = Int(token.end)
            switch token.kind {
            case .whitespace, .lineBreak, .address:
                continue
            case .ideographic:
                var offset = start
                while offset < end {
                    visitor.visit(offset, tokenEnd: end, inIdeographs: true)
                    offset += UTF8Scalar.length(leadByte: bytes[offset])
                }
            default:
                visitor.visit(start, tokenEnd: end, inIdeographs: false)
            }
        }
    }
}

/// Receives the places `LexiconScanner.forEachWalkStart` enumerates. Generic and `inout` rather than a closure, which
/// would pay a dynamic exclusivity check for the state it mutates.
protocol WalkStartVisitor {
    /// `offset` is a place a term may start, in a token that ends at `tokenEnd`; `inIdeographs`: an ideographic one.
    mutating func visit(_ offset: Int, tokenEnd: Int, inIdeographs: Bool)
}

/// Counts the walks, to size the table.
struct WalkStartCounter: WalkStartVisitor {
    var count = 0

    mutating func visit(_ offset: Int, tokenEnd: Int, inIdeographs: Bool) { count += 1 }
}

/// Walks the trie from each place and writes what it finds into the table's next row.
struct WalkTableFiller: WalkStartVisitor {
    let trie: ByteTrie
    let bytes: UnsafeBufferPointer<UInt8>
    /// `isTokenEnd[offset]`: whether a token ends at byte `offset` (see `ScanScratch.tokenEnds`).
    let isTokenEnd: UnsafeBufferPointer<Bool>
    let layerEntry: UnsafeBufferPointer<Int32>
    let table: WalkTable
    private var nextRow = 0

    init(trie: ByteTrie, bytes: UnsafeBufferPointer<UInt8>, isTokenEnd: UnsafeBufferPointer<Bool>,
         layerEntry: UnsafeBufferPointer<Int32>, table: WalkTable) {
        self.trie = trie
        self.bytes = bytes
        self.isTokenEnd = isTokenEnd
        self.layerEntry = layerEntry
        self.table = table
    }

    mutating func visit(_ offset: Int, tokenEnd: Int, inIdeographs: Bool) {
        let stride = table.stride
        table.rowOf[offset] = Int32(nextRow)
        let row = UnsafeMutableBufferPointer(rebasing: table.rows[(nextRow * stride)..<((nextRow + 1) * stride)])
        nextRow += 1
        row.update(repeating: -1)
        row[stride - 1] = 0
        var sink = WalkRowSink(row: row, layerEntry: layerEntry, layerCount: table.layerCount, tokenEnd: tokenEnd)
        if inIdeographs {
            trie.walkFromIdeograph(in: bytes, from: offset, limit: bytes.count,
                                   acceptEnd: CharacterEndRule(bytes: bytes), into: &sink)
        } else {
            trie.walkFromTokenStart(in: bytes, from: offset, limit: bytes.count,
                                    acceptEnd: TokenEndRule(isTokenEnd: isTokenEnd), into: &sink)
        }
    }
}

/// One comment's lexicon matches, from `LexiconScanner.scan`.
public struct LexiconMatches: Sendable {
    /// Scoring terms, in order and non-overlapping; entries index the scoring matcher's entries.
    public var scoring: [TermMatch]
    /// Per cue layer, its cues in order; entries index that layer's entries.
    public var cues: [[TermMatch]]
}
