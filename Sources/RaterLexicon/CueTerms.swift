/// The cue words of a lexicon in layers, one per role (dimension, aspect and signal cues, see
/// `Lexicon.makeCueTerms`), each layer's entries and terms sorted by term: a cue `TermMatch` of a layer indexes
/// these.
///
/// Each layer is matched longest-first on its own, so that one role's longer phrase never hides another role's
/// shorter cue ("exactly as described" is a dimension cue, "as described" a signal cue). `LexiconScanner` finds
/// every layer's matches in the same walk as the scoring terms.
public struct CueTerms: Sendable {
    public let layers: [Layer]

    public struct Layer: Sendable {
        public let entries: [LexiconEntry]
        public let terms: [String]
        /// `isBlocker[entry]`: a compound without a cue role in this layer, matched only to keep shorter cues out of
        /// it; `LexiconScanner` drops its matches.
        let isBlocker: [Bool]

        /// Whether any entry is a blocker (most layers of most lexicons have none).
        let hasBlockers: Bool

        /// The entry index of exactly this (folded) term, if the layer has it.
        public func lookup(_ term: String) -> Int? { terms.firstIndex(of: term) }
    }

    public init(layers source: [[String: LexiconEntry]]) {
        layers = source.map { entries in
            let sorted = TermOrder.sortedByKey(entries.filter { !$0.key.isEmpty })
            let isBlocker = sorted.map { $0.value.isCompound && !$0.value.isCue }
            return Layer(entries: sorted.map(\.value), terms: sorted.map(\.key), isBlocker: isBlocker,
                         hasBlockers: isBlocker.contains(true))
        }
    }
}
