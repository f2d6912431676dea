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

    public init(scoring: TermMatcher, cues: CueTerms, modifierCharacters: Set<UInt32>) {
        let layerTerms = [scoring.terms] + cues.layers.map(\.terms)
        let union = Set(layerTerms.joined()).sorted()
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
    }

    /// The comment's scoring matches (entries index `scoring.entries`) and each cue layer's matches (entries index
    /// that layer's `CueTerms.Layer.entries`): the same as `scoring.matches(in:)` and a scan of each cue layer with
    /// its own trie.
    public func scan(_ text: SegmentedText) -> LexiconMatches {
        let tokens = text.tokens
        let byteCount = text.folded.count
        guard !tokens.isEmpty else {
            return LexiconMatches(scoring: [], cues: [[TermMatch]](filledWith: [], count: cues.layers.count))
        }
        let isTokenEnd = MatchScanner.tokenEnds(tokens, byteCount: byteCount)
        let stride = WalkTable.stride(layers: layerCount)
        // A row per walk start, found through a row number per byte: rows per byte would cost 44 bytes of memory
        // for every byte of text, 44 MB per worker for a comment at the 1 MiB limit. Only the entries at walk starts
        // are written and read, so both are left uninitialised.
        let rowOf = UnsafeMutableBufferPointer<Int32>.allocate(capacity: byteCount)
        defer { rowOf.deallocate() }
        let rows = text.folded.withUnsafeBufferPointer { bytes in
            UnsafeMutableBufferPointer<Int32>.allocate(capacity: Self.walkStarts(tokens, bytes: bytes) * stride)
        }
        defer { rows.deallocate() }
        let table = WalkTable(rows: rows, rowOf: rowOf, layerCount: layerCount)
        return text.folded.withUnsafeBufferPointer { bytes in
            layerEntry.withUnsafeBufferPointer { layerEntry in
                isTokenEnd.withUnsafeBufferPointer { isTokenEnd in
                    /// A sink writing into row `number`, which becomes the row of the walk from `offset`.
                    func sink(row number: Int, at offset: Int, tokenEnd: Int) -> WalkRowSink {
                        rowOf[offset] = Int32(number)
                        let row = UnsafeMutableBufferPointer(
                            rebasing: rows[(number * stride)..<((number + 1) * stride)])
                        row.update(repeating: -1)
                        row[stride - 1] = 0
                        return WalkRowSink(row: row, layerEntry: layerEntry, layerCount: layerCount,
                                           tokenEnd: tokenEnd)
                    }
                    var nextRow = 0
                    for token in tokens {
                        let start = Int(token.start)
                        let end = Int(token.end)
                        switch token.kind {
                        case .whitespace, .lineBreak:
                            continue
                        case .ideographic:
                            var offset = start
                            while offset < end {
                                var row = sink(row: nextRow, at: offset, tokenEnd: end)
                                nextRow += 1
                                trie.walkFromIdeograph(in: bytes, from: offset, limit: byteCount,
                                                       acceptEnd: { $0 >= byteCount || bytes[$0] & 0xC0 != 0x80 },
                                                       into: &row)
                                offset += UTF8Scalar.length(leadByte: bytes[offset])
                            }
                        default:
                            var row = sink(row: nextRow, at: start, tokenEnd: end)
                            nextRow += 1
                            trie.walk(in: bytes, from: start, limit: byteCount, acceptEnd: { isTokenEnd[$0] },
                                      into: &row)
                        }
                    }
                }
            }
            return LexiconMatches(
                scoring: MatchScanner.scan(tokens, bytes: bytes, source: table),
                cues: CueScanner.scan(tokens, bytes: bytes, table: table, cueLayers: 1..<layerCount,
                                      modifiers: modifiers))
        }
    }
}

extension LexiconScanner {
    /// How many walks `scan` makes: one from every character of an ideographic token, one from the start of every
    /// other token but spaces and line breaks.
    static func walkStarts(_ tokens: [Token], bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for token in tokens {
            switch token.kind {
            case .whitespace, .lineBreak:
                continue
            case .ideographic:
                for offset in Int(token.start)..<Int(token.end) where bytes[offset] & 0xC0 != 0x80 { count += 1 }
            default:
                count += 1
            }
        }
        return count
    }
}

/// One comment's lexicon matches, from `LexiconScanner.scan`.
public struct LexiconMatches: Sendable {
    /// Scoring terms, in order and non-overlapping; entries index the scoring matcher's entries.
    public var scoring: [TermMatch]
    /// Per cue layer, its cues in order; entries index that layer's entries.
    public var cues: [[TermMatch]]
}
