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
        /// Per entry with context conditions, the longest shorter cue of the layer that its term starts with (whole
        /// words for alphabetic terms, characters for Han ones), or -1; empty when no entry has one. The scan matches
        /// the longest cue, so where its conditions fail the shorter cue it hid is read instead: "refused to" (a
        /// refusal of a remedy named next) gives way to the outcome word "refused" in "they refused to even look at
        /// the refund".
        public let shorterEntry: [Int32]
        /// The byte length of `shorterEntry`'s term, per entry.
        public let shorterLength: [Int32]

        /// The entry index of exactly this (folded) term, if the layer has it.
        public func lookup(_ term: String) -> Int? { terms.firstIndex(of: term) }
    }

    /// `Layer.shorterEntry` and `Layer.shorterLength` for a layer's sorted terms, or two empty arrays. The shorter cue
    /// is the longest one the term starts with that may stand in for it (`isFallback`).
    static func shorterCues(terms: [String], entries: [LexiconEntry], isBlocker: [Bool]) -> ([Int32], [Int32]) {
        func hasContext(_ entry: LexiconEntry) -> Bool {
            entry.cues.contains { $0.context != nil } || entry.aspects.contains { $0.context != nil }
                || entry.signals.contains { $0.context != nil }
        }
        guard entries.contains(where: hasContext) else { return ([], []) }
        let index = Dictionary(terms.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var shorter = [Int32](repeating: -1, count: terms.count)
        var length = [Int32](repeating: 0, count: terms.count)
        for (entry, term) in terms.enumerated() where hasContext(entries[entry]) {
            var prefixes = [String]()
            if term.utf8.allSatisfy({ $0 < 0x80 }) {
                let words = term.split(separator: " ")
                if words.count > 1 {
                    for count in stride(from: words.count - 1, through: 1, by: -1) {
                        prefixes.append(words.prefix(count).joined(separator: " "))
                    }
                }
            } else {
                let characters = Array(term)
                if characters.count > 1 {
                    for count in stride(from: characters.count - 1, through: 1, by: -1) {
                        prefixes.append(String(characters.prefix(count)))
                    }
                }
            }
            for prefix in prefixes {
                guard let found = index[prefix], !isBlocker[found],
                      isFallback(entries[found], prefix: prefix, for: entries[entry]) else { continue }
                shorter[entry] = Int32(found)
                length[entry] = Int32(prefix.utf8.count)
                break
            }
        }
        return (shorter, length)
    }

    /// Whether `shorter` (its term `prefix`) may stand in for `longer` where the longer cue's conditions fail. Not a
    /// single Han character: 到 is "arrived" in 退款到账 but "until" in 到现在都没见过, and most one-character cues need the
    /// word around them, which the longer cue's failure says nothing about. Nor a signal of another kind or the other
    /// direction (`signalLeanings`): where 到现在都没 (unresolved) is no recovery, 到 (done) is no recovery either, and
    /// "never happened again" is no answer "never". A shorter cue with no directed signal (a dimension, a topic)
    /// stands in as before.
    static func isFallback(_ shorter: LexiconEntry, prefix: String, for longer: LexiconEntry) -> Bool {
        if prefix.unicodeScalars.count == 1, prefix.unicodeScalars.allSatisfy({ $0.value >= 0x2E80 }) { return false }
        let fallback = signalLeanings(of: shorter)
        return fallback.isEmpty || !fallback.isDisjoint(with: signalLeanings(of: longer))
    }

    /// The kinds and directions (true: the customer's good news, exceeded, met, recovered, loyal; false: the bad) that
    /// an entry's signal cues read or push a recovery towards. Cues whose direction comes from elsewhere (a topic, a
    /// cue that follows its sentence, a surprise, a rhetorical opener, a booking, a reveal) have none.
    static func signalLeanings(of entry: LexiconEntry) -> Set<SignalLeaning> {
        var leanings = Set<SignalLeaning>()
        for cue in entry.signals {
            switch cue.role {
            case let .reading(value):
                leanings.insert(SignalLeaning(kind: cue.kind, good: value.kind.reading(positive: true) == value
                                                  || value == .met))
            case let .outcome(outcome):
                leanings.insert(SignalLeaning(kind: cue.kind, good: outcome.reading == .recovered))
            case let .answer(yes):
                leanings.insert(SignalLeaning(kind: cue.kind, good: yes))
            case .followingSentiment, .topic, .surprise, .rhetorical, .agreed, .reveal, .comparison, .comparative, .otherParty,
                 .ownParty, .claimed, .persisting:
                continue
            }
        }
        return leanings
    }

    /// A signal kind and the direction a cue reads it in (`signalLeanings`).
    struct SignalLeaning: Hashable {
        var kind: SignalKind
        var good: Bool
    }

    public init(layers source: [[String: LexiconEntry]]) {
        layers = source.map { entries in
            let sorted = TermOrder.sortedByKey(entries.filter { !$0.key.isEmpty })
            let isBlocker = sorted.map { $0.value.isCompound && !$0.value.isCue }
            let terms = sorted.map(\.key)
            let values = sorted.map(\.value)
            let (shorter, length) = Self.shorterCues(terms: terms, entries: values, isBlocker: isBlocker)
            return Layer(entries: values, terms: terms, isBlocker: isBlocker,
                         hasBlockers: isBlocker.contains(true), shorterEntry: shorter, shorterLength: length)
        }
    }
}
