import RaterLexicon

/// The roles of one comment's cue hits: the lexicon entry of each hit, read in place in its cue layer, or, for the
/// few cues whose context conditions removed some roles, the entry as filtered for that hit.
struct CueRoles {
    /// Where a hit's roles are.
    enum Source: Sendable, Equatable {
        /// All roles of entry `entry` of cue layer `layer` apply.
        case entry(layer: Int32, entry: Int32)
        /// The roles that held in context, at this index of `filtered`.
        case filtered(Int32)
    }

    let layers: [CueLayer]
    /// Entries with the roles whose context conditions failed removed, one per hit that had such conditions.
    var filtered: [LexiconEntry] = []

    init(layers: [CueLayer]) {
        self.layers = layers
    }

    /// Keeps an entry filtered for one hit, and says where it is.
    mutating func keep(_ entry: LexiconEntry) -> Source {
        filtered.append(entry)
        return .filtered(Int32(filtered.count - 1))
    }

    func dimensions(of hit: CueHit) -> [DimensionCue] {
        switch hit.roles {
        case let .entry(layer, entry): layers[Int(layer)].entries[Int(entry)].cues
        case let .filtered(index): filtered[Int(index)].cues
        }
    }

    func aspects(of hit: CueHit) -> [AspectCue] {
        switch hit.roles {
        case let .entry(layer, entry): layers[Int(layer)].entries[Int(entry)].aspects
        case let .filtered(index): filtered[Int(index)].aspects
        }
    }

    func signals(of hit: CueHit) -> [SignalCue] {
        switch hit.roles {
        case let .entry(layer, entry): layers[Int(layer)].entries[Int(entry)].signals
        case let .filtered(index): filtered[Int(index)].signals
        }
    }
}
