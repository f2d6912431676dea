/// Which lexicon file gave an entry each of its weights: an index into `Lexicon.sources` (the file layered last for
/// that role wins, as the weight does), or −1 when no file did (a weight learned in memory, a test's entry).
///
/// Indexes, not paths: every term of the matcher carries these, and `rater explain` turns one into a file name
/// (`Lexicon.sourceName`) only for the terms it prints, so the analyst sees which file to fix.
public struct WeightSources: Sendable, Equatable {
    /// The file that set `LexiconEntry.valence` (for a cue phrase that inherited it, the inner word's file).
    public var valence: Int32 = -1
    /// The file that set `LexiconEntry.scale`.
    public var scale: Int32 = -1
    /// The file that set `LexiconEntry.negatedAct`.
    public var act: Int32 = -1
    /// The file that set `LexiconEntry.remedy`.
    public var remedy: Int32 = -1

    public init() {}

    /// Marks the roles `entry` defines as coming from file `index`.
    mutating func stamp(_ entry: LexiconEntry, file index: Int32) {
        if entry.valence != nil { valence = index }
        if entry.scale != nil { scale = index }
        if entry.negatedAct != nil { act = index }
        if entry.remedy != nil { remedy = index }
    }

    /// Takes `other`'s source for each role `other` defines, as `LexiconEntry.overlay` takes the role.
    mutating func overlay(_ other: WeightSources, of entry: LexiconEntry) {
        if entry.valence != nil { valence = other.valence }
        if entry.scale != nil { scale = other.scale }
        if entry.negatedAct != nil { act = other.act }
        if entry.remedy != nil { remedy = other.remedy }
    }
}
