import RaterCore

/// The cue layers (dimension, aspect and signal cues, see `Lexicon.makeCueMatcher`) in one trie, so that one walk
/// from a position finds every layer's longest term there.
///
/// Each layer is matched longest-first on its own, so that one role's longer phrase never hides another role's
/// shorter cue ("exactly as described" is a dimension cue, "as described" a signal cue). Walking one trie per layer
/// cost three walks per character of Chinese text; a walk through the union of the layers' terms meets each
/// layer's terms on the same path, so it finds the same longest match per layer in one pass.
public struct CueMatcher: Sendable {
    private let trie: ByteTrie
    /// `layerEntry[term * layerCount + layer]`: the index in `layers[layer]` of the union's `term`, or -1.
    private let layerEntry: [Int32]
    /// Each layer's entries and terms, sorted by term: a `TermMatch` of a layer indexes these.
    public let layers: [Layer]

    public struct Layer: Sendable {
        public let entries: [LexiconEntry]
        public let terms: [String]

        /// The entry index of exactly this (folded) term, if the layer has it.
        public func lookup(_ term: String) -> Int? { terms.firstIndex(of: term) }
    }

    public init(layers source: [[String: LexiconEntry]]) {
        let layers = source.map { entries in
            let sorted = entries.filter { !$0.key.isEmpty }.sorted(by: { $0.key < $1.key })
            return Layer(entries: sorted.map(\.value), terms: sorted.map(\.key))
        }
        let union = Set(layers.flatMap(\.terms)).sorted()
        let termIndex = Dictionary(uniqueKeysWithValues: union.enumerated().map { ($1, $0) })
        var layerEntry = [Int32](filledWith: -1, count: union.count * layers.count)
        for (layerIndex, layer) in layers.enumerated() {
            for (entryIndex, term) in layer.terms.enumerated() {
                layerEntry[termIndex[term]! * layers.count + layerIndex] = Int32(entryIndex)
            }
        }
        self.trie = ByteTrie(terms: union)
        self.layerEntry = layerEntry
        self.layers = layers
    }

    public var layerCount: Int { layers.count }

    /// Every layer's longest term starting at `start` whose end satisfies `acceptEnd`: on return `ends[layer]` is
    /// the match's end offset and `entries[layer]` its entry index in that layer, or -1 where the layer has none.
    @inline(__always)
    func longestMatches(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int,
                        acceptEnd: (Int) -> Bool, ends: UnsafeMutableBufferPointer<Int>,
                        entries: UnsafeMutableBufferPointer<Int32>) {
        entries.update(repeating: -1)
        layerEntry.withUnsafeBufferPointer { layerEntry in
            var sink = Sink(layerEntry: layerEntry, layerCount: layers.count, ends: ends, entries: entries)
            trie.walk(in: bytes, from: start, limit: limit, acceptEnd: acceptEnd, into: &sink)
        }
    }

    /// Records each term the walk passes as the longest so far in every layer that holds it.
    private struct Sink: TermEndSink {
        let layerEntry: UnsafeBufferPointer<Int32>
        let layerCount: Int
        let ends: UnsafeMutableBufferPointer<Int>
        let entries: UnsafeMutableBufferPointer<Int32>

        @inline(__always)
        mutating func reached(term: Int32, end: Int) {
            let row = Int(term) * layerCount
            for layer in 0..<layerCount where layerEntry[row + layer] >= 0 {
                ends[layer] = end
                entries[layer] = layerEntry[row + layer]
            }
        }
    }
}
